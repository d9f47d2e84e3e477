/**
 * Export pictures kept between exports (lib/export/renditions.ts decides what they are and
 * when they are made). A rendition is keyed by everything its pixels depend on, so an edit
 * never finds an old one; renditions no step can ask for any more are deleted with their
 * guide, their image, or by the guide page once it has made the current ones.
 */
import { db } from './database';
import type { StoredRendition } from './records';

export type { StoredRendition };

export function getRendition(key: string): Promise<StoredRendition | undefined> {
  return db().renditions.get(key);
}

/** A guide's renditions (their Blobs are handles: nothing is read from disk yet). */
export function renditionsOf(guideId: string): Promise<StoredRendition[]> {
  return db().renditions.where('guideId').equals(guideId).toArray();
}

export async function putRendition(rendition: StoredRendition): Promise<void> {
  await db().renditions.put(rendition);
}

/** Deletes the guide's renditions whose key is not in `current` (unless `signal` aborted meanwhile). */
export async function keepOnlyRenditions(guideId: string, current: Set<string>, signal?: AbortSignal): Promise<void> {
  const keys = await db().renditions.where('guideId').equals(guideId).primaryKeys();
  const stale = keys.filter((key) => !current.has(key));
  if (stale.length && !signal?.aborted) await db().renditions.bulkDelete(stale);
}

/** Deletes the renditions of images that are gone (or are being deleted in `imageIds`). */
export async function deleteRenditionsOf(imageIds: string[]): Promise<void> {
  if (imageIds.length) await db().renditions.where('imageId').anyOf(imageIds).delete();
}
