/** Commands on whole guides, from the library: rename, duplicate, delete (all undoable). */
import { db, newId } from '@/lib/db/database';
import type { Step } from '@/lib/steps/types';
import { guideChange, imageChange, stepChange, type Change, type RecordChange } from './changes';

export async function deleteGuide(guideId: string, label: string): Promise<Change | null> {
  const d = db();
  const guide = await d.guides.get(guideId);
  if (!guide) return null;
  const steps = await d.steps.where('guideId').equals(guideId).toArray();
  const images = await d.images.where('guideId').equals(guideId).toArray();
  return {
    label,
    records: [
      guideChange(guide, undefined),
      ...steps.map((s) => stepChange(s, undefined)),
      ...images.map((i) => imageChange(i, undefined)),
    ],
  };
}

/** A full copy with new ids (images too: deleting one guide must not take the other's). */
export async function duplicateGuide(guideId: string, label: string): Promise<Change | null> {
  const d = db();
  const guide = await d.guides.get(guideId);
  if (!guide) return null;
  const now = Date.now();
  const copy = { ...guide, id: newId(), title: `${guide.title} (copy)`, createdAt: now, updatedAt: now, status: 'done' as const };
  const steps = await d.steps.where('guideId').equals(guideId).toArray();
  const images = await d.images.where('guideId').equals(guideId).toArray();
  const imageIds = new Map(images.map((i) => [i.id, newId()]));
  const records: RecordChange[] = [guideChange(undefined, copy)];
  for (const image of images) records.push(imageChange(undefined, { ...image, id: imageIds.get(image.id)!, guideId: copy.id }));
  for (const step of steps) {
    const moved = { ...step, id: newId(), guideId: copy.id } as Step;
    if (moved.kind === 'action' && moved.imageId) moved.imageId = imageIds.get(moved.imageId);
    records.push(stepChange(undefined, moved));
  }
  return { label, records };
}
