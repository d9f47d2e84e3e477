import { describe, expect, it } from 'vitest';
import { discoverBrowser, installAdvice, kindOfPath, type SystemView } from '../demo/browsers';

/** A fake file system: only the listed files exist. */
function system(platform: NodeJS.Platform, files: string[], env: Record<string, string> = {}): SystemView {
  const set = new Set(files);
  return { platform, env, exists: (path) => set.has(path) };
}

const WINDOWS_ENV = {
  ProgramFiles: 'C:\\Program Files',
  'ProgramFiles(x86)': 'C:\\Program Files (x86)',
  LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local',
  Path: 'C:\\Windows\\system32;C:\\tools',
};

describe('browser discovery on Linux', () => {
  it("prefers Debian's Chromium, loaded with --load-extension", () => {
    const view = system('linux', ['/usr/bin/chromium', '/opt/google/chrome/chrome'], { PATH: '/usr/bin' });
    expect(discoverBrowser(view, 'chromium')).toEqual({
      browser: { kind: 'chromium', name: 'Chromium', path: '/usr/bin/chromium', load: 'load-extension' },
    });
  });

  it('falls back to Google Chrome, loaded through the DevTools protocol', () => {
    const view = system('linux', ['/opt/google/chrome/chrome', '/opt/microsoft/msedge/msedge']);
    expect(discoverBrowser(view, 'chromium')).toEqual({
      browser: { kind: 'chrome', name: 'Google Chrome', path: '/opt/google/chrome/chrome', load: 'cdp' },
    });
  });

  it('finds Brave on PATH', () => {
    const view = system('linux', ['/home/ann/bin/brave-browser'], { PATH: '/usr/local/bin:/home/ann/bin' });
    expect(discoverBrowser(view, 'chromium')).toMatchObject({ browser: { kind: 'brave', path: '/home/ann/bin/brave-browser', load: 'cdp' } });
  });

  it('finds Firefox ESR for --browser=firefox', () => {
    const view = system('linux', ['/usr/bin/chromium', '/usr/bin/firefox-esr']);
    expect(discoverBrowser(view, 'firefox')).toMatchObject({ browser: { kind: 'firefox', path: '/usr/bin/firefox-esr', load: 'web-ext' } });
  });

  it('honours a preferred kind when it is installed', () => {
    const view = system('linux', ['/usr/bin/chromium', '/usr/bin/microsoft-edge']);
    expect(discoverBrowser(view, 'chromium', 'edge')).toMatchObject({ browser: { kind: 'edge', path: '/usr/bin/microsoft-edge' } });
  });

  it('finds nothing on an empty system', () => {
    expect(discoverBrowser(system('linux', [], { PATH: '/usr/bin:/bin' }), 'chromium')).toBeUndefined();
    expect(discoverBrowser(system('linux', ['/usr/bin/chromium']), 'firefox')).toBeUndefined();
  });
});

describe('browser discovery on macOS', () => {
  it('finds Chrome for Testing before Google Chrome', () => {
    const view = system('darwin', [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing',
    ]);
    expect(discoverBrowser(view, 'chromium')).toMatchObject({
      browser: { kind: 'chrome-for-testing', load: 'load-extension', path: '/Applications/Google Chrome for Testing.app/Contents/MacOS/Google Chrome for Testing' },
    });
  });

  it("looks in the user's own Applications folder", () => {
    const view = system('darwin', ['/Users/ann/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'], { HOME: '/Users/ann' });
    expect(discoverBrowser(view, 'chromium')).toMatchObject({ browser: { kind: 'edge', load: 'cdp' } });
  });

  it('finds Firefox.app', () => {
    const view = system('darwin', ['/Applications/Firefox.app/Contents/MacOS/firefox']);
    expect(discoverBrowser(view, 'firefox')).toMatchObject({ browser: { kind: 'firefox' } });
  });
});

describe('browser discovery on Windows', () => {
  it('finds Google Chrome under Program Files, whatever the case of the variable', () => {
    const view = system('win32', ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'], WINDOWS_ENV);
    expect(discoverBrowser(view, 'chromium')).toMatchObject({
      browser: { kind: 'chrome', path: 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', load: 'cdp' },
    });
  });

  it('finds the Edge that ships with Windows', () => {
    const view = system('win32', ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'], WINDOWS_ENV);
    expect(discoverBrowser(view, 'chromium')).toMatchObject({ browser: { kind: 'edge', name: 'Microsoft Edge' } });
  });

  it('finds a per-user Chromium in LOCALAPPDATA and a browser on Path', () => {
    const local = system('win32', ['C:\\Users\\ann\\AppData\\Local\\Chromium\\Application\\chrome.exe'], WINDOWS_ENV);
    expect(discoverBrowser(local, 'chromium')).toMatchObject({ browser: { kind: 'chromium', load: 'load-extension' } });
    const onPath = system('win32', ['C:\\tools\\brave.exe'], WINDOWS_ENV);
    expect(discoverBrowser(onPath, 'chromium')).toMatchObject({ browser: { kind: 'brave', path: 'C:\\tools\\brave.exe' } });
  });

  it('finds Firefox under Program Files', () => {
    const view = system('win32', ['C:\\Program Files\\Mozilla Firefox\\firefox.exe'], WINDOWS_ENV);
    expect(discoverBrowser(view, 'firefox')).toMatchObject({ browser: { kind: 'firefox' } });
  });
});

describe('WAYMARK_BROWSER', () => {
  it('overrides discovery and names the browser from its path', () => {
    const view = system('linux', ['/usr/bin/chromium', '/opt/cft/chrome-linux64/chrome'], { WAYMARK_BROWSER: '/opt/cft/chrome-linux64/chrome' });
    expect(discoverBrowser(view, 'chromium')).toMatchObject({ browser: { kind: 'chrome-for-testing', load: 'load-extension' } });
  });

  it('reports a path with nothing there instead of guessing', () => {
    const view = system('linux', ['/usr/bin/chromium'], { WAYMARK_BROWSER: '/nowhere/chrome' });
    expect(discoverBrowser(view, 'chromium')).toEqual({ missing: '/nowhere/chrome' });
  });

  it('tells browsers apart by their executable', () => {
    expect(kindOfPath('/usr/bin/firefox-esr')).toBe('firefox');
    expect(kindOfPath('C:\\Program Files\\Chromium\\Application\\chrome.exe')).toBe('chromium');
    expect(kindOfPath('/opt/google/chrome/chrome')).toBe('chrome');
    expect(kindOfPath('/Applications/Brave Browser.app/Contents/MacOS/Brave Browser')).toBe('brave');
  });
});

describe('install advice', () => {
  it('says what to install on each system, in one paragraph', () => {
    expect(installAdvice('chromium', 'linux')).toContain('sudo apt install chromium');
    expect(installAdvice('chromium', 'darwin')).toContain('brew install --cask chromium');
    expect(installAdvice('chromium', 'win32')).toContain('Microsoft Edge');
    expect(installAdvice('firefox', 'linux')).toContain('firefox-esr');
    expect(installAdvice('chromium', 'linux', '/nowhere')).toMatch(/^WAYMARK_BROWSER is set to \/nowhere/);
    expect(installAdvice('chromium', 'linux')).not.toContain('\n');
  });
});
