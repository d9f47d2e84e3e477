/**
 * Which browser `npm start` opens, decided from a view of the file system, the platform and
 * the environment only (no I/O here), so that Linux, macOS and Windows layouts can be tested
 * on any machine. tests/demo/start.ts supplies the real view.
 */
import { posix, win32 } from 'node:path';

export type BrowserKind = 'chromium' | 'chrome-for-testing' | 'chrome' | 'edge' | 'brave' | 'firefox';

/**
 * How the unpacked build gets in. Chromium and Chrome for Testing still honour
 * `--load-extension`; branded Chrome ignores it since version 137, so branded browsers get the
 * DevTools protocol's `Extensions.loadUnpacked` (over `--remote-debugging-pipe`). Firefox: web-ext.
 */
export type LoadMethod = 'load-extension' | 'cdp' | 'web-ext';

export interface FoundBrowser {
  kind: BrowserKind;
  name: string;
  path: string;
  load: LoadMethod;
}

export interface SystemView {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  exists(path: string): boolean;
}

export type Family = 'chromium' | 'firefox';

export type Discovery = { browser: FoundBrowser } | { missing: string };

const NAMES: Record<BrowserKind, string> = {
  chromium: 'Chromium',
  'chrome-for-testing': 'Chrome for Testing',
  chrome: 'Google Chrome',
  edge: 'Microsoft Edge',
  brave: 'Brave',
  firefox: 'Firefox',
};

/** Preference order: the browsers that take `--load-extension` first (nothing else to set up). */
const CHROMIUM_KINDS: BrowserKind[] = ['chromium', 'chrome-for-testing', 'chrome', 'edge', 'brave'];

const LOAD: Record<BrowserKind, LoadMethod> = {
  chromium: 'load-extension',
  'chrome-for-testing': 'load-extension',
  chrome: 'cdp',
  edge: 'cdp',
  brave: 'cdp',
  firefox: 'web-ext',
};

/** Executable names looked up on PATH, per platform. */
const ON_PATH: Record<'linux' | 'darwin' | 'win32', Partial<Record<BrowserKind, string[]>>> = {
  linux: {
    chromium: ['chromium', 'chromium-browser'],
    'chrome-for-testing': ['google-chrome-for-testing'],
    chrome: ['google-chrome', 'google-chrome-stable'],
    edge: ['microsoft-edge', 'microsoft-edge-stable'],
    brave: ['brave-browser', 'brave'],
    firefox: ['firefox', 'firefox-esr'],
  },
  darwin: { chromium: ['chromium'], chrome: ['google-chrome'], firefox: ['firefox'] },
  win32: { chrome: ['chrome.exe'], edge: ['msedge.exe'], brave: ['brave.exe'], firefox: ['firefox.exe'] },
};

/** Windows environment variables are case-insensitive; an injected env object is not. */
function envOf(view: SystemView, name: string): string | undefined {
  if (view.platform !== 'win32') return view.env[name];
  const key = Object.keys(view.env).find((k) => k.toUpperCase() === name.toUpperCase());
  return key ? view.env[key] : undefined;
}

/** The usual install locations of each browser, most common first. */
function knownPaths(view: SystemView, kind: BrowserKind): string[] {
  if (view.platform === 'win32') {
    const roots = (...names: string[]) => names.map((n) => envOf(view, n)).filter((r): r is string => Boolean(r));
    const under = (dirs: string[], rest: string) => dirs.map((d) => win32.join(d, rest));
    const programs = roots('PROGRAMFILES', 'PROGRAMFILES(X86)');
    const local = roots('LOCALAPPDATA');
    switch (kind) {
      case 'chromium': return under([...local, ...programs], 'Chromium\\Application\\chrome.exe');
      case 'chrome-for-testing': return under(local, 'Google\\Chrome for Testing\\Application\\chrome.exe');
      case 'chrome': return under([...programs, ...local], 'Google\\Chrome\\Application\\chrome.exe');
      case 'edge': return under([...programs.slice().reverse(), ...local], 'Microsoft\\Edge\\Application\\msedge.exe');
      case 'brave': return under([...programs, ...local], 'BraveSoftware\\Brave-Browser\\Application\\brave.exe');
      case 'firefox': return under(programs, 'Mozilla Firefox\\firefox.exe');
    }
  }
  if (view.platform === 'darwin') {
    const app = (bundle: string, binary: string) => {
      const inside = `${bundle}.app/Contents/MacOS/${binary}`;
      const home = envOf(view, 'HOME');
      return [posix.join('/Applications', inside), ...(home ? [posix.join(home, 'Applications', inside)] : [])];
    };
    switch (kind) {
      case 'chromium': return app('Chromium', 'Chromium');
      case 'chrome-for-testing': return app('Google Chrome for Testing', 'Google Chrome for Testing');
      case 'chrome': return app('Google Chrome', 'Google Chrome');
      case 'edge': return app('Microsoft Edge', 'Microsoft Edge');
      case 'brave': return app('Brave Browser', 'Brave Browser');
      case 'firefox': return app('Firefox', 'firefox');
    }
  }
  switch (kind) {
    case 'chromium': return ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];
    case 'chrome-for-testing': return ['/opt/google/chrome-for-testing/chrome'];
    case 'chrome': return ['/opt/google/chrome/chrome', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
    case 'edge': return ['/opt/microsoft/msedge/msedge', '/usr/bin/microsoft-edge'];
    case 'brave': return ['/opt/brave.com/brave/brave', '/usr/bin/brave-browser'];
    case 'firefox': return ['/usr/bin/firefox', '/usr/bin/firefox-esr', '/snap/bin/firefox'];
  }
}

function onPath(view: SystemView, kind: BrowserKind): string[] {
  const platform = view.platform === 'win32' || view.platform === 'darwin' ? view.platform : 'linux';
  const names = ON_PATH[platform][kind] ?? [];
  const path = view.platform === 'win32' ? win32 : posix;
  const dirs = (envOf(view, 'PATH') ?? '').split(path.delimiter).filter(Boolean);
  return dirs.flatMap((dir) => names.map((name) => path.join(dir, name)));
}

/** What a browser is, from its executable's path (for WAYMARK_BROWSER). */
export function kindOfPath(path: string): BrowserKind {
  const name = path.toLowerCase();
  if (name.includes('firefox')) return 'firefox';
  if (name.includes('for testing') || name.includes('for-testing') || name.includes('chrome-linux64')
    || name.includes('chrome-mac') || name.includes('chrome-win')) return 'chrome-for-testing';
  if (name.includes('chromium')) return 'chromium';
  if (name.includes('edge')) return 'edge';
  if (name.includes('brave')) return 'brave';
  // Anything else Chromium-based: the protocol route works in every recent one, branded or not.
  return 'chrome';
}

function found(kind: BrowserKind, path: string): FoundBrowser {
  return { kind, name: NAMES[kind], path, load: LOAD[kind] };
}

/**
 * The browser to open: WAYMARK_BROWSER if set (it must exist), else the first installed one of
 * the family, in `CHROMIUM_KINDS` order (or `prefer` first), known locations before PATH.
 */
export function discoverBrowser(view: SystemView, family: Family, prefer?: BrowserKind): Discovery | undefined {
  const override = envOf(view, 'WAYMARK_BROWSER');
  if (override) return view.exists(override) ? { browser: found(kindOfPath(override), override) } : { missing: override };
  const kinds = family === 'firefox' ? (['firefox'] as BrowserKind[]) : CHROMIUM_KINDS;
  const ordered = prefer && kinds.includes(prefer) ? [prefer, ...kinds.filter((k) => k !== prefer)] : kinds;
  for (const kind of ordered) {
    const path = [...knownPaths(view, kind), ...onPath(view, kind)].find((p) => view.exists(p));
    if (path) return { browser: found(kind, path) };
  }
  return undefined;
}

/** The one paragraph `npm start` prints when it has no browser to open. */
export function installAdvice(family: Family, platform: NodeJS.Platform, missing?: string): string {
  const lead = missing
    ? `WAYMARK_BROWSER is set to ${missing}, but there is no browser there.`
    : `npm start found no ${family === 'firefox' ? 'Firefox' : 'Chromium-based browser (Chromium, Chrome for Testing, Google Chrome, Microsoft Edge or Brave)'} on this computer.`;
  const install =
    family === 'firefox'
      ? { linux: 'Firefox (`sudo apt install firefox-esr` on Debian, or your distribution\'s firefox package)', darwin: 'Firefox from mozilla.org (or `brew install --cask firefox`)', win32: 'Firefox from mozilla.org (or `winget install Mozilla.Firefox`)' }
      : { linux: 'Chromium (`sudo apt install chromium` on Debian and Ubuntu) or Google Chrome from google.com/chrome', darwin: 'Google Chrome from google.com/chrome (or Chromium: `brew install --cask chromium`)', win32: 'Google Chrome from google.com/chrome, or use the Microsoft Edge that comes with Windows' };
  const os = platform === 'darwin' || platform === 'win32' ? platform : 'linux';
  return (
    `${lead} Install ${install[os]}, or set WAYMARK_BROWSER to the full path of a browser's executable ` +
    `(e.g. WAYMARK_BROWSER=/path/to/chrome npm start), then run \`npm start\` again.`
  );
}
