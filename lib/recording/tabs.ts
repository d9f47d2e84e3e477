/**
 * The recording follows the user across tabs: a tab or popup opened from a recorded tab is
 * recorded too, and when it closes the recording carries on in the tabs left. Each new
 * document of a recorded tab gets the recorder as it commits. On a page Waymark may not or
 * must not record it pauses with a notice, and resumes when the tab leaves it
 * (lib/recording/coverage.ts decides).
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '@/lib/messaging';
import { forgetFrames, loaded, topDocumentReplaced } from '@/lib/screenshots/frame-cache';
import { stopStream } from '@/lib/screenshots/stream';
import { loadPrivacySettings } from '@/lib/privacy/settings';
import { sessionNow, tabsOf, updateSession } from './session';
import { showBar } from './bar-status';
import { start, stop } from './controls';
import { coverageOf } from './coverage';
import { drainOutbox } from './outbox';
import { settledSteps } from './recorder';
import { coverFrames } from './inject';

export { PAUSED_HERE, PAUSED_SITE } from './coverage';

export async function tabCreated(tab: { id?: number; openerTabId?: number }): Promise<void> {
  const session = await sessionNow();
  if (session.state === 'idle' || tab.id === undefined || tab.openerTabId === undefined) return;
  if (!tabsOf(session).includes(tab.openerTabId)) return;
  const id = tab.id;
  await updateSession((s) => ({ ...s, tabs: [...tabsOf(s), id], tabId: id }));
  // Firefox may commit the new tab's first page before it says who opened the tab: that
  // commit found the tab not recorded, so the page it has now is covered here (again is harmless).
  const url = await browser.tabs.get(id).then((t) => t?.url, () => undefined);
  if (url && url !== 'about:blank') await documentCommitted(id, 0, url);
}

export async function tabClosed(tabId: number): Promise<void> {
  const session = await sessionNow();
  if (session.state === 'idle' || !tabsOf(session).includes(tabId)) return;
  // Its last action's message may have died with it; its frames tell where the copy came from.
  // Saved before the tab leaves the session: a step of a tab no longer recorded is not made.
  await drainOutbox({ tabId }).catch(drainFailed);
  await settledSteps();
  forgetFrames(tabId);
  await stopStream(tabId);
  const left = tabsOf(session).filter((id) => id !== tabId);
  // The last recorded tab closed: finish, so the guide opens as a normal guide.
  if (left.length === 0) return void (await stop());
  await updateSession((s) => ({ ...s, tabs: left, tabId: left[left.length - 1] }));
}

/**
 * A new document committed in a frame of some tab (the browser's event, not the worker's
 * start-up pass over documents already there): the one it replaced may have sent its last
 * action's message to nowhere (a link click that navigates), or been typed into. Its copies
 * are recorded now, before the new page reports anything; then the new one is covered.
 */
export async function documentReplaced(tabId: number, frameId: number, url: string): Promise<void> {
  // First, before the new document is covered and can report.
  if (frameId === 0) await loaded().then(() => topDocumentReplaced(tabId));
  const session = await sessionNow();
  if (session.state !== 'idle' && tabsOf(session).includes(tabId)) await drainOutbox({ tabId, frameId }).catch(drainFailed);
  await documentCommitted(tabId, frameId, url);
}

/** The new page is covered all the same; the copies stay for the next start. */
function drainFailed(error: unknown): void {
  console.error('Waymark: stored actions not recorded yet', error);
}

/** A document committed in some tab's frame: cover it if its tab is recorded. */
export async function documentCommitted(tabId: number, frameId: number, url: string): Promise<void> {
  // After pending session writes: a popup's tab is added (tabCreated) before its page commits.
  const session = await sessionNow();
  if (session.state === 'idle' || !tabsOf(session).includes(tabId)) return;
  const coverage = coverageOf(session, tabId, frameId, url, await loadPrivacySettings());
  switch (coverage.kind) {
    case 'none':
    case 'skip':
      return;
    case 'unfollow': {
      const left = tabsOf(session).filter((id) => id !== tabId);
      return void (await updateSession((s) => ({ ...s, tabs: left, tabId: left[left.length - 1] })));
    }
    case 'pause':
      // A pause the user chose stays theirs (no notice, no resuming by itself).
      if (session.state === 'recording' || session.notice) {
        const paused = await updateSession((s) => ({ ...s, state: 'paused', notice: coverage.notice }));
        // Nothing of a never-record site may be captured: the stream stops (it is not started
        // again when the recording resumes by itself; the bar and captures serve then).
        await Promise.all(tabsOf(paused).map(stopStream));
        // Recorders in the other tabs stop sending (and being pictured) while paused.
        await Promise.all(tabsOf(paused).map((id) => sendToTab(id, { type: 'recorder.state', recording: false })));
        void showBar();
      }
      return;
    case 'inject': {
      let current = session;
      if (coverage.resume) {
        // The user came back on their own: that page is a step, not the effect of an older action.
        current = await updateSession((s) => ({ ...s, state: 'recording', notice: undefined, lastActionAt: undefined }));
        await Promise.all(tabsOf(current).map((id) => sendToTab(id, { type: 'recorder.state', recording: true })));
      }
      await coverFrames({ tabId, frameIds: [frameId] }, current);
      if (frameId === 0 || coverage.resume) void showBar();
    }
  }
}

/** The keyboard command: start recording the active tab, or stop. */
export async function toggleRecording(): Promise<void> {
  const session = await sessionNow();
  if (session.state !== 'idle') return void (await stop());
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id !== undefined) await start({ tabId: tab.id });
}
