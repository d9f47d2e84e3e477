import { afterEach, describe, expect, it } from 'vitest';
import { codeGroupOf } from '@/lib/privacy/code-groups';
import { isSecretField } from '@/lib/privacy/secret-fields';
import { storedValue } from '@/lib/privacy/policy';

function page(html: string): HTMLInputElement[] {
  document.body.innerHTML = html;
  return Array.from(document.querySelectorAll('input'));
}

const boxes = (n: number, attrs: string, wrap = (s: string) => s) =>
  Array.from({ length: n }, (_, i) => wrap(`<input ${attrs.replace(/#/g, String(i + 1))}>`)).join('');

afterEach(() => {
  document.body.innerHTML = '';
});

describe('split codes are one secret', () => {
  it.each([
    ['six one-digit boxes, only the first with autocomplete', boxes(6, 'maxlength="1" inputmode="numeric"').replace('<input', '<input autocomplete="one-time-code"')],
    ['six one-character boxes without any hint', boxes(6, 'maxlength="1"')],
    ['six boxes each wrapped in a div', `<div class="otp">${boxes(6, 'maxlength="1" inputmode="numeric"', (s) => `<div class="cell">${s}</div>`)}</div>`],
    ['boxes with dashes between them', `<div>${boxes(3, 'maxlength="1" type="tel"')}<span>-</span>${boxes(3, 'maxlength="1" type="tel"')}</div>`],
    ['four-digit card groups', `<fieldset><legend>Pay</legend>${boxes(4, 'maxlength="4" inputmode="numeric" aria-label="Group #"')}</fieldset>`],
    ['four-digit groups by pattern and size', boxes(4, 'size="4" pattern="[0-9]*"')],
    ['PIN boxes of type number', boxes(4, 'type="number" maxlength="1"')],
    ['boxes sitting directly in a form', `<form><input name="email">${boxes(6, 'maxlength="1" inputmode="numeric"')}<button>Go</button></form>`],
  ])('%s', (_, html) => {
    const inputs = page(html).filter((i) => i.maxLength > 0 || i.size <= 4);
    expect(inputs.length).toBeGreaterThanOrEqual(4);
    for (const input of inputs) expect(isSecretField(input), input.outerHTML).toBe(true);
    expect(storedValue(inputs[2]!, '7')).toEqual({ value: '••••', masked: true });
  });

  it.each([
    ['a phone number split 3-3-4', '<input maxlength="3" inputmode="numeric"><input maxlength="3" inputmode="numeric"><input maxlength="4" inputmode="numeric">'],
    ['a date split 2-2-4', '<input maxlength="2" inputmode="numeric"><input maxlength="2" inputmode="numeric"><input maxlength="4" inputmode="numeric">'],
    ['an expiry date MM / YY', '<input maxlength="2" inputmode="numeric"> / <input maxlength="2" inputmode="numeric">'],
    ['a lone middle initial', '<input name="first"><input maxlength="1" name="mi"><input name="last">'],
    ['short text boxes that take letters', boxes(4, 'maxlength="3"')],
    ['long numeric fields', boxes(4, 'maxlength="10" inputmode="numeric"')],
    ['checkboxes', boxes(4, 'type="checkbox" maxlength="1"')],
    ['short boxes far apart in a form', `<form><div><input maxlength="1"></div><div><input name="a"></div><div><input maxlength="1"></div><div><input maxlength="1"></div></form>`],
  ])('not a code: %s', (_, html) => {
    for (const input of page(html)) {
      expect(codeGroupOf(input), input.outerHTML).toBeUndefined();
      expect(isSecretField(input), input.outerHTML).toBe(false);
    }
  });

  it('the group is the run of boxes, not the other fields next to it', () => {
    const inputs = page(`<div><input name="email">${boxes(4, 'maxlength="1" inputmode="numeric"')}<input name="note"></div>`);
    expect(codeGroupOf(inputs[2]!)).toEqual(inputs.slice(1, 5));
    expect(isSecretField(inputs[0]!)).toBe(false);
    expect(isSecretField(inputs[5]!)).toBe(false);
  });

  it('boxes inside a shadow root', () => {
    document.body.innerHTML = '<otp-input></otp-input>';
    const root = document.querySelector('otp-input')!.attachShadow({ mode: 'open' });
    root.innerHTML = boxes(6, 'maxlength="1" inputmode="numeric"');
    for (const input of root.querySelectorAll('input')) expect(isSecretField(input)).toBe(true);
  });
});

describe('fields named like secrets', () => {
  it.each([
    '<input name="pin1" maxlength="1">',
    '<input name="userPin">',
    '<input name="user_pin">',
    '<label for="v">Verification code</label><input id="v">',
    '<label>Code de vérification <input></label>',
    '<input placeholder="Contraseña">',
    '<input aria-label="Kennwort">',
    '<input title="Bestätigungscode">',
    '<input name="otp">',
  ])('%s is secret', (html) => {
    expect(isSecretField(page(html)[0]!)).toBe(true);
  });

  it.each([
    '<input name="spinner">',
    '<input name="pinned">',
    '<input name="shipping">',
    '<label for="z">Zip code</label><input id="z" inputmode="numeric" maxlength="5">',
    '<input name="promoCode">',
    '<input name="code">',
  ])('%s is not secret', (html) => {
    expect(isSecretField(page(html)[0]!)).toBe(false);
  });
});

describe('aria-labelledby inside a shadow root', () => {
  it('resolves the id in the shadow root, not the document', () => {
    document.body.innerHTML = '<span id="l">Merchant</span><x-field></x-field>';
    const root = document.querySelector('x-field')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<span id="l">Client secret</span><input aria-labelledby="l">';
    expect(isSecretField(root.querySelector('input')!)).toBe(true);
  });

  it('a shadow field labelled by an ordinary id stays ordinary', () => {
    document.body.innerHTML = '<span id="l">Password</span><x-field></x-field>';
    const root = document.querySelector('x-field')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<span id="l">Merchant</span><input aria-labelledby="l">';
    expect(isSecretField(root.querySelector('input')!)).toBe(false);
  });
});
