/**
 * One benchmark browser: Chromium with the built extension (tests/support/chromium.ts), the
 * fixture server, and the automation API page. Each group of figures gets a fresh one, so a
 * group's leftovers (guides, caches, memory) never weigh on the next.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import { startFixtureServer, type FixtureServer } from '../support/server';
import { ExtensionApi } from '../support/pages/extension-api';

export interface BenchSession {
  browser: ExtensionBrowser;
  server: FixtureServer;
  api: ExtensionApi;
  /** A fresh tab on a bench fixture page (tests/fixtures/bench/). */
  openFixture(path: string): Promise<Page>;
  /** A fresh tab on an extension page, its database opened by the app itself. */
  openExtensionPage(path: string): Promise<Page>;
}

// tsx compiles with esbuild's keepNames, which wraps functions in `__name(...)`; code sent to
// the browser with page.evaluate needs that helper to exist there too.
const NAME_SHIM = 'globalThis.__name ??= (f) => f;';

export async function withSession<T>(run: (session: BenchSession) => Promise<T>): Promise<T> {
  const server = await startFixtureServer();
  const browser = await launchWithExtension();
  try {
    await browser.context.addInitScript({ content: NAME_SHIM });
    const api = await ExtensionApi.open(browser.context, browser.extensionId);
    await api.page.evaluate(NAME_SHIM);
    const session: BenchSession = {
      browser,
      server,
      api,
      async openFixture(path) {
        const page = await browser.context.newPage();
        await page.goto(server.url(`bench/${path}`));
        return page;
      },
      async openExtensionPage(path) {
        const page = await browser.context.newPage();
        await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
        return page;
      },
    };
    return await run(session);
  } finally {
    await browser.close();
    await server.close();
  }
}
