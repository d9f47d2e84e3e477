/**
 * Where a user's action becomes a saved step (`recordAction`). The shell around the pure
 * decisions (decisions.ts, lib/screenshots/choice.ts): it reads the session once, takes the
 * picture, saves the step as soon as the picture is ready (steps are written one at a time;
 * an action that arrives late from another frame is put back in place by its time, see
 * `placeNewStep`) and writes the session's changes once.
 */
import { newId } from '@/lib/db/database';
import type { Action, ActionStep, Box, Point } from '@/lib/steps/types';
import { sentenceFor } from '@/lib/steps/sentences';
import type { ActionContext, FrameReport } from '@/lib/messages';
import { pictureForAction, takeIntentFrame, takeSettledFrame, type ActionMoment, type Picture } from '@/lib/screenshots/picture';
import { reportedPage } from '@/lib/screenshots/frame-cache';
import { toTop, type FrameGeometry } from '@/lib/screenshots/frame-geometry';
import { withTimeout } from '@/lib/with-timeout';
import { readSession, tabsOf, updateSession, type Session } from './session';
import { placeStep } from './placement';
import { showBar } from './bar-status';
import { actionOutcome } from './decisions';
import { keepAlive } from './heartbeat';

let chain: Promise<unknown> = Promise.resolve();
const outstanding = new Set<Promise<void>>();

/** Resolves when every action received so far is saved (or failed). */
export async function settledSteps(): Promise<void> {
  while (outstanding.size > 0) await Promise.allSettled([...outstanding]);
}

function isRecording(session: Session, tabId: number): session is Session & { guideId: string } {
  return session.state === 'recording' && tabsOf(session).includes(tabId) && Boolean(session.guideId);
}

/** The acting frame at the action's moment. */
function momentOf(context: ActionContext): ActionMoment {
  const { changeCount, url, viewport, doc } = context;
  return { ...context.frame, changeCount, url, viewport, ...(doc ? { doc } : {}) };
}

/** Resolves true once the step is saved (or deliberately not made), false when saving failed. */
export function recordAction(tabId: number, frameId: number, action: Action, context: ActionContext): Promise<boolean> {
  const at = context.at ?? Date.now();
  keepAlive();
  // The picture is chosen now, not after earlier saves: by then the page may have moved on.
  // An edit is reported when its field is left: its moment (the focus) is long past.
  const late = action.kind === 'type' || action.kind === 'select';
  const picture = action.kind === 'navigate' ? undefined : pictureForAction(tabId, frameId, momentOf(context), late);
  // One at a time, so each decision sees the session as the previous action left it.
  const saved = chain.then(async () => {
    const session = await readSession();
    if (!isRecording(session, tabId)) return;
    const outcome = actionOutcome(session, action, frameId, context.url, at, tabId);
    let insertAfter: number | undefined;
    if (outcome.step) {
      const placed = inTopViewport(outcome.action, tabId, frameId, context.frame);
      insertAfter = await saveStep(session, placed, context, at, await inTime(picture ?? pictureFor(tabId, frameId, context)));
    }
    // Merged into the session as it is now: a control (pause, stop) may have written meanwhile.
    await updateSession((s) => ({ ...s, ...outcome.patch, ...(insertAfter !== undefined ? { insertAfter } : {}) }));
    if (outcome.step) void showBar();
  });
  chain = saved.catch(() => undefined);
  const job = saved.then(
    () => true,
    (error: unknown) => {
      console.error('Waymark: step not saved', error);
      return false;
    },
  );
  const settled = job.then(() => undefined);
  outstanding.add(settled);
  void settled.finally(() => outstanding.delete(settled));
  return job;
}

/**
 * The captures, renderings and page messages a picture waits for have time limits of their
 * own; this one bounds the picture as a whole, so that nothing it waits for can hold the
 * steps queued behind it. A step is never dropped for its picture: one that failed or came
 * too late is saved without it.
 */
export const PICTURE_WITHIN_MS = 30_000;

function inTime(picture: Promise<Picture>): Promise<Picture> {
  return withTimeout(picture, PICTURE_WITHIN_MS, 'The picture').catch((error: unknown) => {
    console.warn('Waymark: step saved without its picture', error);
    return { shot: 'none' };
  });
}

/** A navigation's picture: the page as it is when it is reported. */
function pictureFor(tabId: number, frameId: number, context: ActionContext): Promise<Picture> {
  return pictureForAction(tabId, frameId, momentOf(context));
}

/**
 * The action's target box and click point in the top viewport (measured in their frame).
 * Where the frame's placement is unknown they are left out rather than guessed.
 */
export function inTopViewport(action: Action, tabId: number, frameId: number, frame?: FrameGeometry): Action {
  if (action.kind === 'navigate' || !frame) return action;
  const frames = Object.values({ ...reportedPage(tabId), [frameId]: frame });
  const map = <T extends Point>(value: T | undefined): T | undefined => {
    if (!value) return undefined;
    const placed = toTop(frames, frame, value);
    return placed.placed ? placed.value : undefined;
  };
  const box = map<Box>(action.target?.box);
  const target = action.target && { ...action.target, box };
  if (target && !box) delete target.box;
  if (action.kind === 'click') {
    const point = map(action.point);
    const click = { ...action, target: target!, point };
    if (!point) delete click.point;
    return click;
  }
  return target ? ({ ...action, target } as Action) : action;
}

/** Builds and stores a step; returns the new insertion point when it moved. */
async function saveStep(
  session: Session & { guideId: string },
  action: Action,
  context: Pick<ActionContext, 'url' | 'title' | 'viewport'>,
  at: number,
  picture: Picture,
): Promise<number | undefined> {
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
    at,
    createdAt: now,
    updatedAt: now,
  };
  const image = picture.image && imageId ? { id: imageId, guideId, ...picture.image } : undefined;
  const placement = await placeStep(step, image, session.startedAt ?? 0, session.insertAfter);
  return placement.movesInsertPoint ? placement.order : undefined;
}

export async function pageSettled(tabId: number, frameId: number, report: FrameReport): Promise<void> {
  const session = await readSession();
  if (session.state !== 'recording' || !tabsOf(session).includes(tabId)) return;
  keepAlive();
  await takeSettledFrame(tabId, frameId, report);
}

export async function actionIntent(tabId: number, frameId: number, report: FrameReport, eventAt?: number): Promise<void> {
  const session = await readSession();
  if (session.state !== 'recording' || !tabsOf(session).includes(tabId)) return;
  await takeIntentFrame(tabId, frameId, report, eventAt);
}
