/** What the popup and the in-page bar show: state, step count, and why a recording waits. */
import { countSteps } from '@/lib/db/steps';
import { sendToTab, type RecordingStatus } from '@/lib/messages';
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

/** Updates the in-page bar of every recorded tab (or removes it, with `tabs` after a stop). */
export async function showBar(tabs?: number[]): Promise<void> {
  const current = await status();
  const targets = tabs ?? tabsOf(await readSession());
  await Promise.all(targets.map((tabId) => sendToTab(tabId, { type: 'recorder.bar', status: current }, 0)));
}

