/**
 * Screenshots no step uses any more. A deleted step keeps its image while an editor page is
 * open (its undo history may bring the step back); lib/editor/cleanup.ts calls this when the
 * next editor page starts and no other one is open.
 */
import { db } from './database';
import { deleteRenditionsOf } from './renditions';

export async function removeUnusedImages(): Promise<number> {
  const d = db();
  return d.transaction('rw', d.steps, d.images, d.renditions, async () => {
    const used = new Set<string>();
    await d.steps.each((s) => {
      if (s.kind === 'action' && s.imageId) used.add(s.imageId);
    });
    const unused = (await d.images.toCollection().primaryKeys()).filter((id) => !used.has(id));
    await d.images.bulkDelete(unused);
    // Export pictures of images that are gone, whoever deleted them (a guide deleted with undo).
    const kept = new Set(await d.images.toCollection().primaryKeys());
    const orphaned = (await d.renditions.orderBy('imageId').uniqueKeys()).map(String).filter((id) => !kept.has(id));
    await deleteRenditionsOf(orphaned);
    return unused.length;
  });
}

/** Reads an image file's size, to store it as a step's screenshot. */
export async function imageFromFile(file: File): Promise<{ blob: Blob; width: number; height: number }> {
  if (!file.type.startsWith('image/')) throw new Error(`${file.name} is not an image.`);
  const bitmap = await createImageBitmap(file).catch(() => {
    throw new Error(`${file.name} could not be read as an image.`);
  });
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return { blob: file, ...size };
}
