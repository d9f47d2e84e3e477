/**
 * One benchmark browser: Chromium with the built extension (tests/support/chromium.ts), or
 * Firefox ESR for the groups that run there too (tests/support/firefox.ts), the fixture
 * server, and the automation API page. Each group of figures gets a fresh one, so a group's
 * leftovers (guides, caches, memory) never weigh on the next.
 */
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from '../support/chromium';
import type { LaunchOptions } from '../support/extension';
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

/**
 * Readies an extension page for page.evaluate (see NAME_SHIM): the context's init script
 * reaches them in Chromium, not in Firefox.
 */
export async function readyForEvaluate(page: Page): Promise<void> {
  await page.evaluate(NAME_SHIM);
}

type Launch = (options?: LaunchOptions) => Promise<ExtensionBrowser>;

export async function withSession<T>(run: (session: BenchSession) => Promise<T>, launch: Launch = launchWithExtension, options?: LaunchOptions): Promise<T> {
  const server = await startFixtureServer();
  const browser = await launch(options);
  try {
    await browser.context.addInitScript({ content: NAME_SHIM });
    const api = await ExtensionApi.open(browser.context, browser.extensionId);
    await readyForEvaluate(api.page);
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
        await browser.gotoExtensionPage(page, path.startsWith('/') ? path : `/${path}`);
        return page;
      },
    };
    return await run(session);
  } finally {
    await browser.close();
    await server.close();
  }
}
