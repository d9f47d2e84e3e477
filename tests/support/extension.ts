/**
 * What a test needs from "a browser with Waymark loaded", the same in Chromium and Firefox.
 * The launchers (chromium.ts, firefox.ts) register each browser here, so page objects can open
 * extension pages from just a BrowserContext: `chrome-extension://<id>/` in Chromium,
 * `moz-extension://<uuid>/` in Firefox.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';

export type BrowserName = 'chromium' | 'firefox';

/**
 * A host name both test browsers resolve to 127.0.0.1 (Chromium by --host-resolver-rules,
 * Firefox by network.dns.localDomains): pages served as `http://intranet.test:<port>/` are an
 * insecure context that is not localhost (no crypto.randomUUID, as on a company intranet).
 */
export const INTRANET_HOST = 'intranet.test';

export interface ExtensionBrowser {
  browserName: BrowserName;
  context: BrowserContext;
  /** The extension's host: Chromium's extension id, or Firefox's per-profile UUID. */
  extensionId: string;
  /** The MV3 service worker. Chromium only: Firefox has no service worker, reading it throws. */
  worker: Worker;
  profileDir: string;
  /** A page of the browser itself, where no extension may run (`chrome://version`, `about:robots`). */
  browserPageUrl: string;
  /** Where the browser saves downloads (Firefox saves them there itself). */
  downloadsDir: string;
  /** Absolute URL of an extension page or file, e.g. `extensionUrl('/editor.html')`. */
  extensionUrl(path: string): string;
  /** Opens an extension page in a new tab and waits until its document has loaded. */
  openExtensionPage(path: string): Promise<Page>;
  /** Navigates an existing tab to an extension page and waits until its document has loaded. */
  gotoExtensionPage(page: Page, path: string): Promise<void>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  headless?: boolean;
  /** Firefox only: run with a window on this X display, for real OS input (os-input.ts). */
  display?: string;
  /** The unpacked build to load; defaults to the browser's build in .output/. */
  extensionDir?: string;
  /**
   * Chromium: may Waymark capture tabs without a click on its button (the default, as after the
   * user's click)? False: the stream is refused, and recording falls back to captures and the bar.
   */
  tabCapture?: boolean;
  /** Extra Firefox preferences (Chromium ignores them). */
  firefoxPrefs?: Record<string, string | number | boolean>;
}

const byContext = new WeakMap<BrowserContext, ExtensionBrowser>();

export function registerExtensionBrowser(browser: ExtensionBrowser): ExtensionBrowser {
  byContext.set(browser.context, browser);
  return browser;
}

/** The launched browser a context belongs to (every context in tests comes from a launcher). */
export function extensionBrowserOf(context: BrowserContext): ExtensionBrowser {
  const browser = byContext.get(context);
  if (!browser) throw new Error('This context was not started by tests/support launchers.');
  return browser;
}

/** Opens an extension page (e.g. `/editor.html#/guides/x`) in a new tab of `context`. */
export function openExtensionPage(context: BrowserContext, path: string): Promise<Page> {
  return extensionBrowserOf(context).openExtensionPage(path);
}

export function gotoExtensionPage(page: Page, path: string): Promise<void> {
  return extensionBrowserOf(page.context()).gotoExtensionPage(page, path);
}

export function extensionUrl(context: BrowserContext, path: string): string {
  return extensionBrowserOf(context).extensionUrl(path);
}

export const pathOf = (path: string) => `/${path.replace(/^\//, '')}`;
