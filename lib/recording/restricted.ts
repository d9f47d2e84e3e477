/**
 * Pages an extension may not touch: browser pages, other extensions, the web stores and the
 * built-in PDF viewer. Recording there cannot work, so we say so instead of failing silently.
 */
const STORE_HOSTS = ['chromewebstore.google.com', 'chrome.google.com', 'addons.mozilla.org'];

export const RESTRICTED_MESSAGE =
  "Waymark can't record on this page (browser pages, extension stores and the PDF viewer are off limits). Open a normal web page and try again.";

/** Why a URL cannot be recorded, or `undefined` if it can. */
export function restrictionOf(url: string | undefined): string | undefined {
  if (!url) return RESTRICTED_MESSAGE;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return RESTRICTED_MESSAGE;
  }
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) return RESTRICTED_MESSAGE;
  if (STORE_HOSTS.includes(parsed.hostname)) {
    const storePath = parsed.hostname !== 'chrome.google.com' || parsed.pathname.startsWith('/webstore');
    if (storePath) return RESTRICTED_MESSAGE;
  }
  if (/\.pdf($|[?#])/i.test(parsed.pathname)) return RESTRICTED_MESSAGE;
  return undefined;
}
