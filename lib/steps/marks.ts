/**
 * The one drawing of a step's target and click point, as geometry + style, for the editor
 * (SVG) and every export (canvas pixels) alike: a two-tone ring around the target's box (a
 * white halo under a coloured line, so it reads on light and dark, red and white buttons) and
 * the click marker. Painters only translate these shapes; they decide nothing.
 * Exported pictures are kept (lib/export/renditions.ts): a change to what this draws bumps RENDERER_VERSION there.
 */
import type { ActionStep, NormBox, NormPoint } from './types';
import { ANNOTATION_STYLE as S } from './annotation-style';
import { targetBox } from './focus';

export interface Ring {
  kind: 'ring';
  x: number;
  y: number;
  width: number;
  height: number;
  radius: number;
  /** Drawn first, wider: the halo. */
  outer: { color: string; width: number };
  inner: { color: string; width: number };
}

export interface Dot {
  kind: 'dot';
  cx: number;
  cy: number;
  r: number;
  fill: string;
  outer: { color: string; width: number };
  inner: { color: string; width: number };
}

export type Mark = Ring | Dot;

/** Where a step's click marker is, in image coordinates (0..1), or nothing. */
export function markerPoint(step: ActionStep): NormPoint | undefined {
  if (step.marker?.hidden) return undefined;
  if (step.marker?.at) return step.marker.at;
  // By default the recorded click point: the screenshot is the viewport, so it scales straight on.
  const { action, viewport } = step;
  if (action.kind !== 'click' || !action.point || !viewport?.width || !viewport.height) return undefined;
  const x = action.point.x / viewport.width;
  const y = action.point.y / viewport.height;
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 ? { x, y } : undefined;
}

/** Whether the step has a click to mark at all (so "Show click marker" makes sense). */
export function hasClickPoint(step: ActionStep): boolean {
  return Boolean(step.marker?.at || (step.action.kind === 'click' && step.action.point && step.viewport));
}

/** Which steps get their target ringed: the ones a reader must find a control for. */
const RINGED = new Set(['click', 'type', 'select', 'check', 'choose']);

/**
 * The marks of `step` for a picture showing `region` of its screenshot at `size` output pixels,
 * in output pixels. Line widths scale with the output width, so every format looks alike.
 */
export function stepMarks(step: ActionStep, region: NormBox, size: { width: number; height: number }): Mark[] {
  const line = Math.max(2, size.width * S.strokeWidth);
  const project = (p: NormPoint) => ({
    x: ((p.x - region.x) / region.width) * size.width,
    y: ((p.y - region.y) / region.height) * size.height,
  });
  const marks: Mark[] = [];
  const box = RINGED.has(step.action.kind) && !step.marker?.hidden ? targetBox(step) : undefined;
  if (box) {
    const a = project(box);
    const b = project({ x: box.x + box.width, y: box.y + box.height });
    // Just outside the box, so the ring never hides the control's own label.
    const gap = line * 1.5;
    const x = Math.max(line, a.x - gap);
    const y = Math.max(line, a.y - gap);
    const right = Math.min(size.width - line, b.x + gap);
    const bottom = Math.min(size.height - line, b.y + gap);
    if (right > x && bottom > y) {
      marks.push({
        kind: 'ring', x, y, width: right - x, height: bottom - y, radius: line * 1.5,
        outer: { color: S.ringOuter, width: line * 2.5 },
        inner: { color: S.ringInner, width: line },
      });
    }
  }
  const at = markerPoint(step);
  if (at) {
    const p = project(at);
    if (p.x >= 0 && p.x <= size.width && p.y >= 0 && p.y <= size.height) {
      marks.push({
        kind: 'dot', cx: p.x, cy: p.y, r: Math.max(8, size.width * S.markerRadius), fill: S.markerFill,
        outer: { color: S.ringOuter, width: line * 2.5 },
        inner: { color: S.markerColor, width: line },
      });
    }
  }
  return marks;
}
