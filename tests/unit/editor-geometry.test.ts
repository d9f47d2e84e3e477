/** Annotation geometry, step order numbers and labels: pure functions, checked with properties. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clampBox, dragHandle, drawnAnnotation, moveAnnotation, newAnnotation, MIN_SIZE } from '@/components/annotate/geometry';
import { markerPoint } from '@/lib/steps/marks';
import { orderBetween, orderForMove, stepLabels } from '@/lib/editor/order';
import type { ActionStep, Annotation, Step } from '@/lib/steps/types';

const inside = (a: Annotation) => {
  const pts = a.kind === 'arrow' ? [a.from, a.to] : a.kind === 'label' ? [a.at] : [
    { x: a.box.x, y: a.box.y }, { x: a.box.x + a.box.width, y: a.box.y + a.box.height },
  ];
  return pts.every((p) => p.x >= -1e-9 && p.x <= 1 + 1e-9 && p.y >= -1e-9 && p.y <= 1 + 1e-9);
};

describe('annotation geometry', () => {
  const kinds = fc.constantFrom('highlight', 'arrow', 'label', 'blur') as fc.Arbitrary<Annotation['kind']>;
  const delta = fc.double({ min: -3, max: 3, noNaN: true });

  it('keeps every shape on the picture, whatever the drag', () => {
    fc.assert(fc.property(kinds, delta, delta, fc.constantFrom('body', 'corner', 'from', 'to'), (kind, dx, dy, handle) => {
      const a = dragHandle(newAnnotation(kind, 'a'), handle as 'body', dx, dy);
      expect(inside(a)).toBe(true);
    }));
  });

  it('draws a box from any drag direction, an arrow from start to end, nothing from a click', () => {
    expect(drawnAnnotation('blur', 'b', { x: 0.5, y: 0.6 }, { x: 0.2, y: 0.1 })).toEqual({ id: 'b', kind: 'blur', box: { x: 0.2, y: 0.1, width: 0.3, height: 0.5 } });
    expect(drawnAnnotation('arrow', 'a', { x: 0.1, y: 0.1 }, { x: 1.4, y: 0.5 })).toEqual({ id: 'a', kind: 'arrow', from: { x: 0.1, y: 0.1 }, to: { x: 1, y: 0.5 } });
    expect(drawnAnnotation('highlight', 'h', { x: 0.5, y: 0.5 }, { x: 0.505, y: 0.5 })).toBeNull();
  });

  it('never makes a box smaller than the minimum', () => {
    const box = clampBox({ x: 0.5, y: 0.5, width: -1, height: 0 });
    expect(box.width).toBe(MIN_SIZE);
    expect(box.height).toBe(MIN_SIZE);
  });

  it('moves an arrow as one piece, even against the edge', () => {
    const a = { id: 'a', kind: 'arrow' as const, from: { x: 0.1, y: 0.5 }, to: { x: 0.3, y: 0.5 } };
    const moved = moveAnnotation(a, -0.5, 0);
    expect(moved.kind === 'arrow' && [moved.from.x, moved.to.x.toFixed(2)]).toEqual([0, '0.20']);
  });
});

describe('click marker', () => {
  const step = { kind: 'action', action: { kind: 'click', point: { x: 320, y: 100 }, target: {} }, viewport: { width: 640, height: 400, dpr: 2 } } as unknown as ActionStep;
  it('scales the click point onto the picture, or uses the moved one, or none when hidden', () => {
    expect(markerPoint(step)).toEqual({ x: 0.5, y: 0.25 });
    expect(markerPoint({ ...step, marker: { at: { x: 0.1, y: 0.2 } } })).toEqual({ x: 0.1, y: 0.2 });
    expect(markerPoint({ ...step, marker: { hidden: true } })).toBeUndefined();
  });
});

describe('step order and labels', () => {
  it('puts a moved step between its new neighbours', () => {
    expect(orderBetween(undefined, undefined)).toBe(0);
    expect(orderBetween(1, 2)).toBe(1.5);
    expect(orderBetween(undefined, 0)).toBe(-1);
    expect(orderBetween(4, undefined)).toBe(5);
    fc.assert(fc.property(fc.integer({ min: 2, max: 30 }), fc.nat(), fc.nat(), (n, a, b) => {
      const steps = Array.from({ length: n }, (_, i) => ({ id: String(i), order: i }) as Step);
      const from = a % n;
      const to = b % n;
      const order = orderForMove(steps, from, to);
      const after = steps.map((s, i) => (i === from ? { ...s, order } : s)).sort((x, y) => x.order - y.order);
      expect(after.findIndex((s) => s.id === String(from))).toBe(to);
    }));
  });

  it('numbers only action steps; headings, texts and callouts are counted apart', () => {
    const kinds = ['heading', 'action', 'text', 'action', 'callout'] as const;
    const steps = kinds.map((kind) => ({ kind, tone: 'warning' }) as unknown as Step);
    expect(stepLabels(steps)).toEqual(['Heading 1', 'Step 1', 'Text 1', 'Step 2', 'Warning 1']);
  });
});
