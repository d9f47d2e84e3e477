/**
 * Playwright fixtures: a fixture server per worker, a fresh browser profile with Waymark per test.
 * Every spec runs in both projects of playwright.config.ts: `chromium` (the MV3 build in Debian's
 * Chromium) and `firefox` (the Firefox build in Debian's Firefox ESR). The fixture picks the
 * browser from the project; page objects work in both.
 */
import { test as base, expect } from '@playwright/test';
import { launchWithExtension } from '../support/chromium';
import { launchFirefoxWithExtension } from '../support/firefox';
import type { BrowserName, ExtensionBrowser, LaunchOptions } from '../support/extension';
import { startVirtualDisplay, type VirtualDisplay } from '../support/os-input';
import { startFixtureServer, type FixtureServer } from '../support/server';
import { ExtensionApi } from '../support/pages/extension-api';
import { closeWelcomeTab } from '../support/welcome-tab';

interface TestFixtures {
  /** Firefox with a window on a virtual display, acted on with real OS input (os-input.ts). */
  osInput: boolean;
  /** Leave the welcome page Waymark opens on install (only its own test wants it). */
  keepWelcome: boolean;
  /** Extra Firefox preferences for this spec's browser. */
  firefoxPrefs: Record<string, string | number | boolean>;
  /** Chromium: may Waymark stream the recorded tab (see tests/support/test-key.ts)? */
  tabCapture: boolean;
  browserWithExtension: ExtensionBrowser;
  api: ExtensionApi;
}

export const test = base.extend<TestFixtures, { server: FixtureServer; display: () => Promise<VirtualDisplay> }>({
  // One per worker, started by the first test that asks for it (Xvfb is needed by those alone).
  display: [
    async ({}, use) => {
      let started: Promise<VirtualDisplay> | undefined;
      await use(() => (started ??= startVirtualDisplay()));
      if (started) (await started).stop();
    },
    { scope: 'worker' },
  ],
  osInput: [false, { option: true }],
  server: [
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  keepWelcome: [false, { option: true }],
  firefoxPrefs: [{}, { option: true }],
  tabCapture: [true, { option: true }],
  browserWithExtension: async ({ browserName, keepWelcome, firefoxPrefs, tabCapture, osInput, display: startDisplay }, use) => {
    const display = osInput && browserName === 'firefox' ? await startDisplay() : undefined;
    const browser = await launchFor(browserName, { firefoxPrefs, tabCapture, display: display?.name });
    if (!keepWelcome) await closeWelcomeTab(browser);
    await use(browser);
    await browser.close();
  },
  api: async ({ browserWithExtension: b }, use) => {
    await use(await ExtensionApi.open(b.context, b.extensionId));
  },
});

function launchFor(browserName: string, options: LaunchOptions): Promise<ExtensionBrowser> {
  if (browserName === 'chromium') return launchWithExtension(options);
  if (browserName === 'firefox') return launchFirefoxWithExtension(options);
  throw new Error(`No Waymark build for ${browserName}`);
}

/**
 * Skips in one browser, with the reason in the report (`firefox: no service worker …`). Call it
 * at the top of a file or describe block, or first thing inside a test. Use it only for a real
 * difference between the browsers, never to hide a failure.
 */
export function skipIn(browser: BrowserName, reason: string): void {
  const description = `${browser}: ${reason}`;
  const running = currentTest();
  if (running) test.skip(running.project.use.browserName === browser, description);
  else test.skip(({ browserName }) => browserName === browser, description);
}

function currentTest(): ReturnType<typeof test.info> | undefined {
  try {
    return test.info();
  } catch {
    return undefined;
  }
}

export { expect };
