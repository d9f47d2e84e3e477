/**
 * Waymark opens its welcome page once, on install — so in every fresh test profile. Tests that
 * are not about it close it first: it would take the focus, count among the tabs, and be the
 * page a test waiting for a new tab gets. It is found and closed through the extension's own
 * tabs API (run by the service worker). Waits for it rather than guessing when it comes.
 *
 * Firefox: left open. Its WebDriver BiDi does not report a tab an add-on opened at startup (not in
 * context.pages(), no 'page' event), and there is no worker to run the closing in: it would take a
 * helper extension page, and opening one right after launch was aborted (NS_BINDING_ABORTED) in
 * 2 of 5 tries under load. Tests open their own tabs after it, so it never has the focus.
 */
import type { ExtensionBrowser } from './extension';

export const WELCOME_PATH = '/welcome.html';

/** Runs in the extension: closes the welcome tabs, answers how many there were. */
async function closeWelcomeTabs(url: string): Promise<number> {
  const tabs = (await chrome.tabs.query({})).filter((tab) => tab.url === url);
  await Promise.all(tabs.map((tab) => chrome.tabs.remove(tab.id!)));
  return tabs.length;
}

export async function closeWelcomeTab(browser: ExtensionBrowser, timeoutMs = 15_000): Promise<void> {
  const url = browser.extensionUrl(WELCOME_PATH);
  if (browser.browserName === 'firefox') return;
  const deadline = Date.now() + timeoutMs;
  while ((await browser.worker.evaluate(closeWelcomeTabs, url)) === 0) {
    if (Date.now() > deadline) throw new Error(`Waymark's welcome page did not open within ${timeoutMs} ms`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
