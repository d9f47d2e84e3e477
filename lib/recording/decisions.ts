/**
 * The recorder's decisions about steps, as pure functions (tests/unit/recorder-decisions.test.ts):
 * whether an action is a step, how the session changes with it, and where its step goes.
 * The shell (recorder.ts) reads the session and the guide's steps, asks these, and writes.
 */
import type { Action } from '@/lib/steps/types';
import { orderBetween } from '@/lib/editor/order';
import { isOwnStep } from './navigation';
import type { Session } from './session';

export interface ActionOutcome {
  /** False when the action is no step (a page the last action led to, a reload). */
  step: boolean;
  /** The action as stored (the first page becomes the recording's start). */
  action: Action;
  /** The session fields this action changes. */
  patch: Pick<Session, 'lastUrl' | 'lastActionAt' | 'lastActionTabId'>;
}

/**
 * What an action does to the session. `at`: when it happened; `url`: the acting frame's page
 * (only the top frame's address is the page a step is "on").
 */
export function actionOutcome(
  session: Session,
  action: Action,
  frameId: number,
  url: string,
  at: number,
  tabId?: number,
): ActionOutcome {
  // The tab of the last action: a navigation in an older tab is never its effect (issue 18).
  const acted = { lastActionAt: at, ...(tabId !== undefined ? { lastActionTabId: tabId } : {}) };
  if (action.kind !== 'navigate') {
    return { step: true, action, patch: { ...acted, ...(frameId === 0 ? { lastUrl: url } : {}) } };
  }
  // The first page reported is where the recording began.
  const navigate = session.lastUrl === undefined ? { ...action, how: 'start' as const } : action;
  const own = isOwnStep(navigate, session, at, tabId);
  // Not a step: the page is context for the next step. A page the user went to by address
  // counts as their action (a redirect right after it is its effect); Back/Forward and app
  // routes have no such redirect to absorb.
  const acts = own && navigate.how !== 'back-forward' && navigate.how !== 'route';
  return { step: own, action: navigate, patch: { lastUrl: navigate.page.url, ...(acts ? acted : {}) } };
}

/** A step of the guide as placement sees it. */
export interface Placed {
  order: number;
  /** When its action happened (steps recorded before this field existed have none). */
  at?: number;
  /** Recorded in the current recording. */
  current: boolean;
}

export interface Placement {
  order: number;
  /** The step went to the insertion point, which moves on to it. */
  movesInsertPoint: boolean;
}

/**
 * Where a new step goes, given the guide's steps sorted by order. Steps are saved as soon as
 * their picture is ready, so an action from another frame can arrive after a later one was
 * saved: it goes right before the earliest step of this recording that happened after it.
 * Otherwise at the end, or — recording into a guide — right after the insertion point, at
 * the midpoint before the next step (as the editor places steps), never shifting the others.
 */
export function placeNewStep(steps: readonly Placed[], at: number, insertAfter?: number): Placement {
  const laterIndex = steps.findIndex((s) => s.current && s.at !== undefined && s.at > at);
  if (laterIndex !== -1) {
    return { order: orderBetween(steps[laterIndex - 1]?.order, steps[laterIndex]!.order), movesInsertPoint: false };
  }
  if (insertAfter === undefined) return { order: orderBetween(steps[steps.length - 1]?.order, undefined), movesInsertPoint: false };
  const next = steps.find((s) => s.order > insertAfter);
  return { order: orderBetween(insertAfter, next?.order), movesInsertPoint: true };
}
