/**
 * The recording's controls: start (a new guide, or into an existing one after a chosen
 * step), pause / resume, stop, delete the last step, discard. The public `recording.*`
 * messages land here.
 */
import { browser } from 'wxt/browser';
import { createGuide, getGuide, updateGuide } from '@/lib/db/guides';
import { db } from '@/lib/db/database';
import type { RecordingState } from '@/lib/messages';
import { sendToTab } from '@/lib/messaging';
import { forgetFrames } from '@/lib/screenshots/frame-cache';
import { startStream, stopStream } from '@/lib/screenshots/stream';
import { readSession, tabsOf, updateSession, writeSession, type Session } from './session';
import { restrictionOf } from './restricted';
import { PICTURE_WITHIN_MS, settledSteps } from './recorder';
import { deleteNewestStep, discardRecording } from './placement';
import { showBar, status } from './bar-status';
import { cleanTitle } from '@/lib/context/title';
import { isSiteAllowed, SITE_NOT_ALLOWED } from '@/lib/privacy/sites';
import { missingHostAccess } from './host-access';
import { showElementMenu } from '@/lib/privacy/context-menu';
import { coverFrames } from './inject';

export { status };

/** Can Waymark run in this tab (a page it may script, a tab that still exists)? */
async function canScript(tabId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId }, func: () => true });
    return true;
  } catch {
    return false;
  }
}

export interface StartRequest {
  tabId: number;
  guideId?: string;
  afterStepId?: string;
}

export async function start(request: StartRequest): Promise<{ guideId: string } | { error: string }> {
  const { tabId } = request;
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab) return { error: 'That tab is gone.' };
  const restriction = restrictionOf(tab.url);
  if (restriction) return { error: restriction };
  if (tab.url && !(await isSiteAllowed(tab.url))) return { error: SITE_NOT_ALLOWED };
  const noAccess = await missingHostAccess();
  if (noAccess) return { error: noAccess };
  let insertAfter: number | undefined;
  if (request.guideId) {
    if (!(await getGuide(request.guideId))) return { error: 'That guide does not exist.' };
    if (request.afterStepId) {
      const after = await db().steps.get(request.afterStepId);
      if (!after || after.guideId !== request.guideId) return { error: 'That step is not in the guide.' };
      insertAfter = after.order;
    }
  }
  const current = await readSession();
  if (current.state !== 'idle') await stop();
  if (!(await canScript(tabId))) {
    return { error: "Waymark can't reach this page. Reload it and try again." };
  }
  const title = cleanTitle(tab.title ?? '');
  const guideId = request.guideId ?? (await createGuide({ title: title || 'Untitled guide' })).id;
  if (request.guideId) await updateGuide(guideId, { status: 'recording' });
  const session: Session & { guideId: string } = {
    state: 'recording',
    guideId,
    tabId,
    tabs: [tabId],
    startedAt: Date.now(),
    newGuide: !request.guideId,
    insertAfter,
  };
  // A picture kept from an earlier recording of this tab must never serve this one.
  forgetFrames(tabId);
  // Its tab listeners come with this write (lib/recording/watch.ts follows the session).
  await writeSession(session);
  void showElementMenu(true);
  // Before the recorder and its bar: a streamed tab never shows the bar (it would be in every frame).
  await startStream(tabId);
  // Stopped (the shortcut pressed again, the tab closed) while the stream started: no stream left behind.
  if ((await readSession()).guideId !== guideId) await stopStream(tabId);
  // The recorder starts at once in every frame; the top frame's first report becomes the
  // "Go to" start step.
  await coverFrames({ tabId }, session);
  if (!request.guideId) void readPageContextOf(tabId);
  void showBar();
  return { guideId };
}

async function setState(state: Exclude<RecordingState, 'idle'>): Promise<{ state: RecordingState }> {
  const session = await readSession();
  if (session.state === 'idle') return { state: 'idle' };
  // A field typed into before the pause is an edit of the recording: it is a step now, not lost.
  if (state === 'paused' && session.state === 'recording') await flushEdits(tabsOf(session));
  const tabs = tabsOf(session);
  // No stream while paused; back on resume, for the tab the recording started in (still the
  // first of its tabs) if the browser grants it again.
  if (state === 'paused') await Promise.all(tabs.map(stopStream));
  if (state === 'recording' && session.state === 'paused' && tabs[0] !== undefined) await startStream(tabs[0]);
  await updateSession((s) => ({ ...s, state, notice: undefined }));
  await Promise.all(tabs.map((tabId) => sendToTab(tabId, { type: 'recorder.state', recording: state === 'recording' })));
  void showBar();
  return { state };
}

export const pause = () => setState('paused');
export const resume = () => setState('recording');

/**
 * Unfinished field edits in the recorded tabs are sent, and every step is saved. A page answers
 * once its edit's step is saved, picture included: it is given as long as a picture may take.
 */
async function flushEdits(tabs: number[]): Promise<void> {
  await Promise.all(tabs.map((tabId) => sendToTab(tabId, { type: 'recorder.flush' }, undefined, PICTURE_WITHIN_MS)));
  await settledSteps();
}

/**
 * Ends the recording; waits for unfinished field edits and queued steps to be saved first.
 * `kept`: the guide stays (a stop, not a discard), so the bar offers to open it.
 */
async function finish(kept: boolean): Promise<Session | undefined> {
  const session = await readSession();
  if (session.state === 'idle') return undefined;
  const tabs = tabsOf(session);
  await flushEdits(tabs);
  // The tab listeners go with this write (lib/recording/watch.ts follows the session).
  await writeSession(kept ? { state: 'idle', lastGuideId: session.guideId, lastTabs: tabs } : { state: 'idle' });
  void showElementMenu(false);
  for (const tabId of tabs) {
    await stopStream(tabId);
    await sendToTab(tabId, { type: 'recorder.state', recording: false });
    forgetFrames(tabId);
  }
  void showBar(tabs);
  return session;
}

export async function stop(): Promise<{ guideId?: string; stepCount: number }> {
  const session = await finish(true);
  if (!session) return { guideId: (await readSession()).lastGuideId, stepCount: (await status()).stepCount };
  if (session.guideId) await updateGuide(session.guideId, { status: 'done' });
  return { guideId: session.guideId, stepCount: (await status()).stepCount };
}

export async function undo(): Promise<{ stepCount: number }> {
  const session = await readSession();
  if (session.state !== 'idle' && session.guideId) {
    await settledSteps();
    // The insertion point may stay at the deleted step's order: steps go at midpoints after it
    // (lib/recording/decisions.ts), so the next one still lands right after the step before.
    await deleteNewestStep(session.guideId, session.startedAt ?? 0);
    void showBar();
  }
  return { stepCount: (await status()).stepCount };
}

export async function discard(): Promise<{ ok: boolean }> {
  const session = await finish(false);
  if (session?.guideId) {
    await discardRecording(session.guideId, session.startedAt ?? 0, Boolean(session.newGuide));
    if (!session.newGuide) await updateGuide(session.guideId, { status: 'done' });
    await writeSession({ state: 'idle' });
  }
  return { ok: Boolean(session) };
}

/**
 * Opens a guide (by default the one recorded last) in the editor, in a new tab. The hash is
 * components/editor/route.ts `guideHref`, not imported: that module brings React into the worker.
 */
export async function openGuide(guideId?: string): Promise<{ ok: boolean }> {
  const id = guideId ?? (await readSession()).lastGuideId;
  if (!id || !(await getGuide(id))) return { ok: false };
  await browser.tabs.create({ url: browser.runtime.getURL(`/editor.html#/guides/${encodeURIComponent(id)}`) });
  return { ok: true };
}

/** Runs Readability in the recorded tab only; it answers with a `context.page` message. */
async function readPageContextOf(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: ['/page-context.js'] }).catch(() => undefined);
}

/** A new guide's intro, from the page it starts on — unless someone has written one already. */
export async function pageContext(tabId: number | undefined, excerpt: string): Promise<void> {
  const session = await readSession();
  if (!excerpt || !session.newGuide || !session.guideId || tabId !== session.tabId) return;
  const guide = await getGuide(session.guideId);
  if (guide && !guide.intro) await updateGuide(guide.id, { intro: excerpt });
}
