/**
 * `npm start` with a display: the found browser in a window of its own, Waymark loaded the way
 * that browser accepts it, the practice page open. The profile is kept in .output/profile-<kind>,
 * so guides survive from one `npm start` to the next and the welcome page greets only the first.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../support/server';
import type { FoundBrowser } from './browsers';
import { launchWithPipe, loadUnpacked } from './cdp-pipe';

const OUT = resolve(process.env.WAYMARK_OUT ?? '.output');
export const PRACTICE_PAGE = 'practice/index.html';

export async function openInteractive(browser: FoundBrowser): Promise<void> {
  const server = await startFixtureServer();
  const practice = server.url(PRACTICE_PAGE);
  const profile = join(OUT, `profile-${browser.kind}`);
  const fresh = !existsSync(profile);
  console.log(`Starting ${browser.name} (${browser.path}) with Waymark. Practice page: ${practice}`);
  console.log('Record with the Waymark button or Alt+Shift+R. Close the browser to finish.');
  try {
    if (browser.load === 'web-ext') await runFirefox(browser, practice);
    else if (browser.load === 'cdp') await runWithProtocol(browser, profile, practice, fresh);
    else await runWithFlag(browser, profile, practice);
  } finally {
    await server.close();
  }
}

const CHROMIUM_FLAGS = ['--no-first-run', '--no-default-browser-check'];

/** Chromium, Chrome for Testing: `--load-extension`. */
async function runWithFlag(browser: FoundBrowser, profile: string, practice: string): Promise<void> {
  const build = join(OUT, 'chrome-mv3');
  const child = spawn(browser.path, [`--user-data-dir=${profile}`, `--load-extension=${build}`, ...CHROMIUM_FLAGS, practice], {
    stdio: 'ignore',
  });
  await new Promise<void>((done, fail) => {
    child.once('error', fail);
    child.once('exit', () => done());
  });
}

/** Branded Chrome (137+ ignores --load-extension), Edge, Brave: `Extensions.loadUnpacked`. */
async function runWithProtocol(browser: FoundBrowser, profile: string, practice: string, fresh: boolean): Promise<void> {
  const chrome = launchWithPipe(browser.path, [`--user-data-dir=${profile}`, ...CHROMIUM_FLAGS]);
  const failed = new Promise<never>((_, fail) => chrome.process.once('error', fail));
  const id = await Promise.race([loadUnpacked(chrome, join(OUT, 'chrome-mv3')), failed]);
  await chrome.send('Target.createTarget', { url: practice });
  // A build loaded this way gets no runtime.onInstalled (seen in Chromium 156), so a fresh
  // profile is greeted from here.
  if (fresh) await chrome.send('Target.createTarget', { url: `chrome-extension://${id}/welcome.html` });
  await chrome.exited;
}

interface WebExtRun {
  cmd: {
    run(
      params: { sourceDir: string; firefox: string; startUrl: string[]; noReload: boolean },
      options: { shouldExitProgram: boolean },
    ): Promise<{ registerCleanup(fn: () => void): void }>;
  };
}

/** Firefox: web-ext installs the build as a temporary add-on (no signing needed). */
async function runFirefox(browser: FoundBrowser, practice: string): Promise<void> {
  const webExt = (await import('web-ext')).default as unknown as WebExtRun;
  const runner = await webExt.cmd.run(
    { sourceDir: join(OUT, 'firefox-mv3'), firefox: browser.path, startUrl: [practice], noReload: true },
    { shouldExitProgram: false },
  );
  await new Promise<void>((done) => runner.registerCleanup(done));
}
