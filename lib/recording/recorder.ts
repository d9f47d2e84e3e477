/**
 * The recording service that runs in the background: start / pause / resume / stop, and
 * the place where a user's action becomes a saved step (`recordAction`).
 */
import { browser } from 'wxt/browser';
import { createGuide, updateGuide } from '@/lib/db/guides';
import { countSteps, nextOrder, saveStep } from '@/lib/db/steps';
import { newId } from '@/lib/db/database';
import type { Action } from '@/lib/steps/types';
import type { ActionStep } from '@/lib/steps/types';
import { sentenceFor } from '@/lib/steps/sentences';
import type { ActionContext, RecordingState, RecordingStatus } from '@/lib/messages';
import { sendToTab } from '@/lib/messages';
import { pictureForAction, takeSettledFrame, type Moment } from '@/lib/screenshots/picture';
import { forgetFrames } from '@/lib/screenshots/frame-cache';
import { readSession, writeSession } from './session';
import { restrictionOf } from './restricted';
import { isSiteAllowed, SITE_NOT_ALLOWED } from '@/lib/privacy/sites';
import { missingHostAccess } from './host-access';

export async function status(): Promise<RecordingStatus> {
  const session = await readSession();
  const guideId = session.guideId ?? session.lastGuideId;
  const stepCount = guideId ? await countSteps(guideId) : 0;
  return { state: session.state, guideId, tabId: session.tabId, stepCount };
}

/** Makes sure the tab's content scripts are there (tabs opened before install lack them). */
async function reachContentScript(tabId: number, recording: boolean): Promise<boolean> {
  if (await sendToTab(tabId, { type: 'recorder.state', recording })) return true;
  try {
    await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      files: ['/content-scripts/content.js'],
    });
  } catch {
    return false;
  }
  return Boolean(await sendToTab(tabId, { type: 'recorder.state', recording }));
}

export async function start(tabId: number): Promise<{ guideId: string } | { error: string }> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab) return { error: 'That tab is gone.' };
  const restriction = restrictionOf(tab.url);
  if (restriction) return { error: restriction };
  if (tab.url && !(await isSiteAllowed(tab.url))) return { error: SITE_NOT_ALLOWED };
  const noAccess = await missingHostAccess();
  if (noAccess) return { error: noAccess };
  const current = await readSession();
  if (current.state !== 'idle') await stop();
  if (!(await reachContentScript(tabId, false))) {
    return { error: "Waymark can't reach this page. Reload it and try again." };
  }
  const guide = await createGuide({ title: tab.title?.trim() || 'Untitled guide' });
  await writeSession({ state: 'recording', guideId: guide.id, tabId });
  await sendToTab(tabId, { type: 'recorder.state', recording: true });
  return { guideId: guide.id };
}

async function setState(state: Exclude<RecordingState, 'idle'>): Promise<{ state: RecordingState }> {
  const session = await readSession();
  if (session.state === 'idle' || session.tabId === undefined) return { state: 'idle' };
  await writeSession({ ...session, state });
  await sendToTab(session.tabId, { type: 'recorder.state', recording: state === 'recording' });
  return { state };
}

export const pause = () => setState('paused');
export const resume = () => setState('recording');

export async function stop(): Promise<{ guideId?: string; stepCount: number }> {
  const session = await readSession();
  if (session.state === 'idle') return { guideId: session.lastGuideId, stepCount: (await status()).stepCount };
  await writeSession({ state: 'idle', lastGuideId: session.guideId });
  if (session.tabId !== undefined) {
    await sendToTab(session.tabId, { type: 'recorder.state', recording: false });
    forgetFrames(session.tabId);
  }
  await pending;
  if (session.guideId) await updateGuide(session.guideId, { status: 'done' });
  const stepCount = session.guideId ? await countSteps(session.guideId) : 0;
  return { guideId: session.guideId, stepCount };
}

/** Is this sender the tab we record, while recording? */
export async function isRecordedTab(tabId: number | undefined): Promise<boolean> {
  const session = await readSession();
  return session.state === 'recording' && tabId !== undefined && session.tabId === tabId;
}

// Actions are turned into steps one at a time, so steps keep the order they happened in.
let pending: Promise<unknown> = Promise.resolve();

export function recordAction(tabId: number, action: Action, context: ActionContext): Promise<void> {
  const job = pending.then(() => saveActionStep(tabId, action, context));
  pending = job.catch((error: unknown) => console.error('Waymark: step not saved', error));
  return job;
}

async function saveActionStep(tabId: number, action: Action, context: ActionContext): Promise<void> {
  const session = await readSession();
  if (session.state !== 'recording' || session.tabId !== tabId || !session.guideId) return;
  const guideId = session.guideId;
  const picture = await pictureForAction(tabId, context);
  const now = Date.now();
  const imageId = picture.image ? newId() : undefined;
  const step: ActionStep = {
    id: newId(),
    guideId,
    order: await nextOrder(guideId),
    kind: 'action',
    action,
    text: sentenceFor(action),
    page: { url: context.url, title: context.title },
    viewport: context.viewport,
    imageId,
    shot: picture.shot,
    createdAt: now,
    updatedAt: now,
  };
  const image = picture.image && imageId ? { id: imageId, guideId, ...picture.image } : undefined;
  await saveStep(step, image);
}

export async function pageSettled(tabId: number, moment: Moment): Promise<void> {
  if (await isRecordedTab(tabId)) await takeSettledFrame(tabId, moment);
}

/** The recorded tab closed: finish the guide so it opens as a normal guide. */
export async function tabClosed(tabId: number): Promise<void> {
  const session = await readSession();
  if (session.state !== 'idle' && session.tabId === tabId) await stop();
}
