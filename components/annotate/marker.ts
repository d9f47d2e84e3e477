/** Where a step's click marker is drawn, in image coordinates (0..1), or nothing. */
import type { ActionStep, NormPoint } from '@/lib/steps/types';

export function markerPoint(step: ActionStep): NormPoint | undefined {
  if (step.marker?.hidden) return undefined;
  if (step.marker?.at) return step.marker.at;
  const { action, viewport } = step;
  // The screenshot is the visible viewport, so the click point scales straight onto it.
  if (action.kind !== 'click' || !action.point || !viewport?.width || !viewport.height) return undefined;
  return { x: action.point.x / viewport.width, y: action.point.y / viewport.height };
}

/** Whether the step has a recorded click to mark at all (so "Show click marker" makes sense). */
export function hasClickPoint(step: ActionStep): boolean {
  return Boolean(step.marker?.at || (step.action.kind === 'click' && step.action.point && step.viewport));
}
