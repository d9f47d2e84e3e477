/**
 * Which picture an action gets — the recorder's decisions about pictures, as pure functions
 * (tests/unit/picture-choice.test.ts). The shell (picture.ts) only gathers the facts and
 * captures.
 *
 * A picture is "clean" for an action when it provably shows the page as it was at the
 * action's moment (the press, the activating key, the focus of a field): every frame's
 * change counter was the same when the capture was requested, still the same when its
 * pixels came back, and is the one the action reports.
 */
import type { Box, Viewport } from '@/lib/steps/types';
import type { FrameGeometry } from './frame-geometry';

/** What one frame of the page last reported. */
export interface FrameState extends FrameGeometry {
  url: string;
  changeCount: number;
  /** The document that reported (lib/capture/frame-report.ts): each one counts from 0. */
  doc?: string;
  /** Boxes to blur, in the coordinates of the frame's `anchor` (see frame-geometry.ts). */
  secretBoxes: Box[];
  viewport?: Viewport;
}

/** Frame id (0 = top) → its last report. */
export type PageState = Record<number, FrameState>;

/** The moment of an action in one frame: its document, address and change counter then. */
export interface Moment {
  url: string;
  changeCount: number;
  /** Unknown (a walk's re-capture, an older report): any document at that address and count. */
  doc?: string;
}

/**
 * The same frame state. A reload or a form posted to the same address is a new document
 * whose counter starts at 0 again: equal counts of two documents are not the same page.
 */
export function sameState(a: Moment | undefined, b: Moment | undefined): boolean {
  if (!a || !b || a.url !== b.url || a.changeCount !== b.changeCount) return false;
  return a.doc === undefined || b.doc === undefined || a.doc === b.doc;
}

/** Same frames, each at the same address and change count. */
export function samePage(a: PageState, b: PageState): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].map(Number));
  return [...keys].every((key) => sameState(a[key], b[key]));
}

/**
 * Did the page stay still while it was captured? `after` holds each frame's counter asked
 * right after the pixels came back (undefined: the frame did not answer, e.g. it is gone).
 */
export function stillDuringCapture(requested: PageState, after: Record<number, Moment | undefined>): boolean {
  return Object.keys(requested).every((id) => sameState(requested[Number(id)], after[Number(id)]));
}

/**
 * Does a picture taken of `taken` show the page at an action in `frameId` at `moment`? The
 * acting frame must be at the moment's count; every other frame as last reported.
 */
export function showsMoment(taken: PageState, reports: PageState, frameId: number, moment: Moment): boolean {
  if (!sameState(taken[frameId], moment)) return false;
  const others = (page: PageState) => Object.fromEntries(Object.entries(page).filter(([id]) => Number(id) !== frameId));
  return samePage(others(taken), others(reports));
}

export type Choice =
  /** The settled frame: clean for this moment. */
  | 'settled'
  /** The picture captured when the action's intent (press, key, focus) was reported. */
  | 'intent'
  /** Capture now: the best left, after the page may have reacted. */
  | 'live'
  /** Reuse the newest frame, clean or not (a burst past the capture quota, or capture failed). */
  | 'fallback';

export interface ChoiceFacts {
  /** The settled frame's page state, if there is one and it was still during its capture. */
  settled?: PageState;
  /** The page state an intent picture was taken at, for this tab. */
  intent?: PageState;
  /** Every frame's last report. */
  reports: PageState;
  frameId: number;
  moment: Moment;
  /** Is there a frame of this page to fall back on (see `showsSamePage`)? */
  hasAny: boolean;
  /** How long a capture would wait for Chrome's quota now. */
  queueWaitMs: number;
  /**
   * The moment is long past (an edit reported when the field is left): a capture now shows
   * the edit done, no better than the newest frame, and costs a capture of the quota.
   */
  late?: boolean;
}

/** A burst faster than Chrome's 2 captures/s: past this wait, reuse the newest frame. */
export const MAX_QUEUE_WAIT_MS = 150;

export function choosePicture(facts: ChoiceFacts): Choice {
  const { settled, intent, reports, frameId, moment } = facts;
  if (settled && showsMoment(settled, reports, frameId, moment)) return 'settled';
  if (intent && sameState(intent[frameId], moment)) return 'intent';
  if (facts.hasAny && (facts.late || facts.queueWaitMs > MAX_QUEUE_WAIT_MS)) return 'fallback';
  return 'live';
}

/**
 * At an intent (press, activating key, focus): capture right away unless the settled frame
 * already shows this moment. A person's press leaves ~80–150 ms before the page reacts, so a
 * capture that could not start within that (a burst of actions past Chrome's quota) would
 * show the effect anyway and only delay the steps: then the action falls back as usual.
 */
export function intentNeedsCapture(
  settled: PageState | undefined,
  reports: PageState,
  frameId: number,
  moment: Moment,
  queueWaitMs = 0,
): boolean {
  if (settled && showsMoment(settled, reports, frameId, moment)) return false;
  return queueWaitMs <= MAX_QUEUE_WAIT_MS;
}

/**
 * Which of the tab's intent pictures (oldest first) shows an action in `frameId` at `moment`:
 * the newest whose acting frame was at that moment, or -1. An edit's moment is its field's
 * focus, which can be several intents back by the time the field is left (a choice in a
 * <select>, then a press elsewhere).
 */
export function intentFor(intents: PageState[], frameId: number, moment: Moment): number {
  for (let i = intents.length - 1; i >= 0; i--) if (sameState(intents[i]?.[frameId], moment)) return i;
  return -1;
}

/**
 * Does a frame taken of `taken` show the page an action in `frameId` happened on, if not its
 * moment? The same address in the top frame and in the acting frame (when that frame was
 * there then). A frame of the page before a navigation is not a picture of this step: a tab
 * that navigated while hidden (or whose capture is refused) has only the old page's frame.
 */
export function showsSamePage(taken: PageState | undefined, reports: PageState, frameId: number, moment: Moment): boolean {
  if (!taken?.[0]) return false;
  const top = frameId === 0 ? moment.url : reports[0]?.url;
  if (top !== undefined && taken[0].url !== top) return false;
  const acting = taken[frameId];
  return !acting || acting.url === moment.url;
}

/** What to try, in order, when the capture for an action failed (issue 16, item 9). */
export type Rescue =
  /** The newest settled frame. */
  | 'fallback'
  /** Capture once more: a tab in the middle of loading can refuse a capture. */
  | 'retry'
  /** An html2canvas rendering of the page made in the tab (lib/screenshots/render-tab.ts). */
  | 'render';

export interface RescueFacts {
  /** The newest settled frame shows this page (`showsSamePage`). */
  samePage: boolean;
  /** There is a settled frame at all, of whatever page. */
  anyFrame: boolean;
  /** The tab is the one shown in its window: the capture may work if tried again. */
  visible: boolean;
}

/**
 * A frame of the same page beats a rendering: it is real pixels, if from a little earlier.
 * Without one, a visible tab is captured once more (a loading tab refuses for a moment),
 * then the page is rendered; a frame of another page is the last resort (better than no
 * picture only because the step's text says which page it is on).
 */
export function rescuePlan(facts: RescueFacts): Rescue[] {
  if (facts.samePage) return ['fallback'];
  const plan: Rescue[] = facts.visible ? ['retry', 'render'] : ['render'];
  return facts.anyFrame ? [...plan, 'fallback'] : plan;
}
