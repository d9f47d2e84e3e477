/**
 * The *focus* of a step: the part of its screenshot a guide shows. By default, for an action
 * with a target box, a region around the target with enough of its surroundings to recognise
 * the place, in the screenshot's own aspect ratio (so every picture of a guide has the same
 * shape), never cutting the target, inside the image. The stored image is never cut: the
 * trainer's own region (`crop`) wins, and `wholeScreen` shows everything (issue 13).
 * Exported pictures are kept (lib/export/renditions.ts): a change to what this draws bumps RENDERER_VERSION there.
 */
import type { ActionStep, Box, NormBox, TargetDescription } from './types';

export const FULL: NormBox = { x: 0, y: 0, width: 1, height: 1 };

/** The focus shows at least this share of the screenshot's width: a 2× zoom at most. */
const MIN_SHARE = 0.5;
/** Room kept around the target on each side, as a share of the screenshot's width. */
const PAD_SHARE = 0.08;
/** A focus this close to the whole picture is not worth it: show it whole. */
const WHOLE_SHARE = 0.85;

/**
 * The focus region around `target` (CSS pixels of a `view` viewport), normalized to 0..1.
 * Pure: the same inputs give the same region in the editor and in every export.
 */
export function focusRegion(target: Box, view: { width: number; height: number }): NormBox {
  const W = view.width;
  const H = view.height;
  if (!(W > 0 && H > 0)) return FULL;
  // Only the visible part of the target counts; a target off screen has nothing to focus on.
  const left = Math.max(0, target.x);
  const top = Math.max(0, target.y);
  const right = Math.min(W, target.x + target.width);
  const bottom = Math.min(H, target.y + target.height);
  if (!(right > left && bottom > top)) return FULL;
  const aspect = W / H;
  const pad = PAD_SHARE * W;
  let width = Math.max(MIN_SHARE * W, right - left + 2 * pad, (bottom - top + 2 * pad) * aspect);
  if (width >= WHOLE_SHARE * W) return FULL;
  let height = width / aspect;
  width = Math.min(W, width);
  height = Math.min(H, height);
  const cx = (left + right) / 2;
  const cy = (top + bottom) / 2;
  const x = Math.min(W - width, Math.max(0, cx - width / 2));
  const y = Math.min(H - height, Math.max(0, cy - height / 2));
  return { x: x / W, y: y / H, width: width / W, height: height / H };
}

/** The element a step acts on (navigation has none; a key press may have one). */
export function targetOf(step: ActionStep): TargetDescription | undefined {
  return step.action.kind === 'navigate' ? undefined : step.action.target;
}

/** The target's box in image coordinates (0..1), when the step has one on its picture. */
export function targetBox(step: ActionStep): NormBox | undefined {
  const { viewport } = step;
  const box = targetOf(step)?.box;
  if (!box || !viewport?.width || !viewport.height) return undefined;
  if (!(box.width > 0 && box.height > 0)) return undefined;
  return { x: box.x / viewport.width, y: box.y / viewport.height, width: box.width / viewport.width, height: box.height / viewport.height };
}

/** The default focus of a step (whole picture for navigation and steps without a target box). */
export function defaultFocus(step: ActionStep): NormBox {
  const box = targetOf(step)?.box;
  return box && step.viewport ? focusRegion(box, step.viewport) : FULL;
}

/** The region of the picture a step shows: the trainer's crop, else whole or the default focus. */
export function shownRegion(step: ActionStep): NormBox {
  if (step.crop) return clampRegion(step.crop);
  if (step.wholeScreen) return FULL;
  return defaultFocus(step);
}

/** True when the step shows only part of its picture. */
export function isFocused(step: ActionStep): boolean {
  const r = shownRegion(step);
  return r.width < 1 || r.height < 1;
}

/** A region kept inside the picture; a degenerate one means the whole picture. */
export function clampRegion(b: NormBox): NormBox {
  const x = clamp01(b.x);
  const y = clamp01(b.y);
  const width = Math.min(1 - x, clamp01(b.width));
  const height = Math.min(1 - y, clamp01(b.height));
  return width > 0.001 && height > 0.001 ? { x, y, width, height } : FULL;
}

function clamp01(n: number): number {
  return Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0;
}
