/**
 * Where recorded steps go in their guide — at the end, or after a chosen step when recording
 * into an existing guide — and taking them back out (Delete last step, Discard).
 */
import Dexie from 'dexie';
import { db } from '@/lib/db/database';
import { deleteGuide } from '@/lib/db/guides';
import { nextOrder, saveStep } from '@/lib/db/steps';
import type { Step, StoredImage } from '@/lib/steps/types';

/**
 * Saves a new step at the end of the guide, or right after order `insertAfter` (moving the
 * later steps down by one). Returns the order it got.
 */
export async function placeStep(step: Step, image: StoredImage | undefined, insertAfter?: number): Promise<number> {
  const d = db();
  return d.transaction('rw', d.steps, d.images, d.guides, async () => {
    let order: number;
    if (insertAfter === undefined) {
      order = await nextOrder(step.guideId);
    } else {
      order = insertAfter + 1;
      const later = await d.steps
        .where('[guideId+order]')
        .between([step.guideId, order], [step.guideId, Dexie.maxKey])
        .toArray();
      for (const s of later.reverse()) await d.steps.update(s.id, { order: s.order + 1 });
    }
    await saveStep({ ...step, order }, image);
    return order;
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
