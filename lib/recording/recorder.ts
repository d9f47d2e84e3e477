/**
 * Where a user's action becomes a saved step (`recordAction`): one at a time, in the order
 * they happened, each written to IndexedDB before the next one is handled.
 */
import { newId } from '@/lib/db/database';
import type { Action, ActionStep } from '@/lib/steps/types';
import { sentenceFor } from '@/lib/steps/sentences';
import type { ActionContext } from '@/lib/messages';
import { pictureForAction, takeSettledFrame, type Moment, type Picture } from '@/lib/screenshots/picture';
import { readSession, tabsOf, updateSession, type Session } from './session';
import { isOwnStep } from './navigation';
import { placeStep } from './placement';
import { showBar } from './bar-status';
import { allSaved, HOLD_MS, inOrder } from './order';

/** Resolves when every action received so far is saved (or failed). */
export const settledSteps = allSaved;

export function recordAction(tabId: number, frameId: number, action: Action, context: ActionContext): Promise<void> {
  // When the action reached us: close to when it happened, whatever the queue's delay.
  const at = Date.now();
  noteFrame(tabId, frameId);
  // The picture is taken now, not after the wait for order: later, the page may have moved on.
  const picture = action.kind === 'navigate' ? undefined : pictureForAction(tabId, frameId, context);
  const hold = framesOf(tabId).size > 1 ? HOLD_MS : 0;
  return inOrder(context.at ?? at, () => saveActionStep(tabId, frameId, action, context, at, picture), hold).catch(
    (error: unknown) => console.error('Waymark: step not saved', error),
  );
}

// Frames of each tab seen reporting (a cache: after a restart it fills again as pages report).
const frames = new Map<number, Set<number>>();

function framesOf(tabId: number): Set<number> {
  let seen = frames.get(tabId);
  if (!seen) frames.set(tabId, (seen = new Set()));
  return seen;
}

function noteFrame(tabId: number, frameId: number): void {
  framesOf(tabId).add(frameId);
}

function isRecording(session: Session, tabId: number): session is Session & { guideId: string } {
  return session.state === 'recording' && tabsOf(session).includes(tabId) && Boolean(session.guideId);
}

async function saveActionStep(
  tabId: number,
  frameId: number,
  action: Action,
  context: ActionContext,
  at: number,
  early?: Promise<Picture>,
): Promise<void> {
  const session = await readSession();
  if (!isRecording(session, tabId)) return;
  if (action.kind === 'navigate') {
    // The first page reported is where the recording began.
    if (session.lastUrl === undefined) action = { ...action, how: 'start' };
    const url = action.page.url;
    const own = isOwnStep(action, session, at, tabId);
    // Not a step: the page is context for the next step (its title and address).
    // A page the user went to by address counts as their action: a redirect right after
    // it is its effect. Back/Forward has no such redirect to absorb.
    const acts = own && action.how !== 'back-forward' && action.how !== 'route';
    await updateSession((s) => ({ ...s, lastUrl: url, ...(acts ? { lastActionAt: at, lastActionTabId: tabId } : {}) }));
    if (!own) return;
  } else {
    await updateSession((s) => ({ ...s, lastActionAt: at, lastActionTabId: tabId, lastUrl: frameId === 0 ? context.url : s.lastUrl }));
  }
  const picture = await (early ?? pictureForAction(tabId, frameId, context));
  await saveStep(session, action, context, picture);
  void showBar();
}

/** Builds and stores a step. */
async function saveStep(
  session: Session & { guideId: string },
  action: Action,
  context: Pick<ActionContext, 'url' | 'title' | 'viewport'>,
  picture: Picture,
): Promise<void> {
  const guideId = session.guideId;
  const now = Date.now();
  const imageId = picture.image ? newId() : undefined;
  const step: ActionStep = {
    id: newId(),
    guideId,
    order: 0,
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
  // Re-read: an insertion point moves on with each step placed after it.
  const { insertAfter } = await readSession();
  const order = await placeStep(step, image, insertAfter);
  if (insertAfter !== undefined) await updateSession((s) => ({ ...s, insertAfter: order }));
}

export async function pageSettled(tabId: number, frameId: number, moment: Moment): Promise<void> {
  const session = await readSession();
  if (session.state !== 'recording' || !tabsOf(session).includes(tabId)) return;
  noteFrame(tabId, frameId);
  await takeSettledFrame(tabId, frameId, moment);
}
