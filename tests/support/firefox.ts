/**
 * Starts Debian's Firefox ESR with the built extension installed, through playwright-core's
 * WebDriver BiDi driver (channel `moz-firefox`), so the same specs, page objects and
 * `expect` work in both browsers.
 *
 * How the add-on gets in: the unpacked build is zipped into the profile's `extensions/` folder
 * as `<gecko id>.xpi`, with prefs that let ESR load an unsigned add-on from the profile. Its
 * UUID (the moz-extension:// host) is chosen here through `extensions.webextensions.uuids`.
 * Extension pages are opened by URL: Firefox refuses that to WebDriver unless it runs with
 * `--remote-allow-system-access`. What ESR's WebDriver BiDi does not report about extension
 * pages is bridged at the bottom of this file.
 */
import { firefox, type BrowserContext, type Page } from 'playwright-core';
import { zipSync } from 'fflate';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { INTRANET_HOST, pathOf, registerExtensionBrowser, type ExtensionBrowser, type LaunchOptions } from './extension';

export const FIREFOX = process.env.WAYMARK_FIREFOX ?? '/usr/bin/firefox-esr';

/**
 * Prefs under which a page's cross-origin frames run in its own process (Fission off), for a
 * spec that acts inside one: Firefox's WebDriver BiDi cannot act inside a frame of another
 * process (its click lands on the <iframe> element, typed keys go nowhere). The frames stay
 * cross-origin, each with Waymark's recorder of its own.
 */
export const ONE_PROCESS_FRAMES = { 'fission.autostart': false };
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
    headless: options.display ? false : (options.headless ?? true),
    ...(options.display ? { env: { ...process.env, DISPLAY: options.display } } : {}),
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
      // A host name that is not localhost (an insecure context), for any spec: http://intranet.test:<port>/
      'network.dns.localDomains': INTRANET_HOST,
      ...options.firefoxPrefs,
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
 * Navigates to an extension page and polls its document until it has loaded. The first
 * extension document of a fresh browser often comes without its script realm being announced,
 * which leaves Playwright nothing to run scripts in: loading it again fixes that, so a quiet
 * try is retried. (Our navigation cancels the bridge's pending reload of the tab, below.)
 */
const LOAD_TRIES_MS = [1_500, 5_000, undefined];
async function gotoUnreported(page: Page, url: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await page.goto(url, { waitUntil: 'commit' });
    } catch (error) {
      // The bridge's reload of this tab interrupted the navigation: the page is loading anyway.
      if (!/interrupted/i.test(String(error))) throw error;
    }
    try {
      await loadedAndSettled(page, url, LOAD_TRIES_MS[attempt - 1]);
      return;
    } catch (error) {
      if (attempt >= LOAD_TRIES_MS.length) throw error;
    }
  }
}

/**
 * The document has loaded, and the bridge below will not load it again. Under load a realm can
 * be announced just after the bridge gave up waiting and sent its reload: the page then works
 * for a moment, and whatever the test runs in it next dies with "Execution context was
 * destroyed" (issue 15). So a page counts as open only once no such reload is pending.
 */
async function loadedAndSettled(page: Page, url: string, timeout: number | undefined): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await page.waitForFunction(() => document.readyState === 'complete' && location.href !== 'about:blank', undefined, { timeout });
    if (!bridgeMayReload(url)) return;
    while (bridgeMayReload(url) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 50));
    if (Date.now() >= deadline) return;
  }
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
    await page.close();
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
 * Playwright's BiDi driver follows Firefox release; ESR's WebDriver BiDi is a little older and
 * does not yet report extension documents (bug 1755014). The gaps that matter to us are bridged
 * here, at playwright-core's WebSocket, without touching node_modules:
 * - ESR lacks `emulation.setMediaFeaturesOverride` (prefers-color-scheme, which we never
 *   emulate), sent on every new context: its "unknown command" answer becomes an empty success.
 *   Any other error passes through.
 * - ESR's download events carry no `download` id (the older spec), and Playwright ignores such
 *   events, so `page.waitForEvent('download')` would never fire: we give them one (the blob URL,
 *   unique per download), which is what newer Firefox sends.
 * - For a tab showing a moz-extension:// page, Firefox reports the commit of the navigation but
 *   neither its load nor the tab's closing. We report `load` right after the commit (extension
 *   pages are local files) and the closing when `browsingContext.close` succeeds, so `goto`,
 *   `reload` and `close` behave on extension pages as they do in Chromium. When Firefox does not
 *   announce the new document's script realm either, the page is loaded again (see below).
 */
const OPTIONAL_COMMANDS = new Set(['emulation.setMediaFeaturesOverride']);
/** Ids for the bridge's own commands, far above Playwright's (Playwright ignores their replies). */
let nextOwnId = 2 ** 40;
/**
 * Extension pages (context → URL) the bridge may still load again: committed without an
 * announced realm yet, or with the bridge's own reload on its way. Shared by all connections.
 */
const unsettled = new Map<string, string>();
/** Contexts the bridge has sent its own reload to, until that navigation commits or fails. */
const reloadsInFlight = new Set<string>();
const bridgeMayReload = (url: string) => [...unsettled.values()].includes(url);
const PATCHED = Symbol.for('waymark.bidiEsrCompat');

interface BidiMessage {
  id?: number;
  type?: string;
  error?: string;
  method?: string;
  params?: { context?: string; download?: string; navigation?: string | null; url?: string; timestamp?: number };
}

/** What one connection has sent that its replies and events must be matched with. */
interface Pending {
  optional: Set<number>;
  /** Command id of a `browsingContext.close` → the context it closes. */
  closing: Map<number, string>;
  /** Contexts whose current document is an extension page. */
  extensionPages: Set<string>;
  /** Extension pages whose new document's realm Firefox has not announced yet. */
  /** … each with the navigation it waits for (a later navigation of the same tab replaces it). */
  unannounced: Map<string, string>;
  /** How many more times an unannounced extension page may be loaded again. */
  retries: Map<string, number>;
  /** Command id of a `browsingContext.reload` → the context it reloads. */
  reloading: Map<number, string>;
  /** Contexts the bridge itself has loaded again (that load interrupts Playwright's reload). */
  reloadedByUs: Set<string>;
  /** Command id of the bridge's own reload → its context. */
  ownReloads: Map<number, string>;
}

export function tolerateCommandsMissingInEsr(): void {
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
  const connections = new WeakMap<object, Pending>();
  const pendingOf = (socket: object) => {
    let pending = connections.get(socket);
    if (!pending) {
      pending = {
        optional: new Set(), closing: new Map(), extensionPages: new Set(), unannounced: new Map(), retries: new Map(),
        reloading: new Map(), reloadedByUs: new Set(), ownReloads: new Map(),
      };
      connections.set(socket, pending);
    }
    return pending;
  };
  const send = proto.send;
  const emit = proto.emit;
  // Firefox sometimes does not announce the script realm of a new extension document (after a
  // reload, or the first one of a session; asking with script.getRealms finds none either), and
  // Playwright then has nowhere to run scripts. Loading the document again makes Firefox
  // announce it, so if none came two seconds after the commit, we load it again (twice at most).
  // The timer belongs to one navigation: when the tab has navigated again since (Playwright's
  // own retry, or our reload), that newer navigation has its own timer. Acting on a stale one
  // reloaded a page that was already in use, destroying the context of a running evaluate
  // ("Execution context was destroyed" in ExtensionApi.send, issue 15).
  const reloadIfUnannounced = (socket: object, context: string, url: string, navigation: string, tries = 2) => {
    setTimeout(() => {
      const pending = pendingOf(socket);
      if (pending.unannounced.get(context) !== navigation) return;
      pending.unannounced.delete(context);
      if (tries === 0) return void unsettled.delete(context);
      pending.retries.set(context, tries - 1);
      pending.reloadedByUs.add(context);
      reloadsInFlight.add(context);
      const id = nextOwnId++;
      pending.ownReloads.set(id, context);
      send.call(socket, JSON.stringify({ id, method: 'browsingContext.navigate', params: { context, url } }));
    }, 2_000);
  };
  proto.send = function (data, ...rest) {
    if (typeof data === 'string' && data.includes(BIDI_INSERT_TEXT)) data = typeLikeAUser(data);
    if (typeof data === 'string' && /"method":"(emulation\.|browsingContext\.(close|reload|navigate)")/.test(data)) {
      const { id, method, params } = JSON.parse(data) as BidiMessage;
      const pending = pendingOf(this);
      // Playwright navigates the tab itself: a reload the bridge planned for the document
      // being left would interrupt that navigation ("A new navigation interrupted…").
      if (method === 'browsingContext.navigate' && params?.context) pending.unannounced.delete(params.context);
      if (id !== undefined && method && OPTIONAL_COMMANDS.has(method)) pending.optional.add(id);
      if (id !== undefined && method === 'browsingContext.close' && params?.context) pending.closing.set(id, params.context);
      if (id !== undefined && method === 'browsingContext.reload' && params?.context) {
        pending.reloading.set(id, params.context);
        pending.reloadedByUs.delete(params.context);
      }
    }
    return send.call(this, data, ...rest);
  };
  proto.emit = function (event, ...args) {
    const [data, isBinary] = args;
    if (event !== 'message' || isBinary !== false || !Buffer.isBuffer(data)) return emit.call(this, event, ...args);
    const pending = connections.get(this);
    // (`unsettled`: a realm must be seen for a page the fixtures are waiting on, see loadedAndSettled.)
    const awaited = unsettled.size > 0 || (pending && (pending.optional.size + pending.closing.size + pending.unannounced.size + pending.reloading.size + pending.ownReloads.size > 0));
    if (!awaited && !data.includes('"browsingContext.')) return emit.call(this, event, ...args);
    const message = JSON.parse(data.toString()) as BidiMessage;
    const replies = bridge(message, pendingOf(this), (context, url, navigation, tries) => reloadIfUnannounced(this, context, url, navigation, tries));
    const result = emit.call(this, event, replies[0] ? Buffer.from(JSON.stringify(replies[0])) : data, false);
    for (const extra of replies.slice(1)) emit.call(this, event, Buffer.from(JSON.stringify(extra)), false);
    return result;
  };
}

/**
 * Playwright's BiDi `fill`/`insertText` sets `input.value` from script and dispatches a
 * synthetic `input` event. React tracks the value its inputs were given, sees the script's
 * value as its own, and ignores that event, so controlled inputs (the editor's text boxes, the
 * library's search) never saw the text in Firefox. We insert it as the browser does for a
 * user's typing instead (`execCommand('insertText')`: trusted input events, undo history),
 * and fall back to Playwright's helper where that does not apply (contenteditable, iframes).
 */
const BIDI_INSERT_TEXT = 'window.__pw_bidiInsertText(';
const INSERT_AS_USER =
  '((text) => { const e = document.activeElement;' +
  " if (e && (e.localName === 'input' || e.localName === 'textarea') && document.execCommand('insertText', false, text)) return undefined;" +
  ' return window.__pw_bidiInsertText(text); })(';

/** The function text travels as a string inside the command; INSERT_AS_USER needs no JSON escaping. */
function typeLikeAUser(data: string): string {
  return data.split(BIDI_INSERT_TEXT).join(INSERT_AS_USER);
}

function forgetContext(context: string): void {
  unsettled.delete(context);
  reloadsInFlight.delete(context);
}

/** The messages Playwright should see instead of `message` (empty: `message` unchanged). */
function bridge(
  message: BidiMessage,
  pending: Pending,
  reloadIfUnannounced: (context: string, url: string, navigation: string, tries?: number) => void,
): BidiMessage[] {
  const { id, method, params } = message;
  if (method === 'script.realmCreated' && params?.context) {
    pending.unannounced.delete(params.context);
    // A late realm of the document our reload is replacing does not make the page settled.
    if (!reloadsInFlight.has(params.context)) unsettled.delete(params.context);
  }
  if (method === 'browsingContext.contextDestroyed' && params?.context) forgetContext(params.context);
  const ownReload = id !== undefined ? pending.ownReloads.get(id) : undefined;
  if (id !== undefined && ownReload !== undefined) {
    pending.ownReloads.delete(id);
    if (message.type === 'error') forgetContext(ownReload);
    return [];
  }
  if (id !== undefined && pending.optional.delete(id)) {
    return message.type === 'error' && message.error === 'unknown command' ? [{ type: 'success', id, result: {} } as BidiMessage] : [];
  }
  // Our own load of an unannounced page interrupts a reload Playwright is waiting on: that
  // reload did happen (ours finished it), so it succeeds.
  const reloaded = id !== undefined ? pending.reloading.get(id) : undefined;
  if (id !== undefined && reloaded !== undefined) {
    pending.reloading.delete(id);
    const ours = pending.reloadedByUs.delete(reloaded);
    return ours && message.type === 'error' ? [{ type: 'success', id, result: { navigation: null, url: '' } } as BidiMessage] : [];
  }
  const closed = id !== undefined ? pending.closing.get(id) : undefined;
  if (id !== undefined && closed !== undefined) {
    pending.closing.delete(id);
    if (message.type !== 'success' || !pending.extensionPages.delete(closed)) return [];
    forgetContext(closed);
    const destroyed = { type: 'event', method: 'browsingContext.contextDestroyed', params: { context: closed, url: 'about:blank', children: [], parent: null } };
    return [message, destroyed as BidiMessage];
  }
  if ((method === 'browsingContext.downloadWillBegin' || method === 'browsingContext.downloadEnd') && params?.url) {
    if (params.download || params.navigation) return [];
    return [{ ...message, params: { ...params, download: `esr-download:${params.url}` } }];
  }
  if (method === 'browsingContext.navigationCommitted' && params?.context && params.url) {
    reloadsInFlight.delete(params.context);
    if (!params.url.startsWith('moz-extension://')) {
      pending.extensionPages.delete(params.context);
      pending.unannounced.delete(params.context);
      unsettled.delete(params.context);
      return [];
    }
    pending.extensionPages.add(params.context);
    unsettled.set(params.context, params.url);
    const navigation = params.navigation ?? `${params.url}@${params.timestamp ?? Date.now()}`;
    pending.unannounced.set(params.context, navigation);
    reloadIfUnannounced(params.context, params.url, navigation, pending.retries.get(params.context));
    pending.retries.delete(params.context);
    const loaded = (name: string) => ({ type: 'event', method: `browsingContext.${name}`, params: { ...params } }) as BidiMessage;
    return [message, loaded('domContentLoaded'), loaded('load')];
  }
  return [];
}
