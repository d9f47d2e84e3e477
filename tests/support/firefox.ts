/**
 * Starts Debian's Firefox ESR with the built extension installed, through playwright-core's
 * WebDriver BiDi driver (channel `moz-firefox`), so the same specs, page objects and
 * `expect` work in both browsers.
 *
 * How the add-on gets in: the unpacked build is zipped into the profile's `extensions/` folder
 * as `<gecko id>.xpi`, with prefs that let ESR load an unsigned add-on from the profile. Its
 * UUID (the moz-extension:// host) is chosen here through `extensions.webextensions.uuids`.
 * Extension pages are opened by URL: Firefox refuses that to WebDriver unless it runs with
 * `--remote-allow-system-access`, and sends no load events for them (see gotoUnreported).
 */
import { firefox, type BrowserContext, type Page } from 'playwright-core';
import { zipSync } from 'fflate';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { pathOf, registerExtensionBrowser, type ExtensionBrowser, type LaunchOptions } from './extension';

export const FIREFOX = process.env.WAYMARK_FIREFOX ?? '/usr/bin/firefox-esr';
export const FIREFOX_BUILD = resolve(
  process.env.WAYMARK_FIREFOX_BUILD ?? join(process.env.WAYMARK_OUT ?? '.output', 'firefox-mv3'),
);

export async function launchFirefoxWithExtension(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? FIREFOX_BUILD;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`No Firefox build at ${extensionDir}: run \`npm run build:firefox\` first.`);
  }
  tolerateCommandsMissingInEsr();
  const profileDir = await mkdtemp(join(tmpdir(), 'waymark-firefox-'));
  const downloadsDir = join(profileDir, 'downloads');
  await mkdir(downloadsDir);
  const geckoId = await installIntoProfile(extensionDir, profileDir);
  const uuid = randomUUID();
  const context = await firefox.launchPersistentContext(profileDir, {
    channel: 'moz-firefox',
    executablePath: FIREFOX,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    downloadsPath: downloadsDir,
    args: ['--remote-allow-system-access'],
    firefoxUserPrefs: {
      // Load the unsigned add-on from the profile, enabled, with a known UUID.
      'xpinstall.signatures.required': false,
      'extensions.autoDisableScopes': 0,
      'extensions.enabledScopes': 15,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // Save downloads without asking, in a folder the test can read.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadsDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.alwaysOpenPanel': false,
    },
  });
  const origin = `moz-extension://${uuid}`;
  const extensionUrl = (path: string) => `${origin}${pathOf(path)}`;
  const browser = registerExtensionBrowser({
    browserName: 'firefox',
    context,
    extensionId: uuid,
    get worker(): never {
      throw new Error('Firefox has no extension service worker: skip this test there (see skipIn).');
    },
    profileDir,
    downloadsDir,
    browserPageUrl: 'about:robots',
    extensionUrl,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await gotoUnreported(page, extensionUrl(path));
      return page;
    },
    async gotoExtensionPage(page, path) {
      await gotoUnreported(page, extensionUrl(path));
    },
    async close() {
      await context.close().catch(() => undefined);
      await rm(profileDir, { recursive: true, force: true }).catch(() => undefined);
    },
  });
  await waitForExtension(context, extensionUrl('/popup.html'));
  return browser;
}

/**
 * Navigates to an extension page. Firefox's WebDriver BiDi does not report load events for
 * extension documents (they run in the "extension" process), so we wait for the commit and
 * then poll the document itself. The first extension document of a fresh browser sometimes
 * comes without its script realm being announced, which leaves Playwright nothing to poll in:
 * loading it again fixes that, so a quiet first try is retried.
 */
const QUIET_TRY_MS = [1_500, 5_000, undefined];

async function gotoUnreported(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.goto(url, { waitUntil: 'commit' });
    try {
      await page.waitForFunction(() => document.readyState === 'complete' && location.href !== 'about:blank', undefined, {
        timeout: QUIET_TRY_MS[attempt - 1],
      });
      return;
    } catch (error) {
      if (attempt >= QUIET_TRY_MS.length) throw error;
    }
  }
}

/**
 * Closes a tab that shows an extension page. Firefox does not report the end of an extension
 * document either, so `page.close()` would wait for nothing; leave the page first.
 */
export async function closeExtensionPage(page: Page): Promise<void> {
  await page.goto('about:blank');
  await page.close();
}

/** The add-on starts with the browser; wait until its pages can reach the background. */
async function waitForExtension(context: BrowserContext, probeUrl: string): Promise<void> {
  const page = await context.newPage();
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await gotoUnreported(page, probeUrl);
        await page.evaluate(() => chrome.runtime.sendMessage({ type: 'recording.status' }));
        return;
      } catch (error) {
        if (attempt >= 50) throw new Error(`Waymark did not start in Firefox: ${String(error)}`);
        await new Promise((done) => setTimeout(done, 200));
      }
    }
  } finally {
    await closeExtensionPage(page);
  }
}

/** Zips the unpacked build into `<profile>/extensions/<gecko id>.xpi`; returns the id. */
async function installIntoProfile(extensionDir: string, profileDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8'));
  const geckoId: string | undefined = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error('The Firefox manifest has no browser_specific_settings.gecko.id');
  const files: Record<string, Uint8Array> = {};
  for (const entry of await readdir(extensionDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(extensionDir, path).split('\\').join('/')] = await readFile(path);
  }
  await mkdir(join(profileDir, 'extensions'));
  await writeFile(join(profileDir, 'extensions', `${geckoId}.xpi`), zipSync(files));
  return geckoId;
}

/**
 * Playwright's BiDi driver follows Firefox release; ESR's WebDriver BiDi is a little older.
 * Two gaps matter to us, and both are bridged here, at playwright-core's WebSocket, without
 * touching node_modules:
 * - ESR lacks `emulation.setMediaFeaturesOverride` (prefers-color-scheme, which we never
 *   emulate), sent on every new context: its "unknown command" answer becomes an empty success.
 *   Any other error passes through.
 * - ESR's download events carry no `download` id (the older spec), and Playwright ignores such
 *   events, so `page.waitForEvent('download')` would never fire: we give them one (the blob URL,
 *   unique per download), which is what newer Firefox sends.
 */
const OPTIONAL_COMMANDS = new Set(['emulation.setMediaFeaturesOverride']);
const PATCHED = Symbol.for('waymark.bidiEsrCompat');

interface BidiMessage {
  id?: number;
  type?: string;
  error?: string;
  method?: string;
  params?: { download?: string; navigation?: string | null; url?: string };
}

function tolerateCommandsMissingInEsr(): void {
  // playwright-core's WebSocket class, the one its BiDi transport uses.
  const { ws } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle') as {
    ws: { prototype: object };
  };
  const proto = ws.prototype as {
    [PATCHED]?: boolean;
    send(this: object, data: unknown, ...rest: unknown[]): unknown;
    emit(this: object, event: string | symbol, ...args: unknown[]): boolean;
  };
  if (proto[PATCHED]) return;
  proto[PATCHED] = true;
  const optionalIds = new WeakMap<object, Set<number>>();
  const send = proto.send;
  const emit = proto.emit;
  proto.send = function (data, ...rest) {
    if (typeof data === 'string' && data.includes('"method":"emulation.')) {
      const { id, method } = JSON.parse(data) as BidiMessage;
      if (id !== undefined && method && OPTIONAL_COMMANDS.has(method)) {
        if (!optionalIds.has(this)) optionalIds.set(this, new Set());
        optionalIds.get(this)!.add(id);
      }
    }
    return send.call(this, data, ...rest);
  };
  proto.emit = function (event, ...args) {
    const [data, isBinary] = args;
    if (event !== 'message' || isBinary !== false || !Buffer.isBuffer(data)) return emit.call(this, event, ...args);
    const ids = optionalIds.get(this);
    if (!ids?.size && !data.includes('"browsingContext.download')) return emit.call(this, event, ...args);
    const message = JSON.parse(data.toString()) as BidiMessage;
    const fixed = ids && fixUnknownCommand(message, ids) || fixDownloadEvent(message);
    return emit.call(this, event, fixed ? Buffer.from(JSON.stringify(fixed)) : data, false);
  };
}

function fixUnknownCommand(message: BidiMessage, ids: Set<number>): BidiMessage | undefined {
  if (message.id === undefined || !ids.delete(message.id)) return undefined;
  if (message.type !== 'error' || message.error !== 'unknown command') return undefined;
  return { type: 'success', id: message.id, result: {} } as BidiMessage;
}

function fixDownloadEvent(message: BidiMessage): BidiMessage | undefined {
  const { method, params } = message;
  if (method !== 'browsingContext.downloadWillBegin' && method !== 'browsingContext.downloadEnd') return undefined;
  if (!params || params.download || params.navigation || !params.url) return undefined;
  return { ...message, params: { ...params, download: `esr-download:${params.url}` } };
}
