/**
 * What to do when a document commits in a tab (a pure decision; lib/recording/tabs.ts acts on
 * it). Only recorded tabs get the recorder. A page Waymark may not record (browser pages) or
 * must not record (a never-record site, a site outside the allow list) pauses the recording —
 * no recorder there, so nothing is captured, not even its title — and leaving it resumes.
 */
import type { PrivacySettings } from '@/lib/privacy/settings';
import { siteAllowedBy } from '@/lib/privacy/sites';
import { restrictionOf } from './restricted';
import { tabsOf, type Session } from './session';

export const PAUSED_HERE =
  "Waymark can't record this page. Recording is paused and goes on when you return to a normal web page.";
export const PAUSED_SITE =
  'This site is never recorded (privacy options). Recording is paused and goes on when you leave it.';

/** Notices of pauses the recording comes out of by itself when the tab leaves the page. */
const LEAVE_TO_RESUME = [PAUSED_HERE, PAUSED_SITE];

export type Coverage =
  /** Not a recorded tab, or a document to leave alone (about:blank on its way elsewhere). */
  | { kind: 'none' }
  /** A followed tab turned into a browser page: it is no longer part of the recording. */
  | { kind: 'unfollow' }
  /** The recorded tab is on a page not to record: pause with this notice. */
  | { kind: 'pause'; notice: string }
  /** A frame not to record inside a recorded page: no recorder there. */
  | { kind: 'skip' }
  /** Inject the recorder; `resume` when this page ends a pause the tab's last page caused. */
  | { kind: 'inject'; resume: boolean };

export function coverageOf(session: Session, tabId: number, frameId: number, url: string, settings: PrivacySettings): Coverage {
  const tabs = tabsOf(session);
  if (session.state === 'idle' || !tabs.includes(tabId)) return { kind: 'none' };
  // The empty first document of a new tab or frame: the real page commits right after.
  if (frameId === 0 && /^about:(blank|srcdoc)/.test(url)) return { kind: 'none' };
  const restricted = !/^about:(blank|srcdoc)/.test(url) && Boolean(restrictionOf(url));
  const denied = !restricted && !/^about:/.test(url) && !siteAllowedBy(settings, url);
  if (frameId !== 0) return restricted || denied ? { kind: 'skip' } : { kind: 'inject', resume: false };
  if (restricted && tabId !== tabs[0]) return { kind: 'unfollow' };
  if (restricted) return { kind: 'pause', notice: PAUSED_HERE };
  if (denied) return { kind: 'pause', notice: PAUSED_SITE };
  const resume = session.state === 'paused' && LEAVE_TO_RESUME.includes(session.notice ?? '');
  return { kind: 'inject', resume };
}
