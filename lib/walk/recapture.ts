/**
 * Re-capturing a step during a walk: the user does the step by hand and it replaces the
 * step's target and picture. Built as editor Changes (lib/editor/changes.ts), so the guide
 * page can undo and redo them with the trainer's other edits, and the walk can undo its own.
 * The trainer's own sentence and note stay, unless the sentence was still the template's
 * (then the new template sentence is the right one) or the trainer chose the new sentence.
 */
import { db } from '@/lib/db/database';
import { stepChange, type Change } from '@/lib/editor/changes';
import { sentenceFor } from '@/lib/steps/sentences';
import type { Action, ActionStep, PageInfo, ShotSource, StepHealth, Viewport } from '@/lib/steps/types';

export interface Recaptured {
  action: Action;
  page: PageInfo;
  viewport: Viewport;
  /** The picture taken before the user acted (absent: the old picture stays). */
  imageId?: string;
  shot?: ShotSource;
  useNewSentence: boolean;
}

type Previous = NonNullable<StepHealth['previous']>;

function previousOf(step: ActionStep): Previous {
  const { action, page, imageId, shot, text, viewport, marker, crop, hideImage } = step;
  const previous: Previous = { action, page, shot, text };
  if (hideImage !== undefined) previous.hideImage = hideImage;
  if (imageId) previous.imageId = imageId;
  if (viewport) previous.viewport = viewport;
  if (marker) previous.marker = marker;
  if (crop) previous.crop = crop;
  return previous;
}

/** The step after a re-capture (pure, for tests). */
export function recapturedStep(step: ActionStep, fresh: Recaptured, now: number): ActionStep {
  const templated = step.text === sentenceFor(step.action);
  const after: ActionStep = {
    ...step,
    action: fresh.action,
    page: fresh.page,
    viewport: fresh.viewport,
    text: fresh.useNewSentence || templated ? sentenceFor(fresh.action) : step.text,
    health: { state: 'recaptured', seenAt: now, previous: previousOf(step) },
    updatedAt: now,
  };
  if (fresh.imageId) {
    after.imageId = fresh.imageId;
    after.shot = fresh.shot ?? 'live';
    after.hideImage = false;
    // The crop and the click marker were placed on the old picture.
    delete after.crop;
    delete after.marker;
  }
  return after;
}

export async function recaptureChange(stepId: string, fresh: Recaptured): Promise<Change | null> {
  const step = await db().steps.get(stepId);
  if (!step || step.kind !== 'action') return null;
  return { label: 'Re-capture step', records: [stepChange(step, recapturedStep(step, fresh, Date.now()))] };
}

/** The step as it was before its re-capture (pure, for tests). */
export function restoredStep(step: ActionStep, now: number): ActionStep | undefined {
  const previous = step.health?.state === 'recaptured' ? step.health.previous : undefined;
  if (!previous) return undefined;
  const after: ActionStep = { ...step, ...previous, updatedAt: now };
  // Fields the step did not have before the re-capture go away again.
  for (const field of ['crop', 'marker', 'imageId', 'viewport', 'hideImage'] as const) {
    if (previous[field] === undefined) delete after[field];
  }
  delete after.health;
  return after;
}

export async function undoRecaptureChange(stepId: string): Promise<Change | null> {
  const step = await db().steps.get(stepId);
  if (!step || step.kind !== 'action') return null;
  const after = restoredStep(step, Date.now());
  return after ? { label: 'Undo re-capture', records: [stepChange(step, after)] } : null;
}
