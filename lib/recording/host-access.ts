/**
 * Firefox lets the user withdraw an MV3 add-on's host permissions (about:addons → Waymark →
 * Permissions). Without <all_urls> Waymark can neither run in the page nor capture the tab, so
 * recording must say what to do instead of failing later with a vaguer error. Chrome never
 * withdraws required host permissions; there this always passes.
 */
import { browser } from 'wxt/browser';

export const HOST_ACCESS_MESSAGE =
  'Waymark needs permission to access websites to record. Open about:addons → Waymark → Permissions and allow access to all websites, then try again.';

/** Why recording is impossible for lack of host access, or `undefined` if access is granted. */
export async function missingHostAccess(): Promise<string | undefined> {
  const granted = await browser.permissions.contains({ origins: ['<all_urls>'] });
  return granted ? undefined : HOST_ACCESS_MESSAGE;
}
