/**
 * What the picture logic remembers per recorded tab: every frame's last report, the last
 * settled frame (a capture taken after the page stopped changing), and the picture taken at
 * the latest action intent. See the README, "Pre-action screenshots", and choice.ts.
 *
 * It survives the service worker: Chrome stops an idle worker after ~30 s, and the first
 * click after the user read the page for a while must still get its pre-action picture.
 * - Frame reports go to `storage.session` (small JSON, gone with the browser session), with
 *   the top documents a newer one replaced, whose captures are refused.
 * - The settled frame's image is a Blob, which chrome.storage cannot hold (JSON only; a data
 *   URL would triple the work on each settle), and the one Dexie schema belongs to the guides
 *   (its version is bumped in one place), so it goes to a tiny IndexedDB database of its own.
 * Intent pictures stay in memory: the action they are for follows within milliseconds, or
 * (an edit) when its field is left. The last few are kept, since a field's focus can be
 * several intents back by then.
 */
import { browser } from 'wxt/browser';
import type { FrameReport } from '@/lib/messages';
import type { EncodedImage } from './encode';
import type { FrameState, PageState } from './choice';

export interface SettledFrame {
  tabId: number;
  /** The page's state when the capture was requested. */
  page: PageState;
  image: EncodedImage;
  takenAt: number;
  /** The page provably did not change between the request and the pixels. */
  clean: boolean;
}

export interface IntentFrame {
  page: PageState;
  picture: Promise<EncodedImage | undefined>;
  /**
   * `settled`: the settled frame, kept for this intent (it showed the moment, so nothing was
   * captured); `stream`: the tab stream's frame from before the event, once it is there.
   */
  shot?: 'settled' | 'stream';
}

/** Enough for a field's focus, the presses while it is edited, and the press that leaves it. */
const KEPT_INTENTS = 4;

type Stored = FrameState;

const REPORTS_KEY = 'waymark.frameReports';
const REPLACED_KEY = 'waymark.replacedDocuments';
/** A tab's replaced documents kept: enough for going back and forth through a few pages. */
const KEPT_REPLACED = 8;
const DB_NAME = 'waymark-frames';
const STORE = 'settled';

let reports = new Map<number, Record<number, Stored>>();
let frames = new Map<number, SettledFrame>();
const intents = new Map<number, IntentFrame[]>();
/** Per tab, the top documents a newer one replaced, newest last (kept with the reports). */
let replaced = new Map<number, string[]>();
let loading: Promise<void> | undefined;

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function withStore<T>(mode: IDBTransactionMode, use: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await openDb();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = use(db.transaction(STORE, mode).objectStore(STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

/** Loads what an earlier worker left, once per worker. Every reader awaits it. */
export function loaded(): Promise<void> {
  loading ??= (async () => {
    const stored = await browser.storage.session.get([REPORTS_KEY, REPLACED_KEY]).catch(() => ({}) as Record<string, unknown>);
    const byTab = <T>(key: string) => Object.entries((stored[key] ?? {}) as Record<string, T>).map(([tab, value]) => [Number(tab), value] as const);
    reports = new Map([...byTab<Record<number, Stored>>(REPORTS_KEY), ...reports]);
    replaced = new Map([...byTab<string[]>(REPLACED_KEY), ...replaced]);
    const all = await withStore('readonly', (s) => s.getAll() as IDBRequest<SettledFrame[]>).catch(() => []);
    const held = await Promise.all(all.map(inMemory));
    frames = new Map([...held.flatMap((f) => (f ? [[f.tabId, f] as const] : [])), ...frames]);
  })();
  return loading;
}

/**
 * A Blob read from IndexedDB is backed by the database's file, which goes when the record is
 * written over (the next settled frame of the tab). Firefox then fails to store that Blob in
 * a step ("UnknownError"): the first action after the worker woke lost its step whenever a
 * settle came between. So a loaded frame's image is read into memory at once.
 */
async function inMemory(frame: SettledFrame): Promise<SettledFrame | undefined> {
  try {
    const { blob } = frame.image;
    const bytes = await blob.arrayBuffer();
    return { ...frame, image: { ...frame.image, blob: new Blob([bytes], { type: blob.type }) } };
  } catch {
    return undefined; // unreadable: as if no frame had been kept
  }
}

function saveReports(): void {
  void browser.storage.session.set({ [REPORTS_KEY]: Object.fromEntries(reports) }).catch(() => undefined);
}

function saveReplaced(): void {
  void browser.storage.session.set({ [REPLACED_KEY]: Object.fromEntries(replaced) }).catch(() => undefined);
}

/**
 * The tab's reports after a frame reported: a new top document (a navigation) drops every
 * report of the page before, so its frames' blur boxes never land on the next page.
 */
export function mergeReport(page: Record<number, Stored>, frameId: number, report: Stored): Record<number, Stored> {
  const newTopDocument = frameId === 0 && page[0] !== undefined && page[0].doc !== report.doc;
  return newTopDocument ? { 0: report } : { ...page, [frameId]: report };
}

/**
 * Intent pictures are kept across a new top document: a link's click can be recorded from
 * its stored copy after the next page reported, and its picture is the old page's. A moment
 * names its document, so no action of the new page matches them.
 */
export function noteReport(tabId: number, frameId: number, report: FrameReport): void {
  // A document back from the back-forward cache is shown again (it reports on `pageshow`).
  if (frameId === 0 && report.doc && replaced.get(tabId)?.includes(report.doc)) {
    replaced.set(tabId, replaced.get(tabId)!.filter((doc) => doc !== report.doc));
    saveReplaced();
  }
  reports.set(tabId, mergeReport(reports.get(tabId) ?? {}, frameId, report));
  saveReports();
}

/**
 * A new top document committed in the tab: the one last reported there is gone from the
 * screen, and a capture described by its reports would show the next page. (A route change
 * in a single-page app commits nothing.) Call after `loaded()`.
 */
export function topDocumentReplaced(tabId: number): void {
  const doc = reports.get(tabId)?.[0]?.doc;
  const known = replaced.get(tabId) ?? [];
  if (!doc || known.includes(doc)) return;
  replaced.set(tabId, [...known, doc].slice(-KEPT_REPLACED));
  saveReplaced();
}

/** Has a newer top document replaced `doc` in the tab since it reported? Call after `loaded()`. */
export function isReplaced(tabId: number, doc: string | undefined): boolean {
  return doc !== undefined && Boolean(replaced.get(tabId)?.includes(doc));
}

/** The tab's state as last reported. */
export function reportedPage(tabId: number): PageState {
  return { ...reports.get(tabId) };
}

/** The tab and frame whose current document reported under `doc`. Call after `loaded()`. */
export function frameOfDocument(doc: string): { tabId: number; frameId: number } | undefined {
  for (const [tabId, page] of reports) {
    for (const [frameId, report] of Object.entries(page)) if (report.doc === doc) return { tabId, frameId: Number(frameId) };
  }
  return undefined;
}

export function rememberFrame(frame: SettledFrame): void {
  frames.set(frame.tabId, frame);
  void withStore('readwrite', (s) => s.put(frame, frame.tabId)).catch(() => undefined);
}

/** The newest settled frame of a tab, clean or not. */
export function latestFrame(tabId: number): SettledFrame | undefined {
  return frames.get(tabId);
}

/** Who waits for the next intent picture (see `nextIntent`). */
const waiting = new Set<() => void>();

/** Keeps the intent (at once: its action follows within milliseconds and looks for it); returns it. */
export function rememberIntent(tabId: number, intent: IntentFrame): IntentFrame {
  intents.set(tabId, [...(intents.get(tabId) ?? []), intent].slice(-KEPT_INTENTS));
  for (const wake of [...waiting]) wake();
  return intent;
}

/**
 * Resolves when the next intent picture is remembered, or after `ms`. A press's intent and its
 * click are two messages handled side by side: the click's may look for the intent first.
 */
export function nextIntent(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const wake = () => {
      clearTimeout(timer);
      waiting.delete(wake);
      resolve();
    };
    const timer = setTimeout(wake, ms);
    waiting.add(wake);
  });
}

/** The tab's intent pictures, oldest first. */
export function intentsOf(tabId: number): IntentFrame[] {
  return intents.get(tabId) ?? [];
}

export function forgetFrames(tabId?: number): void {
  if (tabId === undefined) intents.clear();
  else intents.delete(tabId);
  const forget = () => {
    const tabs = tabId === undefined ? [...new Set([...reports.keys(), ...frames.keys(), ...replaced.keys()])] : [tabId];
    for (const id of tabs) {
      reports.delete(id);
      frames.delete(id);
      replaced.delete(id);
    }
  };
  forget();
  // Again after loading, or the stored copy of other tabs' reports would be written over.
  void loaded().then(() => {
    forget();
    saveReports();
    saveReplaced();
    const clear = (s: IDBObjectStore) => (tabId === undefined ? s.clear() : s.delete(tabId));
    return withStore('readwrite', clear).catch(() => undefined);
  });
}
