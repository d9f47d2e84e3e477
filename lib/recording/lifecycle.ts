/**
 * What the background does each time it starts, and when the browser or the extension
 * restarts. storage.session outlives the worker but not the browser or an update of the
 * extension: a recording interrupted that way can never go on, so its guide is finished
 * instead of being marked "recording" forever.
 */
import { listGuides, updateGuide } from '@/lib/db/guides';
import { onSessionChange, readSession, tabsOf, type Session } from './session';
import { browser } from 'wxt/browser';
import { forgetFrames } from '@/lib/screenshots/frame-cache';
import { documentCommitted } from './tabs';
import { showBar } from './bar-status';
import { showElementMenu } from '@/lib/privacy/context-menu';
import { followSession, unwatchTabs, watchTabs } from './watch';
import { drainOutbox } from './outbox';

/**
 * The worker (re)started. While a recording runs, the tab listeners come back, and every
 * frame of the recorded tabs is covered again: a document that committed while the worker
 * slept woke it with an event that came before its listener (see lib/recording/watch.ts).
 * Each frame is judged as a new document would be (a never-record site pauses, a denied frame
 * gets nothing), top frame first. When idle, settled pictures of an earlier recording go.
 */
export async function workerStarted(): Promise<Session> {
  noteLifetime();
  // Before any message is handled: a recording started or stopped from now on adds or removes them.
  onSessionChange(followSession);
  const session = await readSession();
  if (session.state === 'idle') {
    unwatchTabs();
    forgetFrames();
    void drainOutbox(); // drops copies of a recording that is over
    return session;
  }
  // The outbox listener first, then the drain: a copy written in between is seen by one of
  // them (before, the drain could read storage just before it and the listener come after).
  watchTabs();
  void drainOutbox();
  for (const tabId of tabsOf(session)) {
    const frames = (await browser.webNavigation.getAllFrames({ tabId }).catch(() => null)) ?? [];
    frames.sort((a, b) => a.frameId - b.frameId);
    for (const frame of frames) await documentCommitted(tabId, frame.frameId, frame.url);
  }
  void showBar();
  return session;
}

/** The browser or the extension restarted: guides left "recording" are done. */
export async function finishInterrupted(): Promise<void> {
  const session = await readSession();
  if (session.state !== 'idle') return;
  void showElementMenu(false);
  // Pictures kept for a recording that can never go on (tab ids start again after a restart).
  forgetFrames();
  const stale = (await listGuides()).filter((guide) => guide.status === 'recording');
  await Promise.all(stale.map((guide) => updateGuide(guide.id, { status: 'done' })));
}

/** Where the background notes when it last started and was suspended (storage.session). */
export const LIFETIME_KEY = 'waymark.background';

/**
 * Notes this background's start and (where the browser says so) its suspension, so that
 * "the first action after the worker stopped" can be checked without waking it: in Firefox the
 * event page is suspended by the browser alone, with nothing else to observe it by.
 */
function noteLifetime(): void {
  const startedAt = Date.now();
  const note = (suspendedAt?: number) =>
    void browser.storage.session.set({ [LIFETIME_KEY]: { startedAt, ...(suspendedAt ? { suspendedAt } : {}) } }).catch(() => undefined);
  note();
  browser.runtime.onSuspend?.addListener(() => note(Date.now()));
}
