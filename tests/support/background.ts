/**
 * Stops Waymark's background the way the browser does, mid-recording. Chromium: its service
 * worker is stopped through the DevTools protocol. Firefox: its event page is suspended by the
 * browser alone once idle, so the spec sets a short `extensions.background.idle.timeout`
 * (`FAST_SUSPEND`), the popup (whose polling keeps the page awake) is closed, and this waits
 * until the background notes its suspension (lib/recording/lifecycle.ts) — read from storage,
 * which does not wake it. Returns the ExtensionApi to go on with.
 */
import type { Page } from 'playwright-core';
import { expect } from '@playwright/test';
import type { ExtensionBrowser } from './extension';
import { ExtensionApi } from './pages/extension-api';


/** For `test.use`: Firefox suspends an idle event page after one second instead of thirty. */
export const FAST_SUSPEND = { firefoxPrefs: { 'extensions.background.idle.timeout': 1000 } };


/** LIFETIME_KEY of lib/recording/lifecycle.ts (importing that module needs an extension runtime). */
const LIFETIME_KEY = 'waymark.background';

interface Lifetime {
  startedAt: number;
  suspendedAt?: number;
}

export async function stopBackground(browser: ExtensionBrowser, api: ExtensionApi, page: Page): Promise<ExtensionApi> {
  if (browser.browserName === 'chromium') {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    return api;
  }
  // Taken before anything lets it idle: with nothing sent, it can be suspended while the quiet
  // page opens (over a second on a busy machine), and a suspension before `since` is never seen.
  const since = Date.now();
  await api.status();
  const quiet = await ExtensionApi.open(browser.context, browser.extensionId, '/options.html');
  await api.page.close();
  await expect
    .poll(async () => ((await lifetime(quiet)) ?.suspendedAt ?? 0) > since, { timeout: 30_000, message: 'the background is suspended' })
    .toBe(true);
  await page.bringToFront();
  return quiet;
}

/** When the background last started (and was suspended), as it noted in storage.session. */
export async function lifetime(api: ExtensionApi): Promise<Lifetime | undefined> {
  const stored = await api.page.evaluate((key) => chrome.storage.session.get(key), LIFETIME_KEY);
  return stored[LIFETIME_KEY] as Lifetime | undefined;
}
