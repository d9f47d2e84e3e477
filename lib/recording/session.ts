/**
 * The recording session's state. It lives in `storage.session`, never only in memory:
 * the MV3 service worker may be killed at any moment and must pick up where it was.
 */
import { browser } from 'wxt/browser';
import type { RecordingState } from '@/lib/messages';

export interface Session {
  state: RecordingState;
  guideId?: string;
  /** The tab recorded last (the newest of `tabs`). */
  tabId?: number;
  /** Every tab of this recording: the first one and the tabs and popups opened from it. */
  tabs?: number[];
  /** The guide of the last finished recording, for `recording.status` after stop. */
  lastGuideId?: string;
  /** The tabs of the last finished recording: their bar may still offer to open its guide. */
  lastTabs?: number[];
  /** When this recording began: its steps are the ones created since. */
  startedAt?: number;
  /** True when the recording created its guide (discarding deletes it). */
  newGuide?: boolean;
  /** Recording into an existing guide: new steps go after this order number. */
  insertAfter?: number;
  /** The address of the page the last step was on, and when the last action happened. */
  lastUrl?: string;
  lastActionAt?: number;
  /** The tab of the last action: a navigation in an older tab is never that action's effect. */
  lastActionTabId?: number;
  /** Paused because the tab is on a page Waymark may not record; resumes on a normal page. */
  notice?: string;
  /** A step failed to save (its action stays in the outbox for a retry); shown in bar and popup. */
  error?: string;
}

const KEY = 'waymark.session';
const IDLE: Session = { state: 'idle' };

export async function readSession(): Promise<Session> {
  const stored = await browser.storage.session.get(KEY);
  return (stored[KEY] as Session | undefined) ?? IDLE;
}

/**
 * Replaces the session, in the same queue as `updateSession`: a change queued before (a step's
 * session patch) must not land after a stop and bring `recording` back.
 */
export async function writeSession(session: Session): Promise<void> {
  await updateSession(() => session);
}

let queue: Promise<unknown> = Promise.resolve();
let changed: (session: Session, before: Session) => void = () => undefined;

/**
 * One observer of every written session, with the one it replaced (the tab listeners of
 * lib/recording/watch.ts follow it: the controls that start and stop need not know them).
 */
export function onSessionChange(observer: (session: Session, before: Session) => void): void {
  changed = observer;
}

/** Reads, changes and writes the session (one writer at a time within this worker). */
export function updateSession(change: (session: Session) => Session): Promise<Session> {
  const next = queue.then(async () => {
    const before = await readSession();
    const updated = change(before);
    await browser.storage.session.set({ [KEY]: updated });
    changed(updated, before);
    return updated;
  });
  queue = next.catch(() => undefined);
  return next;
}

/** The session once the writes this worker has queued are done. */
export function sessionNow(): Promise<Session> {
  return queue.then(readSession);
}

export function tabsOf(session: Session): number[] {
  return session.tabs ?? (session.tabId === undefined ? [] : [session.tabId]);
}
