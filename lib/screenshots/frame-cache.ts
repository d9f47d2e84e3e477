/**
 * The latest "settled" frame of the recorded tab: a capture taken after the page stopped
 * changing. When an action begins and the page has not changed since (same change count),
 * this frame is exactly what the user saw before acting — even if the click then changes
 * or leaves the page within milliseconds. See ARCHITECTURE.md, "the hard problem".
 *
 * In memory only: it is a cache. A restarted worker simply captures live.
 */
import type { EncodedImage } from './encode';

export interface SettledFrame {
  tabId: number;
  url: string;
  changeCount: number;
  image: EncodedImage;
  takenAt: number;
}

const frames = new Map<number, SettledFrame>();

export function rememberFrame(frame: SettledFrame): void {
  frames.set(frame.tabId, frame);
}

/** The settled frame if it still shows the page as it is at `changeCount`. */
export function cleanFrame(tabId: number, url: string, changeCount: number): SettledFrame | undefined {
  const frame = frames.get(tabId);
  return frame && frame.url === url && frame.changeCount === changeCount ? frame : undefined;
}

/** The newest frame of a tab, clean or not: a fallback so no step is left without a picture. */
export function latestFrame(tabId: number): SettledFrame | undefined {
  return frames.get(tabId);
}

export function forgetFrames(tabId?: number): void {
  if (tabId === undefined) frames.clear();
  else frames.delete(tabId);
}
