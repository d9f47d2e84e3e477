/**
 * Waymark opens its welcome page once, on install — so in every fresh test profile. Tests that
 * are not about it close it first: it would take the focus, count among the tabs, and be the
 * page a test waiting for a new tab gets. It is found and closed through the extension's own
 * tabs API, because Firefox's WebDriver BiDi does not report a tab an add-on opened at startup.
 * Waits for it rather than guessing when it comes.
 */
import type { ExtensionBrowser } from './extension';
import { openExtensionPage } from './extension';

export const WELCOME_PATH = '/welcome.html';

/** Runs in the extension: closes the welcome tabs, answers how many there were. */
async function closeWelcomeTabs(url: string): Promise<number> {
  const tabs = (await chrome.tabs.query({})).filter((tab) => tab.url === url);
  await Promise.all(tabs.map((tab) => chrome.tabs.remove(tab.id!)));
  return tabs.length;
}

export async function closeWelcomeTab(browser: ExtensionBrowser, timeoutMs = 15_000): Promise<void> {
  const url = browser.extensionUrl(WELCOME_PATH);
  // Chromium: the service worker runs it, no page needed. Firefox has none: a helper page.
  const helper = browser.browserName === 'firefox' ? await openExtensionPage(browser.context, '/popup.html') : undefined;
  const run = () => (helper ? helper.evaluate(closeWelcomeTabs, url) : browser.worker.evaluate(closeWelcomeTabs, url));
  try {
    const deadline = Date.now() + timeoutMs;
    while ((await run()) === 0) {
      if (Date.now() > deadline) throw new Error(`Waymark's welcome page did not open within ${timeoutMs} ms`);
      await new Promise((done) => setTimeout(done, 100));
    }
  } finally {
    await helper?.close();
  }
}
