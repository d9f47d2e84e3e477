/**
 * Where recorded steps go in their guide — at the end, or after a chosen step when recording
 * into an existing guide — and taking them back out (Delete last step, Discard).
 */
import Dexie from 'dexie';
import { db } from '@/lib/db/database';
import { deleteGuide } from '@/lib/db/guides';
import { saveStep } from '@/lib/db/steps';
import type { ActionStep, Step, StoredImage } from '@/lib/steps/types';
import { placeNewStep, type Placement } from './decisions';

/**
 * Saves a new step where `placeNewStep` puts it (lib/recording/decisions.ts): at the end,
 * after order `insertAfter`, or before a step of this recording that happened later.
 * Returns the placement.
 */
export async function placeStep(
  step: ActionStep,
  image: StoredImage | undefined,
  recordingSince: number,
  insertAfter?: number,
): Promise<Placement> {
  const d = db();
  return d.transaction('rw', d.steps, d.images, d.guides, async () => {
    const steps = await d.steps.where('[guideId+order]').between([step.guideId, Dexie.minKey], [step.guideId, Dexie.maxKey]).toArray();
    const placed = steps.map((s) => ({
      order: s.order,
      at: s.kind === 'action' ? s.at : undefined,
      current: s.createdAt >= recordingSince,
    }));
    const placement = placeNewStep(placed, step.at ?? step.createdAt, insertAfter);
    await saveStep({ ...step, order: placement.order }, image);
    return placement;
  });
}

/** Steps of a guide created since `since`, newest first. */
async function stepsSince(guideId: string, since: number): Promise<Step[]> {
  const steps = await db().steps.where('guideId').equals(guideId).toArray();
  return steps.filter((s) => s.createdAt >= since).sort((a, b) => b.createdAt - a.createdAt);
}

async function deleteSteps(steps: Step[]): Promise<void> {
  const d = db();
  await d.transaction('rw', d.steps, d.images, async () => {
    for (const step of steps) {
      await d.steps.delete(step.id);
      if (step.kind === 'action' && step.imageId) await d.images.delete(step.imageId);
    }
  });
}

/** Deletes the newest step recorded since `since`; returns its order, if there was one. */
export async function deleteNewestStep(guideId: string, since: number): Promise<number | undefined> {
  const [newest] = await stepsSince(guideId, since);
  if (!newest) return undefined;
  await deleteSteps([newest]);
  return newest.order;
}

/** Throws a recording away: the whole guide if it made it, else only the steps it added. */
export async function discardRecording(guideId: string, since: number, newGuide: boolean): Promise<void> {
  if (newGuide) await deleteGuide(guideId);
  else await deleteSteps(await stepsSince(guideId, since));
}
