/** What the popup and the in-page bar show: state, step count, and why a recording waits. */
import { browser } from 'wxt/browser';
import { countSteps } from '@/lib/db/steps';
import type { RecordingStatus } from '@/lib/messages';
import { sendToTab } from '@/lib/messaging';
import { isStreamed } from '@/lib/screenshots/stream';
import { readSession, tabsOf, updateSession } from './session';

export async function status(): Promise<RecordingStatus> {
  const session = await readSession();
  const guideId = session.guideId ?? session.lastGuideId;
  const stepCount = guideId ? await countSteps(guideId) : 0;
  return {
    state: session.state,
    guideId,
    tabId: session.tabId,
    stepCount,
    ...(session.notice ? { notice: session.notice } : {}),
    ...(session.error && session.state !== 'idle' ? { error: session.error } : {}),
  };
}

export const STEP_NOT_SAVED = 'A step could not be saved. Waymark keeps it and tries again when it restarts.';

export const ACTION_NOT_RECORDED = 'Waymark failed on an action in the page: a step may be missing. Check the last steps.';

/** A step failed to save (or an action was not recorded): say so in the bar and the popup, not only in a log. */
export async function stepNotSaved(error = STEP_NOT_SAVED): Promise<void> {
  await updateSession((s) => (s.state === 'idle' ? s : { ...s, error }));
  void showBar();
}

/**
 * Updates the in-page bar of every recorded tab (or removes it, with `tabs` after a stop). A
 * streamed tab has none: it would be in every frame of the stream, so in the pictures; its
 * controls are the popup, the toolbar button and the keyboard shortcut.
 */
export async function showBar(tabs?: number[]): Promise<void> {
  const current = await status();
  const targets = tabs ?? tabsOf(await readSession());
  const show = async (tabId: number) => {
    const offPage = await isStreamed(tabId);
    await sendToTab(tabId, { type: 'recorder.bar', status: current, ...(offPage ? { offPage } : {}) }, 0);
  };
  await Promise.all([...targets.map(show), showBadge(current)]);
}

/**
 * The toolbar button says a recording runs, and what the bar would say when something needs
 * the user (a step not saved, a pause on a page that may not be recorded): a streamed tab has
 * no bar to say it. Its tooltip carries the words; the popup shows them too.
 */
async function showBadge({ state, error, notice }: RecordingStatus): Promise<void> {
  const attention = state !== 'idle' ? (error ?? notice) : undefined;
  const text = attention ? '!' : state === 'recording' ? 'REC' : state === 'paused' ? '❚❚' : '';
  await Promise.all([
    browser.action.setBadgeText({ text }),
    browser.action.setTitle({ title: attention ? `Waymark: ${attention}` : '' }),
  ]).catch(() => undefined);
}

