/**
 * The other end of lib/capture/outbox.ts: each action arrives twice — as a message and as a
 * copy in storage.local — and is recorded once. A copy whose message never came is recorded
 * when its document is gone: the page left (a link click that navigates can take the message
 * with it, worker awake or not), its tab closed, or the worker starts after sleeping through it.
 *
 * A copy belongs to the recording that ran when its action happened: recordings never overlap,
 * so an action from before the current recording's start (or with no recording running) is
 * from a finished one, and is dropped instead of landing in another guide. A copy is deleted
 * only once its step is saved; one whose step failed stays for the next start.
 */
import { browser } from 'wxt/browser';
import { OUTBOX_PREFIX, type OutboxEntry } from '@/lib/capture/outbox';
import { frameOfDocument, loaded } from '@/lib/screenshots/frame-cache';
import { readSession, tabsOf, type Session } from './session';
import { recordAction } from './recorder';
import { stepNotSaved } from './bar-status';

const claimed = new Set<string>();

/** True the first time an id is claimed in this worker (its message or its copy, not both). */
function claim(outboxId: string): boolean {
  if (claimed.has(outboxId)) return false;
  claimed.add(outboxId);
  return true;
}

/** The step of this copy is saved (or the copy is stale): delete it. */
function settle(outboxId: string): Promise<void> {
  return browser.storage.local.remove(OUTBOX_PREFIX + outboxId).catch(() => undefined);
}

export interface Place {
  tabId: number;
  frameId: number;
}

/**
 * Records an action once, from its message or its stored copy, whichever comes first, and
 * deletes the copy once the step is saved. A failure is said in the bar, never silent. The
 * message and the drain take this one path. Resolves whether the step was saved.
 */
export function recordOnce(place: Place, entry: OutboxEntry, outboxId?: string): Promise<boolean> {
  if (outboxId && !claim(outboxId)) return Promise.resolve(true);
  return recordAction(place.tabId, place.frameId, entry.action, entry.context).then((saved) => {
    if (saved && outboxId) void settle(outboxId);
    if (!saved) void stepNotSaved();
    return saved;
  });
}

/** Does a stored copy belong to the recording running now? */
export function belongsTo(entry: OutboxEntry, session: Session): boolean {
  if (session.state === 'idle' || session.startedAt === undefined) return false;
  return (entry.context.at ?? 0) >= session.startedAt;
}

/**
 * Where a copy goes: `frame`, the frame whose document reported under the copy's `doc`. A
 * copy from a document that never reported goes to the recorded tab when there is only one.
 */
export function placeOf(frame: Place | undefined, session: Session): Place | undefined {
  if (frame) return frame;
  const tabs = tabsOf(session);
  return tabs.length === 1 ? { tabId: tabs[0]!, frameId: 0 } : undefined;
}

/**
 * Documents that are gone: every one of a closed tab, or those of a frame that committed a new
 * document (a new top document takes its child frames with it).
 */
export interface Gone {
  tabId: number;
  frameId?: number;
}

/** A draft (an edit being typed) is recorded only once its document is gone. */
export function draftOrphaned(place: Place, gone: Gone): boolean {
  return place.tabId === gone.tabId && (gone.frameId === undefined || gone.frameId === 0 || gone.frameId === place.frameId);
}

/** At worker start: a draft's document is gone unless it still reports in a tab that is open. */
async function draftOrphanedAtStart(frame: Place | undefined): Promise<boolean> {
  return !frame || browser.tabs.get(frame.tabId).then(() => false, () => true);
}

/**
 * Records the copies whose message never came, in time order; drops the stale ones. With
 * `gone`, only that tab's (its document was just replaced or closed). Resolves once each step
 * is queued, so an action of the old page is decided before anything the next page reports.
 */
export async function drainOutbox(gone?: Gone): Promise<void> {
  const [stored, session] = await Promise.all([browser.storage.local.get(null), readSession(), loaded()]);
  const copies = Object.entries(stored)
    .filter(([key]) => key.startsWith(OUTBOX_PREFIX))
    .map(([key, value]) => ({ outboxId: key.slice(OUTBOX_PREFIX.length), entry: value as OutboxEntry }))
    .filter(({ outboxId }) => !claimed.has(outboxId))
    .sort((a, b) => (a.entry.context.at ?? 0) - (b.entry.context.at ?? 0));
  // At worker start every lost copy is due: one of unknown origin goes to the recorded tab.
  const fallback = !gone && session.tabId !== undefined ? { tabId: session.tabId, frameId: 0 } : undefined;
  for (const { outboxId, entry } of copies) {
    if (!belongsTo(entry, session)) {
      if (claim(outboxId)) void settle(outboxId);
      continue;
    }
    const frame = entry.context.doc === undefined ? undefined : frameOfDocument(entry.context.doc);
    const place = placeOf(frame, session) ?? fallback;
    if (!place || (gone && place.tabId !== gone.tabId)) continue;
    // A draft of a page still open is an edit the user is still typing: it ends as a step of its own.
    if (entry.draft && !(gone ? draftOrphaned(place, gone) : await draftOrphanedAtStart(frame))) continue;
    void recordOnce(place, entry, outboxId);
  }
}

/** How long a fresh copy waits for its message, which a live page sends right after writing it. */
export const MESSAGE_GRACE_MS = 150;

/**
 * A finished action's copy was just written: recorded if its message has not come by the end
 * of the grace. The drain at the page's commit is not enough: Firefox can unload a page (a form
 * submitted) with its copy's write still on the way, so that drain runs before the copy exists,
 * and the message never leaves. The grace keeps the live page's message first, so actions are
 * decided in the order they happened. Drafts wait for their document to go; copies of unknown
 * place wait for their message or the next drain.
 */
export async function copyWritten(outboxId: string, entry: OutboxEntry): Promise<void> {
  if (entry.draft) return;
  await new Promise((resolve) => setTimeout(resolve, MESSAGE_GRACE_MS));
  if (claimed.has(outboxId)) return;
  const [session] = await Promise.all([readSession(), loaded()]);
  if (!belongsTo(entry, session)) return;
  const frame = entry.context.doc === undefined ? undefined : frameOfDocument(entry.context.doc);
  const place = placeOf(frame, session);
  if (place) await recordOnce(place, entry, outboxId);
}
