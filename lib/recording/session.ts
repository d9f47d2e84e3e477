/**
 * The recording session's state. It lives in `storage.session`, never only in memory:
 * the MV3 service worker may be killed at any moment and must pick up where it was.
 */
import { browser } from 'wxt/browser';
import type { RecordingState } from '@/lib/messages';

export interface Session {
  state: RecordingState;
  guideId?: string;
  tabId?: number;
  /** The guide of the last finished recording, for `recording.status` after stop. */
  lastGuideId?: string;
}

const KEY = 'waymark.session';
const IDLE: Session = { state: 'idle' };

export async function readSession(): Promise<Session> {
  const stored = await browser.storage.session.get(KEY);
  return (stored[KEY] as Session | undefined) ?? IDLE;
}

export async function writeSession(session: Session): Promise<void> {
  await browser.storage.session.set({ [KEY]: session });
}
