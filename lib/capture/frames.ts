/** Where a frame sits inside the top page: its index path and its offset on screen. */
import type { Point } from '@/lib/steps/types';

function parentOf(win: Window): Window | undefined {
  return win.parent && win.parent !== win ? win.parent : undefined;
}

/** Index path of frames from the top window down to `win` (empty for the top frame). */
export function framePath(win: Window | null): number[] {
  const path: number[] = [];
  for (let current = win; current && parentOf(current); current = parentOf(current) ?? null) {
    const parent = parentOf(current)!;
    let index = -1;
    for (let i = 0; i < parent.frames.length; i++) {
      if (parent.frames[i] === current) index = i;
    }
    path.unshift(index);
  }
  return path;
}

/**
 * Offset of a frame's viewport in the top viewport. Same-origin ancestors can be measured;
 * a cross-origin parent hides its layout, so the offset stops there (best effort).
 */
export function frameOffset(win: Window | null): Point {
  const offset = { x: 0, y: 0 };
  for (let current = win; current && parentOf(current); current = parentOf(current) ?? null) {
    let frame: Element | null = null;
    try {
      frame = current.frameElement;
    } catch {
      frame = null;
    }
    if (!frame) break;
    const rect = frame.getBoundingClientRect();
    offset.x += rect.x + (frame as HTMLElement).clientLeft;
    offset.y += rect.y + (frame as HTMLElement).clientTop;
  }
  return offset;
}
