import { describe, expect, it } from 'vitest';
import { restrictionOf } from '@/lib/recording/restricted';

describe('restrictionOf', () => {
  it.each([
    'chrome://settings',
    'chrome-extension://abc/popup.html',
    'about:blank',
    'https://chromewebstore.google.com/detail/x',
    'https://chrome.google.com/webstore/detail/x',
    'https://addons.mozilla.org/en-US/firefox/',
    'https://example.com/files/report.pdf',
    'view-source:https://example.com',
    undefined,
    'not a url',
  ])('refuses %s', (url) => {
    expect(restrictionOf(url)).toMatch(/can't record/);
  });

  it.each(['https://example.com/', 'http://127.0.0.1:8080/a.html', 'file:///tmp/x.html', 'https://chrome.google.com/search'])(
    'allows %s',
    (url) => {
      expect(restrictionOf(url)).toBeUndefined();
    },
  );
});
