/**
 * Pure geometry of annotations in normalized image coordinates (0..1 on each axis):
 * new shapes, moving, resizing, keeping them on the picture.
 */
import type { Annotation, NormBox, NormPoint } from '@/lib/steps/types';

export type AnnotationKind = Annotation['kind'];

const clamp = (v: number, min = 0, max = 1) => Math.min(max, Math.max(min, v));
/** The smallest box a user can make, so a shape never vanishes. */
export const MIN_SIZE = 0.02;

export function clampPoint(p: NormPoint): NormPoint {
  return { x: clamp(p.x), y: clamp(p.y) };
}

/** Keeps a box inside the picture, at least MIN_SIZE wide and high. */
export function clampBox(b: NormBox): NormBox {
  const width = clamp(b.width, MIN_SIZE, 1);
  const height = clamp(b.height, MIN_SIZE, 1);
  return { x: clamp(b.x, 0, 1 - width), y: clamp(b.y, 0, 1 - height), width, height };
}

/** A new shape in the middle of the picture (or around `at`), ready to be moved. */
export function newAnnotation(kind: AnnotationKind, id: string, at: NormPoint = { x: 0.5, y: 0.5 }): Annotation {
  const box = clampBox({ x: at.x - 0.15, y: at.y - 0.1, width: 0.3, height: 0.2 });
  switch (kind) {
    case 'highlight':
      return { id, kind, box };
    case 'blur':
      return { id, kind, box };
    case 'arrow':
      return { id, kind, from: clampPoint({ x: at.x - 0.2, y: at.y - 0.15 }), to: clampPoint(at) };
    case 'label':
      return { id, kind, at: clampPoint(at), text: 'Label' };
  }
}

/** Moves a whole shape, keeping it on the picture. */
export function moveAnnotation(a: Annotation, dx: number, dy: number): Annotation {
  switch (a.kind) {
    case 'highlight':
    case 'blur':
      return { ...a, box: clampBox({ ...a.box, x: a.box.x + dx, y: a.box.y + dy }) };
    case 'arrow': {
      // Move both ends by the same amount, limited so neither leaves the picture.
      const mx = clamp(dx, -Math.min(a.from.x, a.to.x), 1 - Math.max(a.from.x, a.to.x));
      const my = clamp(dy, -Math.min(a.from.y, a.to.y), 1 - Math.max(a.from.y, a.to.y));
      return { ...a, from: { x: a.from.x + mx, y: a.from.y + my }, to: { x: a.to.x + mx, y: a.to.y + my } };
    }
    case 'label':
      return { ...a, at: clampPoint({ x: a.at.x + dx, y: a.at.y + dy }) };
  }
}

/** Which part of a shape a handle drags. */
export type Handle = 'body' | 'corner' | 'from' | 'to';

/** Drags one handle: a box's bottom-right corner, or one end of an arrow. */
export function dragHandle(a: Annotation, handle: Handle, dx: number, dy: number): Annotation {
  if (handle === 'body') return moveAnnotation(a, dx, dy);
  if ((a.kind === 'highlight' || a.kind === 'blur') && handle === 'corner') {
    return { ...a, box: clampBox({ ...a.box, width: a.box.width + dx, height: a.box.height + dy }) };
  }
  if (a.kind === 'arrow' && (handle === 'from' || handle === 'to')) {
    return { ...a, [handle]: clampPoint({ x: a[handle].x + dx, y: a[handle].y + dy }) };
  }
  return a;
}

export function resizeBox(box: NormBox, dw: number, dh: number): NormBox {
  return clampBox({ ...box, width: box.width + dw, height: box.height + dh });
}

export function moveBox(box: NormBox, dx: number, dy: number): NormBox {
  return clampBox({ ...box, x: box.x + dx, y: box.y + dy });
}

/** The shapes a drag on the picture can draw. */
export type DrawKind = 'highlight' | 'blur' | 'arrow';

/** The shape drawn by a drag from `a` to `b`, or null when the drag was too short to mean one. */
export function drawnAnnotation(kind: DrawKind, id: string, a: NormPoint, b: NormPoint): Annotation | null {
  const from = clampPoint(a);
  const to = clampPoint(b);
  if (Math.hypot(to.x - from.x, to.y - from.y) < MIN_SIZE) return null;
  if (kind === 'arrow') return { id, kind, from, to };
  const box = clampBox({ x: Math.min(from.x, to.x), y: Math.min(from.y, to.y), width: Math.abs(to.x - from.x), height: Math.abs(to.y - from.y) });
  return { id, kind, box };
}
