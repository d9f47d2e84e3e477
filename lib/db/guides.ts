/** Guides: create, read, list and delete, with their steps and images. */
import type { Guide } from '@/lib/steps/types';
import { db, newId } from './database';

export async function createGuide(fields: Partial<Guide> = {}): Promise<Guide> {
  const now = Date.now();
  const guide: Guide = {
    id: newId(),
    title: 'Untitled guide',
    intro: '',
    createdAt: now,
    updatedAt: now,
    status: 'recording',
    ...fields,
  };
  await db().guides.add(guide);
  return guide;
}

export function getGuide(id: string): Promise<Guide | undefined> {
  return db().guides.get(id);
}

/** Newest first. */
export function listGuides(): Promise<Guide[]> {
  return db().guides.orderBy('createdAt').reverse().toArray();
}

export async function updateGuide(id: string, changes: Partial<Omit<Guide, 'id'>>): Promise<void> {
  await db().guides.update(id, { ...changes, updatedAt: Date.now() });
}

export async function deleteGuide(id: string): Promise<void> {
  const d = db();
  await d.transaction('rw', d.guides, d.steps, d.images, d.renditions, async () => {
    await d.steps.where('guideId').equals(id).delete();
    await d.images.where('guideId').equals(id).delete();
    await d.renditions.where('guideId').equals(id).delete();
    await d.guides.delete(id);
  });
}
