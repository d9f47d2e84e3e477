/**
 * The latest "settled" frame of each recorded tab: a capture taken after the page stopped
 * changing. Every frame of the page (the top page and each iframe) keeps its own change
 * counter and reports it when it settles; a frame is clean for an action when the acting
 * frame's counter is the one the picture was taken at, and no frame has reported a change
 * since. Then the picture is exactly what the user saw before acting — even if the click
 * changes or leaves the page within milliseconds. See ARCHITECTURE.md, "the hard problem".
 *
 * In memory only: it is a cache. A restarted worker simply captures live.
 */
import type { Box, Viewport } from '@/lib/steps/types';
import type { EncodedImage } from './encode';

/** What one frame of the page last reported. */
export interface FrameState {
  url: string;
  changeCount: number;
  secretBoxes: Box[];
  viewport?: Viewport;
}

/** Frame id (0 = top) → its last report. */
export type PageState = Record<number, FrameState>;

export interface SettledFrame {
  tabId: number;
  /** The page's state when the capture began. */
  page: PageState;
  image: EncodedImage;
  takenAt: number;
}

const frames = new Map<number, SettledFrame>();
const reports = new Map<number, PageState>();

/** A frame of the tab reported its state (it settled, or an action began). */
export function noteReport(tabId: number, frameId: number, state: FrameState): void {
  reports.set(tabId, { ...reports.get(tabId), [frameId]: state });
}

/** The tab's state as last reported, to take a picture of. */
export function reportedPage(tabId: number): PageState {
  return { ...reports.get(tabId) };
}

function sameState(a: FrameState | undefined, b: FrameState | undefined): boolean {
  return Boolean(a && b && a.url === b.url && a.changeCount === b.changeCount);
}

export function samePage(a: PageState, b: PageState): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].map(Number));
  return [...keys].every((key) => sameState(a[key], b[key]));
}

export function rememberFrame(frame: SettledFrame): void {
  frames.set(frame.tabId, frame);
}

/** The settled frame if it still shows the page as it is for an action in `frameId`. */
export function cleanFrame(tabId: number, frameId: number, url: string, changeCount: number): SettledFrame | undefined {
  const frame = frames.get(tabId);
  if (!frame || !sameState(frame.page[frameId], { url, changeCount, secretBoxes: [] })) return undefined;
  const others = { ...reportedPage(tabId) };
  delete others[frameId];
  const taken = { ...frame.page };
  delete taken[frameId];
  return samePage(others, taken) ? frame : undefined;
}

/** The newest frame of a tab, clean or not: a fallback so no step is left without a picture. */
export function latestFrame(tabId: number): SettledFrame | undefined {
  return frames.get(tabId);
}

/** Boxes to blur from every frame's last report. */
export function allSecretBoxes(page: PageState): Box[] {
  return Object.values(page).flatMap((state) => state.secretBoxes);
}

export function forgetFrames(tabId?: number): void {
  if (tabId === undefined) {
    frames.clear();
    reports.clear();
  } else {
    frames.delete(tabId);
    reports.delete(tabId);
  }
}
