/**
 * Starts Debian's Chromium with the built extension loaded, through playwright-core.
 * Shared by the e2e tests, the benchmark and `npm start`.
 */
import { chromium } from 'playwright-core';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { INTRANET_HOST, pathOf, registerExtensionBrowser, type ExtensionBrowser, type LaunchOptions } from './extension';
import { keyedCopy, TEST_EXTENSION_ID } from './test-key';

export type { ExtensionBrowser } from './extension';

export const CHROMIUM = process.env.WAYMARK_CHROMIUM ?? '/usr/bin/chromium';
export const CHROME_BUILD = resolve(
  process.env.WAYMARK_BUILD ?? join(process.env.WAYMARK_OUT ?? '.output', 'chrome-mv3'),
);

export async function launchWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const buildDir = options.extensionDir ?? CHROME_BUILD;
  if (!existsSync(join(buildDir, 'manifest.json'))) {
    throw new Error(`No extension build at ${buildDir}: run \`npm run build\` first.`);
  }
  const profileDir = await mkdtemp(join(tmpdir(), 'waymark-profile-'));
  const downloadsDir = join(profileDir, 'downloads');
  await mkdir(downloadsDir);
  // The build with the test key (a fixed id, allowed to capture tabs without a click: test-key.ts).
  const extensionDir = await keyedCopy(buildDir, join(profileDir, 'extension'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    downloadsPath: downloadsDir,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.tabCapture === false ? [] : [`--allowlisted-extension-id=${TEST_EXTENSION_ID}`]),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // A host name that is not localhost (an insecure context), for any spec: http://intranet.test:<port>/
      `--host-resolver-rules=MAP ${INTRANET_HOST} 127.0.0.1`,
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const extensionUrl = (path: string) => `chrome-extension://${extensionId}${pathOf(path)}`;
  return registerExtensionBrowser({
    browserName: 'chromium',
    context,
    extensionId,
    worker,
    profileDir,
    downloadsDir,
    browserPageUrl: 'chrome://version',
    extensionUrl,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(extensionUrl(path));
      return page;
    },
    async gotoExtensionPage(page, path) {
      await page.goto(extensionUrl(path));
    },
    async close() {
      await context.close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true }).catch(() => undefined);
    },
  });
}
