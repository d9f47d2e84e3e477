import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isSecretField } from '@/lib/privacy/secret-fields';
import { isIgnoredElement, storedValue } from '@/lib/privacy/policy';
import { isSiteAllowed, normalizeSite, siteMatches } from '@/lib/privacy/sites';
import { loadPrivacySettings, savePrivacySettings } from '@/lib/privacy/settings';

function field(html: string): HTMLInputElement {
  document.body.innerHTML = html;
  return document.querySelector('input')!;
}

describe('secret fields', () => {
  it.each([
    ['<input type="password">'],
    ['<input autocomplete="cc-number">'],
    ['<input autocomplete="one-time-code">'],
    ['<input autocomplete="new-password">'],
    ['<label for="c">Card number</label><input id="c">'],
    ['<input name="cvc">'],
    ['<input aria-label="PIN">'],
    ['<input name="ssn">'],
    ['<input id="iban">'],
    ['<input aria-label="API token">'],
    ['<span id="l">Client secret</span><input aria-labelledby="l">'],
  ])('%s is secret', (html) => {
    expect(isSecretField(field(html))).toBe(true);
  });

  it.each([['<input name="merchant">'], ['<input type="email" name="email">'], ['<input aria-label="Spinner">']])(
    '%s is not secret',
    (html) => {
      expect(isSecretField(field(html))).toBe(false);
    },
  );

  it('a password field stays masked after a show-password toggle makes it type=text', () => {
    const input = field('<input type="password" name="pw">');
    expect(storedValue(input, 'hunter2')).toEqual({ value: '••••', masked: true });
    input.type = 'text';
    expect(storedValue(input, 'hunter2')).toEqual({ value: '••••', masked: true });
  });

  it('keeps at most the last four digits of a card number, also in an ordinary field', () => {
    expect(storedValue(field('<input autocomplete="cc-number">'), '4111 1111 1111 1234')).toEqual({
      value: '•••• 1234',
      masked: true,
    });
    expect(storedValue(field('<input name="note">'), 'pay with 4111111111111111')).toEqual({
      value: '•••• 1111',
      masked: true,
    });
    expect(storedValue(field('<input name="merchant">'), 'Blue Bottle')).toEqual({ value: 'Blue Bottle', masked: false });
  });
});

describe('sites and marked elements', () => {
  beforeEach(() => fakeBrowser.reset());

  it('matches hosts, subdomains, ports and pasted URLs', () => {
    expect(normalizeSite(' https://Bank.Example.com/login?x ')).toBe('bank.example.com');
    expect(siteMatches('https://app.bank.com/x', 'bank.com')).toBe(true);
    expect(siteMatches('https://notbank.com/', 'bank.com')).toBe(false);
    expect(siteMatches('https://bank.com/', '*.bank.com')).toBe(false);
    expect(siteMatches('http://127.0.0.1:8080/', '127.0.0.1:8080')).toBe(true);
    expect(siteMatches('http://127.0.0.1:9090/', '127.0.0.1:8080')).toBe(false);
  });

  it('deny list wins; a non-empty allow list admits only its sites', async () => {
    await savePrivacySettings((s) => ({ ...s, denySites: ['bank.com'] }));
    expect(await isSiteAllowed('https://www.bank.com/')).toBe(false);
    expect(await isSiteAllowed('https://shop.com/')).toBe(true);
    await savePrivacySettings((s) => ({ ...s, allowSites: ['intranet.corp'] }));
    expect(await isSiteAllowed('https://shop.com/')).toBe(false);
    expect(await isSiteAllowed('https://hr.intranet.corp/')).toBe(true);
  });

  it('ignores elements inside a user-marked selector on that site only', async () => {
    await loadPrivacySettings();
    document.body.innerHTML = '<div id="salary"><button>Show</button></div><button id="ok">OK</button>';
    const url = window.location.href;
    await savePrivacySettings((s) => ({ ...s, markedElements: [{ site: new URL(url).host, selector: '#salary' }] }));
    expect(isIgnoredElement(document.querySelector('#salary button')!)).toBe(true);
    expect(isIgnoredElement(document.querySelector('#ok')!)).toBe(false);
    await savePrivacySettings((s) => ({ ...s, markedElements: [{ site: 'elsewhere.org', selector: '#salary' }] }));
    expect(isIgnoredElement(document.querySelector('#salary button')!)).toBe(false);
  });
});
