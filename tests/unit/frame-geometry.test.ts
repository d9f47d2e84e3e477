/** Boxes measured inside (cross-origin) frames, mapped into the top viewport. */
import { describe, expect, it } from 'vitest';
import { boxesInTop, frameCover, frameOrigin, toTop } from '@/lib/screenshots/frame-geometry';

const top = { path: [], anchor: [], children: [{ index: 0, box: { x: 10, y: 100, width: 400, height: 300 } }], secretBoxes: [] };
// A cross-origin frame at index 0 of the top page, with a payment frame inside it at index 1.
const frame = {
  path: [0],
  anchor: [0],
  children: [{ index: 1, box: { x: 20, y: 30, width: 200, height: 50 } }],
  secretBoxes: [{ x: 5, y: 5, width: 100, height: 20 }],
};
const card = { path: [0, 1], anchor: [0, 1], children: [], secretBoxes: [{ x: 1, y: 2, width: 150, height: 18 }] };
const viewport = { x: 0, y: 0, width: 1280, height: 720 };

describe('frame geometry', () => {
  it('composes child rects along the frame path', () => {
    expect(frameOrigin([top, frame, card], [])).toEqual({ x: 0, y: 0 });
    expect(frameOrigin([top, frame, card], [0])).toEqual({ x: 10, y: 100 });
    expect(frameOrigin([top, frame, card], [0, 1])).toEqual({ x: 30, y: 130 });
  });

  it('maps every frame\'s secret boxes into the top viewport', () => {
    expect(boxesInTop([top, frame, card], viewport)).toEqual([
      { x: 15, y: 105, width: 100, height: 20 },
      { x: 31, y: 132, width: 150, height: 18 },
    ]);
  });

  it('a same-origin frame measured through its parent needs no composing', () => {
    const same = { path: [0], anchor: [], children: [], secretBoxes: [{ x: 50, y: 150, width: 10, height: 10 }] };
    expect(boxesInTop([top, same], viewport)).toEqual([{ x: 50, y: 150, width: 10, height: 10 }]);
  });

  it('blurs the whole frame when its placement is unknown, never a guessed spot', () => {
    // The middle frame has not reported its children: the card frame is covered by the middle one.
    const quiet = { ...frame, children: [] };
    expect(frameCover([top, quiet, card], [0, 1])).toEqual({ x: 10, y: 100, width: 400, height: 300 });
    expect(boxesInTop([top, quiet, card], viewport)).toEqual([{ x: 15, y: 105, width: 100, height: 20 }, { x: 10, y: 100, width: 400, height: 300 }]);
    // Not even the top page said where its frame is: the whole picture.
    expect(boxesInTop([{ ...top, children: [] }, frame], viewport)).toEqual([viewport]);
    // The top knows the middle frame: the unknown one is covered by its outermost known rect.
    const unknownInner = { path: [0, 1, 0], anchor: [0, 1, 0], children: [], secretBoxes: [{ x: 0, y: 0, width: 1, height: 1 }] };
    expect(frameCover([top, frame, card], [0, 1, 0])).toEqual({ x: 30, y: 130, width: 200, height: 50 });
    expect(toTop([top, frame, card], unknownInner, { x: 0, y: 0 })).toEqual({ placed: false, cover: { x: 30, y: 130, width: 200, height: 50 } });
  });
});
