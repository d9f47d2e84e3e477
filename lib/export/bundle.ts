/**
 * Guide bundles (.waymark.zip): one or many guides with their steps and screenshots, for
 * sharing between trainers without a cloud. Annotations, crop and marker stay data (the
 * receiver can edit them); blur boxes are also burnt into the pictures, because a bundle
 * leaves this machine and a blurred secret must not be recoverable from it.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { db } from '@/lib/db/database';
import { portableStep } from '@/lib/steps/schema';
import type { ActionStep, Step, StoredImage } from '@/lib/steps/types';
import { BUNDLE_FORMAT, BUNDLE_VERSION, IMAGE_TYPES, type Manifest, type ManifestGuide } from './bundle-schema';
import type { Progress } from './guide-data';

export const BUNDLE_EXTENSION = 'waymark.zip';

/** Burns a step's blur boxes into its picture (the default draws on an OffscreenCanvas). */
export type BlurBaker = (image: Blob, step: ActionStep) => Promise<Blob>;

const bakeWithCanvas: BlurBaker = async (image, step) => {
  const { renderShot } = await import('./render-shot');
  return (await renderShot(image, step, { blurOnly: true, quality: 0.9 })).blob;
};

function hasBlur(step: Step): step is ActionStep {
  return step.kind === 'action' && Boolean(step.annotations?.some((a) => a.kind === 'blur'));
}

type ImageType = keyof typeof IMAGE_TYPES;

function isImageType(type: string): type is ImageType {
  return Object.hasOwn(IMAGE_TYPES, type);
}

function imageType(blob: Blob): ImageType {
  return isImageType(blob.type) ? blob.type : 'image/jpeg';
}

export async function exportBundle(
  guideIds: string[],
  onProgress?: Progress,
  bakeBlur: BlurBaker = bakeWithCanvas,
): Promise<Blob> {
  const d = db();
  const manifest: Manifest = {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    exportedAt: Date.now(),
    generator: 'Waymark',
    guides: [],
  };
  const images: Zippable = {};
  for (const [i, guideId] of guideIds.entries()) {
    const guide = await d.guides.get(guideId);
    if (!guide) throw new Error('A guide to export no longer exists.');
    const steps = await d.steps.where('guideId').equals(guideId).sortBy('order');
    const entry: ManifestGuide = { guide, steps: steps.map(portableStep), images: [] };
    const done = new Set<string>();
    for (const step of steps) {
      if (step.kind !== 'action' || !step.imageId || done.has(step.imageId)) continue;
      const image: StoredImage | undefined = await d.images.get(step.imageId);
      if (!image) continue;
      done.add(image.id);
      // Every step showing this picture has its blur burnt in.
      let blob = image.blob;
      for (const s of steps) if (hasBlur(s) && s.imageId === image.id) blob = await bakeBlur(blob, s);
      const type = imageType(blob);
      const file = `images/${image.id}.${IMAGE_TYPES[type]}`;
      images[file.slice('images/'.length)] = [new Uint8Array(await blob.arrayBuffer()), { level: 0 }];
      entry.images.push({ id: image.id, file, type, width: image.width, height: image.height });
    }
    manifest.guides.push(entry);
    onProgress?.(i + 1, guideIds.length);
  }
  const files: Zippable = { 'manifest.json': strToU8(JSON.stringify(manifest, null, 1)), images };
  return new Blob([zipSync(files)], { type: 'application/zip' });
}
