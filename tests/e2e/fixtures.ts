/** Playwright fixtures: a fixture server per worker, a fresh browser profile with Waymark per test. */
import { test as base, expect } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { startFixtureServer, type FixtureServer } from '../support/server';
import { ExtensionApi } from '../support/pages/extension-api';

interface TestFixtures {
  browserWithExtension: ExtensionBrowser;
  api: ExtensionApi;
}

export const test = base.extend<TestFixtures, { server: FixtureServer }>({
  server: [
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  browserWithExtension: async ({}, use) => {
    const browser = await launchWithExtension();
    await use(browser);
    await browser.close();
  },
  api: async ({ browserWithExtension: b }, use) => {
    await use(await ExtensionApi.open(b.context, b.extensionId));
  },
});

export { expect };
