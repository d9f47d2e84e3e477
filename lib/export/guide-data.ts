/** Everything an export needs about one guide, read in one go from the database. */
import { getGuide } from '@/lib/db/guides';
import { getImage, imagesOf, stepsOf } from '@/lib/db/steps';
import { getRendition, renditionsOf, type StoredRendition } from '@/lib/db/renditions';
import type { ActionStep, Guide, Step, StoredImage } from '@/lib/steps/types';
import type { RenderedShot, RenderOptions } from './render-shot';
import { exportPicture, shownImageId } from './renditions';

export interface GuideData {
  guide: Guide;
  steps: Step[];
  /** A step's screenshot. Its Blob is read (and decoded) only when its picture is drawn. */
  image(imageId: string): Promise<StoredImage | undefined>;
  /** A kept export picture (lib/export/renditions.ts), by key. */
  rendition?(key: string): Promise<StoredRendition | undefined>;
}

/** Told after each step, so a page can show how far a long export has come. */
export type Progress = (done: number, total: number) => void;

export async function loadGuideData(guideId: string): Promise<GuideData> {
  const guide = await getGuide(guideId);
  if (!guide) throw new Error('This guide no longer exists.');
  // Read in three queries, not two per step: a 200-step guide's export mostly reads kept pictures.
  const [steps, images, renditions] = await Promise.all([stepsOf(guideId), imagesOf(guideId), renditionsOf(guideId)]);
  const imageById = new Map(images.map((image) => [image.id, image]));
  const renditionByKey = new Map(renditions.map((rendition) => [rendition.key, rendition]));
  return {
    guide,
    steps,
    image: async (id) => imageById.get(id) ?? getImage(id),
    rendition: async (key) => renditionByKey.get(key) ?? getRendition(key),
  };
}

/** A step with its number (action steps only: headings, text and callouts are not counted). */
export interface NumberedStep {
  step: Step;
  number?: number;
}

export function numberSteps(steps: Step[]): NumberedStep[] {
  let number = 0;
  return steps.map((step) => (step.kind === 'action' ? { step, number: ++number } : { step }));
}

export function actionCount(steps: Step[]): number {
  return steps.filter((s) => s.kind === 'action').length;
}

/**
 * The address a "Go to" step leads to, so a reader can follow it (a title alone cannot be
 * followed). `href` only for web addresses: a page's `javascript:` URL never becomes a link.
 */
export function addressOf(step: Step): { text: string; href?: string } | undefined {
  if (step.kind !== 'action' || step.action.kind !== 'navigate') return undefined;
  const text = step.action.page.url.trim();
  if (!text) return undefined;
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:' ? { text, href: url.href } : { text };
  } catch {
    return { text };
  }
}

/** What a step's sentence reads as, never empty for a numbered step. */
export function sentenceOf(step: Step, number?: number): string {
  const text = step.text.trim();
  if (text) return text;
  return number !== undefined ? `Step ${number}` : '';
}

/**
 * The picture of a step as every export shows it: focus, blur, annotations and marks drawn
 * in. Read and rendered one step at a time, so a long guide is never all decoded at once.
 */
export async function renderedShotOf(
  data: GuideData,
  step: Step,
  options: RenderOptions = {},
): Promise<RenderedShot | undefined> {
  const imageId = shownImageId(step);
  if (!imageId) return undefined;
  const image = await data.image(imageId);
  if (!image || !(image.width > 0 && image.height > 0)) return undefined;
  return exportPicture(image, step as ActionStep, options, data.rendition);
}

/**
 * Works a few items ahead of the writer: reading, decoding and encoding pictures run off the
 * main thread, so the next ones are ready while the current one is written. At most `depth`
 * results wait in memory, never the whole guide. Items are asked for in order.
 */
export function lookahead<T>(count: number, make: (index: number) => Promise<T>, depth = 4): (index: number) => Promise<T> {
  const started = new Map<number, Promise<T>>();
  return (index) => {
    for (let i = index; i <= Math.min(count - 1, index + depth); i++) {
      if (started.has(i)) continue;
      const promise = make(i);
      promise.catch(() => undefined); // a failure is reported when its item is reached
      started.set(i, promise);
    }
    const promise = started.get(index) ?? make(index);
    started.delete(index);
    return promise;
  };
}

/** The pictures of `data.steps`, rendered a few steps ahead of the writer. */
export function renderAhead(data: GuideData, options: RenderOptions): (index: number) => Promise<RenderedShot | undefined> {
  return lookahead(data.steps.length, (i) => renderedShotOf(data, data.steps[i]!, options));
}
