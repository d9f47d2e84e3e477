/** Where a step's click marker goes, relative to its picture (0..1), or nothing. */
import type { ActionStep, NormPoint } from '@/lib/steps/types';

export function markerPoint(step: ActionStep): NormPoint | undefined {
  if (step.marker?.hidden) return undefined;
  if (step.marker?.at) return step.marker.at;
  // By default: the recorded click point, in CSS pixels of the viewport the picture shows.
  if (step.action.kind !== 'click' || !step.action.point || !step.viewport) return undefined;
  const { width, height } = step.viewport;
  if (!(width > 0 && height > 0)) return undefined;
  const x = step.action.point.x / width;
  const y = step.action.point.y / height;
  return x >= 0 && x <= 1 && y >= 0 && y <= 1 ? { x, y } : undefined;
}
