/**
 * Is a page change a step of its own? The start page and a page the user went to (typed an
 * address, used Back) are. A page reached by the click, key or edit just recorded is not: that
 * step already says what the user did, and the next step shows the new page. Decided from
 * when the navigation began relative to the last action, since a slow server must not turn
 * a link's effect into a second step, and from the tab it happened in (issue 18).
 */
import type { Action } from '@/lib/steps/types';
import { tabsOf, type Session } from './session';

/** How long after an action a navigation still counts as that action's effect. */
export const CAUSED_WITHIN_MS = { load: 2_000, 'back-forward': 2_000, route: 4_000 } as const;

type Navigate = Extract<Action, { kind: 'navigate' }>;

/**
 * True when the navigation happened in a tab the last action cannot have moved: a tab that was
 * recorded before the action's tab joined (the opener the user came back to), or any tab once
 * the action's tab is closed. A tab opened after it (a link's new tab, a popup) may show the
 * action's effect.
 */
export function inOtherTab(session: Session, tabId: number | undefined): boolean {
  const last = session.lastActionTabId;
  if (tabId === undefined || last === undefined || tabId === last) return false;
  const tabs = tabsOf(session);
  return !tabs.includes(last) || tabs.indexOf(tabId) < tabs.indexOf(last);
}

export function isOwnStep(action: Navigate, session: Session, now = Date.now(), tabId?: number): boolean {
  // The same page again (a reload, or the start page reported by the page itself).
  if (action.page.url === session.lastUrl) return false;
  const how = action.how ?? 'load';
  if (how === 'start' || session.lastActionAt === undefined) return true;
  if (inOtherTab(session, tabId)) return true;
  const since = (action.startedAt ?? now) - session.lastActionAt;
  return since > CAUSED_WITHIN_MS[how];
}
