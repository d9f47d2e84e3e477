/**
 * Export pictures are made ahead of the export and kept (lib/db/renditions.ts), so an export
 * mostly reads them: drawing a picture (decode, crop, marks, encode) takes about 50 ms, which
 * made a 200-step export take 8 to 10 s every time. The guide page makes the missing ones a
 * step at a time while the trainer works (`prepareRenditions`); an export makes and keeps any
 * it does not find. A rendition is keyed by its image and everything drawn into it, so an
 * edited step never gets an old picture. Renditions hold the image's pixels as drawn (blurs
 * included): a redaction deletes those of the images it replaces (lib/privacy/redact.ts).
 */
import type { ActionStep, Step, StoredImage } from '@/lib/steps/types';
import { getRendition, keepOnlyRenditions, putRendition, type StoredRendition } from '@/lib/db/renditions';
import { getImage } from '@/lib/db/steps';
import { FULL, shownRegion } from '@/lib/steps/focus';
import { stepMarks } from '@/lib/steps/marks';
import type { RenderedShot, RenderOptions } from './render-shot';

/** The HTML guide's pictures: shown at most ~820 px wide, encoded a little wider; WebP where the browser encodes it. */
export const SCREEN_PICTURE: RenderOptions = { maxWidth: 960, type: 'image/webp', quality: 0.8 };
/** PDF and Word pictures: JPEG, which both embed as it is; 1200 px over 140 mm is ~220 dpi, sharp in print. */
export const PRINT_PICTURE: RenderOptions = { maxWidth: 1200 };
/** Made ahead and kept: every format's but Markdown's, whose full-size pictures are drawn on export. */
const PREPARED = [SCREEN_PICTURE, PRINT_PICTURE];

/**
 * Bumped whenever a picture is drawn differently (render-shot.ts, and what it draws with:
 * focus.ts, marks.ts, annotation-style.ts, pixelate.ts): renditions made before are never read.
 */
export const RENDERER_VERSION = 1;

/** The stored picture can be used as it is: nothing to draw, cut, shrink or re-encode. Pure. */
export function usableAsStored(image: StoredImage, step: ActionStep, options: RenderOptions): boolean {
  const region = shownRegion(step);
  const cut = region.width < 1 || region.height < 1;
  if (cut || step.annotations?.length || stepMarks(step, FULL, { width: 100, height: 100 }).length) return false;
  const fits = image.width <= (options.maxWidth ?? Infinity);
  return fits && (image.blob.type === 'image/jpeg' || image.blob.type === options.type);
}

/**
 * What a picture is drawn from besides its image (the focus and the marks read the action's
 * kind, target box and click point; never its value, which must not end up in a key), and how
 * it is encoded.
 */
function drawnInputs(step: ActionStep, options: RenderOptions): string {
  const { action, viewport, crop, wholeScreen, marker, annotations } = step;
  const box = action.kind === 'navigate' ? undefined : action.target?.box;
  const point = action.kind === 'click' ? action.point : undefined;
  return JSON.stringify([RENDERER_VERSION, options, action.kind, box, point, viewport, crop, wholeScreen, marker, annotations]);
}

/**
 * The inputs themselves, not a digest of them: a few hundred characters, never a collision,
 * and no asynchronous hashing per picture (an export reads 200 of them).
 */
export function renditionKey(imageId: string, step: ActionStep, options: RenderOptions): string {
  return `${imageId}:${drawnInputs(step, options)}`;
}

/**
 * The step's picture as an export shows it: the stored image, a kept rendition (looked up with
 * `find`), or one drawn now (and kept, when it is one the guide page makes ahead).
 */
export async function exportPicture(
  image: StoredImage,
  step: ActionStep,
  options: RenderOptions,
  find: (key: string) => Promise<StoredRendition | undefined> = getRendition,
): Promise<RenderedShot> {
  if (usableAsStored(image, step, options)) return { blob: image.blob, width: image.width, height: image.height };
  const key = renditionKey(image.id, step, options);
  const kept = await find(key).catch(() => undefined);
  if (kept) return { blob: kept.blob, width: kept.width, height: kept.height };
  const { renderShot } = await import('./render-shot');
  const shot = await renderShot(image.blob, step, options);
  if (PREPARED.includes(options)) {
    // Not kept (a full disk, say): the export goes on; the next one only takes longer.
    await putRendition({ key, guideId: step.guideId, imageId: image.id, ...shot }).catch(() => undefined);
  }
  return shot;
}

/** The image a step shows in exports, if any. */
export function shownImageId(step: Step): string | undefined {
  return step.kind === 'action' && !step.hideImage ? step.imageId : undefined;
}

/**
 * Makes the renditions a guide's exports will ask for that are not made yet, one picture at a
 * time, then deletes the guide's renditions no step asks for any more (edited or deleted).
 * A picture that cannot be drawn is left to the export, which says why. Stops when `signal`
 * aborts (the steps changed, the page closed). Resolves true when done.
 */
export async function prepareRenditions(guideId: string, steps: Step[], signal: AbortSignal): Promise<boolean> {
  const current = new Set<string>();
  for (const step of steps) {
    const imageId = shownImageId(step);
    if (signal.aborted) return false;
    const image = imageId ? await getImage(imageId) : undefined;
    if (!image || !(image.width > 0 && image.height > 0)) continue;
    for (const options of PREPARED) {
      if (usableAsStored(image, step as ActionStep, options)) continue;
      const key = renditionKey(image.id, step as ActionStep, options);
      current.add(key);
      if (signal.aborted) return false;
      await prepareOne(guideId, key, image, step as ActionStep, options).catch((error: unknown) =>
        console.warn('Waymark: an export picture was not made ahead', error),
      );
    }
  }
  return !signal.aborted && keepOnlyRenditions(guideId, current, signal).then(() => !signal.aborted);
}

async function prepareOne(guideId: string, key: string, image: StoredImage, step: ActionStep, options: RenderOptions): Promise<void> {
  const kept = await getRendition(key);
  if (!kept) return void (await exportPicture(image, step, options));
  // Made for another guide (this one was split from it): it is this guide's now. Copied into
  // memory first: Firefox cannot store a Blob read from the very record it replaces.
  if (kept.guideId !== guideId) await putRendition({ ...kept, guideId, blob: new Blob([await kept.blob.arrayBuffer()], { type: kept.blob.type }) });
}
