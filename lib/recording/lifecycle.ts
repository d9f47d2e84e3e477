/**
 * What the background does each time it starts, and when the browser or the extension
 * restarts. storage.session outlives the worker but not the browser or an update of the
 * extension: a recording interrupted that way can never go on, so its guide is finished
 * instead of being marked "recording" forever.
 */
import { listGuides, updateGuide } from '@/lib/db/guides';
import { readSession, tabsOf, type Session } from './session';
import { coverFrames } from './inject';
import { showBar } from './bar-status';
import { showElementMenu } from '@/lib/privacy/context-menu';
import { unwatchTabs, watchTabs } from './watch';

/**
 * The worker (re)started. While a recording runs, the tab listeners come back, and every
 * frame of the recorded tabs is covered again: a document that committed while the worker
 * slept woke it with an event that came before its listener (see lib/recording/watch.ts).
 */
export async function workerStarted(): Promise<Session> {
  const session = await readSession();
  if (session.state === 'idle') {
    unwatchTabs();
    return session;
  }
  watchTabs();
  await Promise.all(tabsOf(session).map((tabId) => coverFrames({ tabId }, session)));
  void showBar();
  return session;
}

/** The browser or the extension restarted: guides left "recording" are done. */
export async function finishInterrupted(): Promise<void> {
  const session = await readSession();
  if (session.state !== 'idle') return;
  void showElementMenu(false);
  const stale = (await listGuides()).filter((guide) => guide.status === 'recording');
  await Promise.all(stale.map((guide) => updateGuide(guide.id, { status: 'done' })));
}
