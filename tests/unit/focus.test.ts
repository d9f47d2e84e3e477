/** The default focus around a step's target and the marks drawn on it (issue 13). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultFocus, focusRegion, FULL, shownRegion } from '@/lib/steps/focus';
import { stepMarks } from '@/lib/steps/marks';
import type { Action, ActionStep, Box } from '@/lib/steps/types';

const VIEW = { width: 1280, height: 800 };
const target = (box?: Box) => ({ role: 'button', name: 'Save', tag: 'button', selectors: [], box });

function step(action: Action, fields: Partial<ActionStep> = {}): ActionStep {
  return {
    id: 's', guideId: 'g', order: 0, kind: 'action', text: '', action, page: { url: 'https://a.test/', title: 'A' },
    viewport: { ...VIEW, dpr: 1 }, shot: 'settled', createdAt: 0, updatedAt: 0, ...fields,
  };
}

/** True when `inner` (pixels) lies inside the normalized region `r` of the view. */
function contains(r: { x: number; y: number; width: number; height: number }, inner: Box): boolean {
  const e = 1e-6;
  return r.x * VIEW.width <= inner.x + e && r.y * VIEW.height <= inner.y + e
    && (r.x + r.width) * VIEW.width >= inner.x + inner.width - e && (r.y + r.height) * VIEW.height >= inner.y + inner.height - e;
}

describe('focus region', () => {
  it('zooms around a small target with room around it, in the screenshot aspect', () => {
    const r = focusRegion({ x: 600, y: 380, width: 80, height: 30 }, VIEW);
    expect(r.width).toBeCloseTo(0.5);
    expect(r.height).toBeCloseTo(0.5);
    expect(r.x).toBeCloseTo((640 - 320) / 1280);
    expect(contains(r, { x: 600 - 100, y: 380 - 100, width: 280, height: 230 })).toBe(true);
  });

  it('is clamped to the picture near an edge, never cutting the target', () => {
    const r = focusRegion({ x: 1200, y: 770, width: 70, height: 25 }, VIEW);
    expect(r.x + r.width).toBeCloseTo(1);
    expect(r.y + r.height).toBeCloseTo(1);
    expect(contains(r, { x: 1200, y: 770, width: 70, height: 25 })).toBe(true);
  });

  it('shows a big target, or one off screen, whole', () => {
    expect(focusRegion({ x: 0, y: 0, width: 1100, height: 300 }, VIEW)).toEqual(FULL);
    expect(focusRegion({ x: -500, y: 10, width: 100, height: 30 }, VIEW)).toEqual(FULL);
    expect(focusRegion({ x: 10, y: 10, width: 100, height: 30 }, { width: 0, height: 0 })).toEqual(FULL);
  });

  it('always contains the visible target, stays inside the image and keeps the aspect', () => {
    fc.assert(fc.property(
      fc.integer({ min: 0, max: 1279 }), fc.integer({ min: 0, max: 799 }), fc.integer({ min: 1, max: 1280 }), fc.integer({ min: 1, max: 800 }),
      (x, y, w, h) => {
        const box = { x, y, width: Math.min(w, 1280 - x), height: Math.min(h, 800 - y) };
        const r = focusRegion(box, VIEW);
        expect(contains(r, box)).toBe(true);
        expect(r.x).toBeGreaterThanOrEqual(0);
        expect(r.y).toBeGreaterThanOrEqual(0);
        expect(r.x + r.width).toBeLessThanOrEqual(1 + 1e-9);
        expect(r.y + r.height).toBeLessThanOrEqual(1 + 1e-9);
        expect(r.width * VIEW.width / (r.height * VIEW.height)).toBeCloseTo(VIEW.width / VIEW.height);
      },
    ));
  });

  it('keeps navigation whole, lets the trainer crop or show the whole screen', () => {
    const box = { x: 600, y: 380, width: 80, height: 30 };
    const click = step({ kind: 'click', target: target(box) });
    expect(defaultFocus(click).width).toBeCloseTo(0.5);
    expect(shownRegion(step({ kind: 'navigate', page: { url: 'https://a.test/', title: 'A' } }))).toEqual(FULL);
    expect(shownRegion(step({ kind: 'click', target: target() }))).toEqual(FULL);
    expect(shownRegion({ ...click, wholeScreen: true })).toEqual(FULL);
    expect(shownRegion({ ...click, crop: { x: 0.1, y: 0.1, width: 0.2, height: 0.3 } })).toEqual({ x: 0.1, y: 0.1, width: 0.2, height: 0.3 });
  });
});

describe('target marks', () => {
  const box = { x: 600, y: 380, width: 80, height: 30 };

  it('rings the target of typing, selects and toggles, and adds the click point for clicks', () => {
    for (const action of [
      { kind: 'type', target: target(box), value: 'x', masked: false },
      { kind: 'select', target: target(box), option: 'A' },
      { kind: 'check', target: target(box), checked: true },
      { kind: 'choose', target: target(box) },
    ] as Action[]) {
      expect(stepMarks(step(action), FULL, VIEW).map((m) => m.kind)).toEqual(['ring']);
    }
    const click = step({ kind: 'click', target: target(box), point: { x: 640, y: 395 } });
    expect(stepMarks(click, FULL, VIEW).map((m) => m.kind)).toEqual(['ring', 'dot']);
    expect(stepMarks({ ...click, marker: { hidden: true } }, FULL, VIEW)).toEqual([]);
  });

  it('puts the ring around the box in the output pixels of the shown region, two-toned', () => {
    const click = step({ kind: 'click', target: target(box), point: { x: 640, y: 395 } });
    const region = shownRegion(click);
    const out = { width: 640, height: 400 };
    const [ring, dot] = stepMarks(click, region, out);
    if (ring?.kind !== 'ring' || dot?.kind !== 'dot') throw new Error('marks missing');
    const bx = (box.x / VIEW.width - region.x) / region.width * out.width;
    expect(ring.x).toBeLessThan(bx);
    expect(ring.x + ring.width).toBeGreaterThan(bx + (box.width / VIEW.width / region.width) * out.width);
    expect(ring.outer.width).toBeGreaterThan(ring.inner.width);
    expect(ring.outer.color).not.toBe(ring.inner.color);
    expect(dot.cx).toBeCloseTo(((640 / 1280 - region.x) / region.width) * 640);
  });
});
