/** Where a frame sits inside the top page: its index path and its offset on screen. */
import type { Box, Point } from '@/lib/steps/types';
import type { ChildFrame, FrameGeometry } from '@/lib/screenshots/frame-geometry';

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

/** The iframe element holding `win`, or null where a cross-origin parent hides it. */
function frameElementOf(win: Window): Element | null {
  try {
    return win.frameElement;
  } catch {
    return null;
  }
}

/**
 * Where a frame element draws its document, in its own window's viewport: inside its border
 * *and* its padding (an iframe styled `padding: 14px` shows its page 14 px further in; measured
 * at the border, every box mapped out of the frame, and so every blur, was off by the padding).
 */
export function frameContentBox(frame: Element): Box {
  const element = frame as HTMLElement;
  const rect = element.getBoundingClientRect();
  const style = element.ownerDocument.defaultView?.getComputedStyle(element);
  const padding = (side: string) => parseFloat(style?.getPropertyValue(`padding-${side}`) ?? '') || 0;
  const [top, right, bottom, left] = ['top', 'right', 'bottom', 'left'].map(padding) as [number, number, number, number];
  return {
    x: rect.x + element.clientLeft + left,
    y: rect.y + element.clientTop + top,
    width: Math.max(0, element.clientWidth - left - right),
    height: Math.max(0, element.clientHeight - top - bottom),
  };
}

/**
 * Offset of a frame's viewport in the top viewport. Same-origin ancestors can be measured;
 * a cross-origin parent hides its layout, so the offset stops there (best effort).
 */
export function frameOffset(win: Window | null): Point {
  const offset = { x: 0, y: 0 };
  for (let current = win; current && parentOf(current); current = parentOf(current) ?? null) {
    const frame = frameElementOf(current);
    if (!frame) break;
    const box = frameContentBox(frame);
    offset.x += box.x;
    offset.y += box.y;
  }
  return offset;
}

/** The window `frameOffset` measures against: where a cross-origin parent stops it (or the top). */
function anchorWindow(win: Window): Window {
  let current = win;
  for (let parent = parentOf(current); parent; parent = parentOf(current)) {
    const frame = frameElementOf(current);
    if (!frame) break;
    current = parent;
  }
  return current;
}

/**
 * This frame's geometry for the background (lib/screenshots/frame-geometry.ts): its path,
 * the path of the frame its boxes are measured against, and its child iframes' content boxes
 * in its own viewport. Reads layout: call it outside the page's event handlers.
 */
export function frameGeometry(win: Window): FrameGeometry {
  const children: ChildFrame[] = [];
  // Most pages have no frames: then no query of the whole document.
  const elements = win.frames.length > 0 ? win.document.querySelectorAll('iframe, frame') : [];
  for (const element of elements) {
    const frame = element as HTMLIFrameElement;
    let index = -1;
    for (let i = 0; i < win.frames.length; i++) if (win.frames[i] === frame.contentWindow) index = i;
    if (index === -1) continue;
    children.push({ index, box: frameContentBox(frame) });
  }
  return { path: framePath(win), anchor: framePath(anchorWindow(win)), children };
}
