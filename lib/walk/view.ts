/**
 * What a walk shows and reports, as plain data: the `walk.status` answer, the view each
 * frame of the walked tab gets, and the pure rules behind them (which steps are walked,
 * when a page is "the step's page"). No browser API here, so it is unit-tested as is.
 */
import type { Action, ActionStep, Step, Viewport } from '@/lib/steps/types';

export type WalkState = 'idle' | 'walking' | 'done';

export interface WalkStatus {
  state: WalkState;
  guideId?: string;
  /** 0-based index of the current step among the walked steps. */
  stepIndex?: number;
  stepCount?: number;
  /** Step ids marked stale / changed so far in this walk. */
  stale: string[];
  changed: string[];
  /** Step ids re-captured by hand in this walk. */
  recaptured: string[];
  /** Set while a re-capture waits for the user's action. */
  recapturing?: string;
  /** Why the walk could not go on (e.g. the step's page cannot be opened). */
  notice?: string;
}

/** The walk as kept in storage.session: the worker may stop at any time and pick it up. */
export interface WalkSession extends WalkStatus {
  tabId?: number;
  /** The ids of the walked steps, in order (headings, text and callouts are not walked). */
  stepIds: string[];
  /** The picture taken when a re-capture was armed, and whether to use the new sentence. */
  /** A re-capture waiting for the user's action; `viewport`: the top page's, when its picture was taken. */
  pending?: { stepId: string; imageId?: string; viewport?: Viewport; useNewSentence: boolean };
  /** The step re-captured last, which the panel offers to undo. */
  undoable?: string;
}

export const IDLE: WalkSession = { state: 'idle', stepIds: [], stale: [], changed: [], recaptured: [] };

/** What one frame of the walked tab shows. */
export interface WalkView {
  state: 'walking' | 'done';
  guideId: string;
  stepId: string;
  index: number;
  count: number;
  /** The step's sentence, shown as text (never as HTML). */
  text: string;
  /** What the user is to do (a masked value stays masked). */
  action: Action;
  /** The page the step was recorded on. */
  pageUrl: string;
  /** A typing step whose value was masked: the user types their own. */
  masked: boolean;
  /** What the health check has already seen of this step in this walk. */
  mark?: 'stale' | 'changed';
  recapturing: boolean;
  undoable?: string;
  /**
   * The step after this one: the page moves on to it the moment the user does this one,
   * without waiting for the background (a person types, then clicks Submit at once).
   */
  next?: WalkView;
}

export function walkedSteps(steps: Step[]): ActionStep[] {
  return steps.filter((s): s is ActionStep => s.kind === 'action');
}

export function statusOf(session: WalkSession): WalkStatus {
  const { tabId: _t, stepIds: _s, pending: _p, undoable: _u, ...status } = session;
  return status;
}

export function viewOf(session: WalkSession, step: ActionStep, next?: ActionStep): WalkView {
  const { action } = step;
  const index = session.stepIndex ?? 0;
  return {
    state: session.state === 'done' ? 'done' : 'walking',
    guideId: session.guideId ?? step.guideId,
    stepId: step.id,
    index,
    count: session.stepIds.length,
    text: step.text,
    action,
    pageUrl: action.kind === 'navigate' ? action.page.url : step.page.url,
    masked: action.kind === 'type' && action.masked,
    ...(session.stale.includes(step.id) ? { mark: 'stale' as const } : session.changed.includes(step.id) ? { mark: 'changed' as const } : {}),
    recapturing: session.pending?.stepId === step.id,
    ...(session.undoable ? { undoable: session.undoable } : {}),
    ...(next && session.state === 'walking' ? { next: viewOf({ ...moveTo(session, index + 1), undoable: undefined }, next) } : {}),
  };
}

/** Hash routes (`#/reports/4`) are part of an app's address; other fragments are not. */
function routeOf(url: URL): string {
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return url.hash.startsWith('#/') || url.hash.startsWith('#!/') ? `${path}${url.hash}` : path;
}

/**
 * True when `now` is the page `recorded` was on: same origin and path (and hash route).
 * The query is ignored: it carries ids and session state that differ from one visit to the next.
 */
export function samePage(recorded: string, now: string): boolean {
  try {
    const a = new URL(recorded);
    const b = new URL(now);
    return a.origin === b.origin && routeOf(a) === routeOf(b);
  } catch {
    return false;
  }
}

/** Moves the walk to `index`; past the last step the walk is done. */
export function moveTo(session: WalkSession, index: number): WalkSession {
  const last = session.stepIds.length - 1;
  if (index > last) return { ...session, state: 'done', stepIndex: last, pending: undefined };
  return { ...session, state: 'walking', stepIndex: Math.max(0, index), pending: undefined };
}

/** Records what the health check saw: a step is in at most one list, and leaves both once found. */
export function noteHealth(session: WalkSession, stepId: string, verdict: 'found' | 'changed' | 'missing'): WalkSession {
  const stale = session.stale.filter((id) => id !== stepId);
  const changed = session.changed.filter((id) => id !== stepId);
  if (verdict === 'missing') stale.push(stepId);
  if (verdict === 'changed') changed.push(stepId);
  return { ...session, stale, changed };
}
