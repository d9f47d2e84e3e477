/**
 * Where each frame of a page sits in the top viewport. A frame can measure its own layout,
 * and its same-origin ancestors', but a cross-origin parent hides where the frame is. So every
 * frame reports the rectangles of its child iframes (by index), and the background composes
 * them along the frame path. A frame whose placement is unknown is blurred whole (its rect in
 * the nearest known ancestor), never guessed. Pure functions: see tests/unit/frame-geometry.test.ts.
 */
import type { Box, Point } from '@/lib/steps/types';

/** A child iframe of a frame: its index in `window.frames` and its content box there. */
export interface ChildFrame {
  index: number;
  box: Box;
}

/** What geometry a frame reports (see lib/capture/frames.ts). */
export interface FrameGeometry {
  /** Index path from the top frame (empty for the top frame). */
  path?: number[];
  /**
   * The frame its boxes are measured against: the nearest ancestor (or itself) whose own
   * placement the content script could not measure, i.e. beyond a cross-origin boundary.
   * Boxes are in that frame's viewport. Empty (top) when every ancestor is same-origin.
   */
  anchor?: number[];
  children?: ChildFrame[];
}

const key = (path: readonly number[]) => path.join('/');

/** The offset of the frame at `path` in the top viewport, or undefined if unknown. */
export function frameOrigin(frames: readonly FrameGeometry[], path: readonly number[]): Point | undefined {
  if (path.length === 0) return { x: 0, y: 0 };
  const parentPath = path.slice(0, -1);
  const parent = frames.find((f) => f.path && key(f.path) === key(parentPath));
  const child = parent?.children?.find((c) => c.index === path[path.length - 1]);
  if (!child) return undefined;
  const above = frameOrigin(frames, parentPath);
  return above && { x: above.x + child.box.x, y: above.y + child.box.y };
}

/** The rect of the frame at `path` in the top viewport, when its parent's placement and report are known. */
function frameRect(frames: readonly FrameGeometry[], path: readonly number[]): Box | undefined {
  if (path.length === 0) return undefined;
  const parentPath = path.slice(0, -1);
  const origin = frameOrigin(frames, parentPath);
  const parent = frames.find((f) => f.path && key(f.path) === key(parentPath));
  const child = parent?.children?.find((c) => c.index === path[path.length - 1]);
  return origin && child ? { ...child.box, x: child.box.x + origin.x, y: child.box.y + origin.y } : undefined;
}

/**
 * The area of the top viewport that surely holds the frame at `path` when its placement is
 * unknown: the outermost unplaced frame's rect in its parent, or, if the parent never said
 * where its child is, the parent frame's whole rect. Undefined: only the whole viewport will do.
 */
export function frameCover(frames: readonly FrameGeometry[], path: readonly number[]): Box | undefined {
  for (let depth = 1; depth <= path.length; depth++) {
    const prefix = path.slice(0, depth);
    if (frameOrigin(frames, prefix)) continue;
    return frameRect(frames, prefix) ?? frameRect(frames, prefix.slice(0, -1));
  }
  return undefined;
}

export type Placed<T> = { placed: true; value: T } | { placed: false; cover?: Box };

function shift<T extends Point>(value: T, by: Point): T {
  return { ...value, x: value.x + by.x, y: value.y + by.y };
}

/** Maps a box or point measured by `frame` into the top viewport. */
export function toTop<T extends Point>(frames: readonly FrameGeometry[], frame: FrameGeometry, value: T): Placed<T> {
  const anchor = frame.anchor ?? [];
  const origin = frameOrigin(frames, anchor);
  if (origin) return { placed: true, value: shift(value, origin) };
  return { placed: false, cover: frameCover(frames, anchor) };
}

/**
 * Every box to blur, in the top viewport: each frame's boxes moved into place, or the whole
 * frame where its placement is unknown, or the whole `viewport` when nothing is known.
 */
export function boxesInTop(
  frames: readonly (FrameGeometry & { secretBoxes: Box[] })[],
  viewport: Box,
): Box[] {
  const out: Box[] = [];
  for (const frame of frames) {
    for (const box of frame.secretBoxes) {
      const placed = toTop(frames, frame, box);
      out.push(placed.placed ? placed.value : (placed.cover ?? viewport));
    }
  }
  return out;
}
