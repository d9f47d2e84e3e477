/** What the popup and the in-page bar show: state, step count, and why a recording waits. */
import { countSteps } from '@/lib/db/steps';
import { sendToTab, type RecordingStatus } from '@/lib/messages';
import { readSession, tabsOf } from './session';

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
  };
}

/** Updates the in-page bar of every recorded tab (or removes it, with `tabs` after a stop). */
export async function showBar(tabs?: number[]): Promise<void> {
  const current = await status();
  const targets = tabs ?? tabsOf(await readSession());
  await Promise.all(targets.map((tabId) => sendToTab(tabId, { type: 'recorder.bar', status: current }, 0)));
}

/** Is this tab recorded now (recording, not paused)? */
export async function isRecordedTab(tabId: number | undefined): Promise<boolean> {
  const session = await readSession();
  return session.state === 'recording' && tabId !== undefined && tabsOf(session).includes(tabId);
}
