/**
 * Is a page change a step of its own? The start page and a page the user went to (typed an
 * address, used Back) are. A page reached by the click, key or edit just recorded is not: that
 * step already says what the user did, and the next step shows the new page. Decided from
 * when the navigation began relative to the last action, since a slow server must not turn
 * a link's effect into a second step.
 */
import type { Action } from '@/lib/steps/types';
import type { Session } from './session';

/** How long after an action a navigation still counts as that action's effect. */
export const CAUSED_WITHIN_MS = { load: 2_000, 'back-forward': 2_000, route: 4_000 } as const;

type Navigate = Extract<Action, { kind: 'navigate' }>;

export function isOwnStep(action: Navigate, session: Session, now = Date.now()): boolean {
  // The same page again (a reload, or the start page reported by the page itself).
  if (action.page.url === session.lastUrl) return false;
  const how = action.how ?? 'load';
  if (how === 'start' || session.lastActionAt === undefined) return true;
  const since = (action.startedAt ?? now) - session.lastActionAt;
  return since > CAUSED_WITHIN_MS[how];
}
