/**
 * `npm start` (`npm start -- --browser=firefox`, or =chrome, =edge, =brave, =chromium): Waymark
 * in a browser found on this computer (tests/demo/browsers.ts; WAYMARK_BROWSER overrides), the
 * practice page open. Without a display (a server, CI): the headless scripted demo instead.
 * Nothing found: one paragraph on what to install, and a non-zero exit — never a stack trace.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { discoverBrowser, installAdvice, type BrowserKind, type Family } from './browsers';

const KINDS: BrowserKind[] = ['chromium', 'chrome-for-testing', 'chrome', 'edge', 'brave', 'firefox'];

function requested(argv: string[]): { family: Family; prefer?: BrowserKind } {
  const value = argv.find((a) => a.startsWith('--browser='))?.slice('--browser='.length);
  if (!value) return { family: 'chromium' };
  const kind = KINDS.find((k) => k === value);
  if (!kind) throw new Error(`Unknown --browser=${value}. Use one of: ${KINDS.join(', ')}.`);
  return { family: kind === 'firefox' ? 'firefox' : 'chromium', prefer: kind };
}

const hasDisplay =
  (process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)) && !process.env.CI;

async function main(): Promise<number> {
  const { family, prefer } = requested(process.argv.slice(2));
  const view = { platform: process.platform, env: process.env, exists: existsSync };
  const found = discoverBrowser(view, family, prefer);
  if (!found || 'missing' in found) {
    console.error(installAdvice(family, process.platform, found?.missing));
    return 1;
  }
  const { browser } = found;
  if (!hasDisplay) {
    if (browser.load !== 'load-extension') {
      console.error(
        `There is no display, and the headless demo needs Chromium or Chrome for Testing (found ${browser.name}). ` +
          'Install Chromium (`sudo apt install chromium`) or set WAYMARK_BROWSER to one, then run `npm start` again.',
      );
      return 1;
    }
    const { scriptedDemo } = await import('./scripted');
    await scriptedDemo(browser.path);
    return 0;
  }
  // `npm start` builds for Chrome; Firefox needs its own build.
  if (family === 'firefox') execFileSync(process.execPath, ['node_modules/wxt/bin/wxt.mjs', 'build', '-b', 'firefox'], { stdio: 'inherit' });
  const { openInteractive } = await import('./open');
  await openInteractive(browser);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
