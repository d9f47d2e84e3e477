/** Steps of a guide, in order, and the screenshots they point to. */
import Dexie from 'dexie';
import type { Step, StoredImage } from '@/lib/steps/types';
import { db } from './database';

export function stepsOf(guideId: string): Promise<Step[]> {
  return db()
    .steps.where('[guideId+order]')
    .between([guideId, Dexie.minKey], [guideId, Dexie.maxKey])
    .toArray();
}

export function countSteps(guideId: string): Promise<number> {
  return db().steps.where('guideId').equals(guideId).count();
}

/** The order number for a step appended at the end of a guide. */
export async function nextOrder(guideId: string): Promise<number> {
  const last = await db()
    .steps.where('[guideId+order]')
    .between([guideId, Dexie.minKey], [guideId, Dexie.maxKey])
    .last();
  return last ? last.order + 1 : 0;
}

/**
 * Saves a step and its screenshot in one transaction, so a crash never leaves a step
 * pointing at a missing image (or an orphan image).
 */
export async function saveStep(step: Step, image?: StoredImage): Promise<void> {
  const d = db();
  await d.transaction('rw', d.steps, d.images, d.guides, async () => {
    if (image) await d.images.put(image);
    await d.steps.put(step);
    await d.guides.update(step.guideId, { updatedAt: Date.now() });
  });
}

export function getImage(id: string): Promise<StoredImage | undefined> {
  return db().images.get(id);
}

/** A guide's screenshots (their Blobs are handles: nothing is read from disk yet). */
export function imagesOf(guideId: string): Promise<StoredImage[]> {
  return db().images.where('guideId').equals(guideId).toArray();
}
