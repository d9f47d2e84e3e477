/**
 * The recording follows the user across tabs: a tab or popup opened from a recorded tab is
 * recorded too, and when it closes the recording carries on in the tabs left. On a page
 * Waymark may not record (chrome://, the Web Store, the PDF viewer) it pauses with a
 * notice, and resumes when the tab is back on a normal page.
 */
import { browser } from 'wxt/browser';
import { sendToTab } from '@/lib/messages';
import { forgetFrames } from '@/lib/screenshots/frame-cache';
import { readSession, tabsOf, updateSession } from './session';
import { restrictionOf } from './restricted';
import { showBar } from './bar-status';
import { start, stop } from './controls';

export const PAUSED_HERE =
  "Waymark can't record this page. Recording is paused and goes on when you return to a normal web page.";

export async function tabCreated(tab: { id?: number; openerTabId?: number }): Promise<void> {
  const session = await readSession();
  if (session.state === 'idle' || tab.id === undefined || tab.openerTabId === undefined) return;
  if (!tabsOf(session).includes(tab.openerTabId)) return;
  const id = tab.id;
  await updateSession((s) => ({ ...s, tabs: [...tabsOf(s), id], tabId: id }));
}

export async function tabClosed(tabId: number): Promise<void> {
  const session = await readSession();
  if (session.state === 'idle' || !tabsOf(session).includes(tabId)) return;
  forgetFrames(tabId);
  const left = tabsOf(session).filter((id) => id !== tabId);
  // The last recorded tab closed: finish, so the guide opens as a normal guide.
  if (left.length === 0) return void (await stop());
  await updateSession((s) => ({ ...s, tabs: left, tabId: left[left.length - 1] }));
}

/** A recorded tab changed address: pause on restricted pages, resume when back. */
export async function tabNavigated(tabId: number, url: string): Promise<void> {
  const session = await readSession();
  if (session.state === 'idle' || !tabsOf(session).includes(tabId)) return;
  const restricted = Boolean(restrictionOf(url));
  const [first, ...followed] = tabsOf(session);
  // A followed tab that turns into a browser page (a new-tab page, the extension's own pages)
  // is simply no longer followed; only the first tab pauses the recording.
  if (restricted && tabId !== first) {
    const left = [first!, ...followed.filter((id) => id !== tabId)];
    return void (await updateSession((s) => ({ ...s, tabs: left, tabId: left[left.length - 1] })));
  }
  if (restricted && session.state === 'recording') {
    await updateSession((s) => ({ ...s, state: 'paused', notice: PAUSED_HERE }));
  } else if (!restricted && session.state === 'paused' && session.notice === PAUSED_HERE) {
    // The user came back on their own: that page is a step, not the effect of an older action.
    await updateSession((s) => ({ ...s, state: 'recording', notice: undefined, lastActionAt: undefined }));
    await sendToTab(tabId, { type: 'recorder.state', recording: true });
    void showBar();
  }
}

/** The keyboard command: start recording the active tab, or stop. */
export async function toggleRecording(): Promise<void> {
  const session = await readSession();
  if (session.state !== 'idle') return void (await stop());
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (tab?.id !== undefined) await start({ tabId: tab.id });
}
