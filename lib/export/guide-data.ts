/** Everything an export needs about one guide, read in one go from the database. */
import { getGuide } from '@/lib/db/guides';
import { getImage, stepsOf } from '@/lib/db/steps';
import type { ActionStep, Guide, Step, StoredImage } from '@/lib/steps/types';
import type { RenderedShot, RenderOptions } from './render-shot';

export interface GuideData {
  guide: Guide;
  steps: Step[];
  /** Looks up a step's screenshot lazily, so exports need not hold every image at once. */
  image(imageId: string): Promise<StoredImage | undefined>;
}

/** Told after each step, so a page can show how far a long export has come. */
export type Progress = (done: number, total: number) => void;

export async function loadGuideData(guideId: string): Promise<GuideData> {
  const guide = await getGuide(guideId);
  if (!guide) throw new Error('This guide no longer exists.');
  return { guide, steps: await stepsOf(guideId), image: getImage };
}

/** The image a step shows in exports, if any. */
export function shownImageId(step: Step): string | undefined {
  return step.kind === 'action' && !step.hideImage ? step.imageId : undefined;
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
  const { renderShot, needsRendering } = await import('./render-shot');
  const action = step as ActionStep;
  const fits = image.width <= (options.maxWidth ?? Infinity);
  const usable = image.blob.type === 'image/jpeg' || image.blob.type === options.type;
  if (!needsRendering(action, options) && fits && usable) {
    return { blob: image.blob, width: image.width, height: image.height };
  }
  return renderShot(image.blob, action, options);
}

/**
 * Renders pictures a few steps ahead of the writer: decoding and encoding run off the main
 * thread, so the next pictures are ready while the current one is written. At most `depth`
 * encoded pictures wait in memory, never the whole guide.
 */
export function renderAhead(
  data: GuideData,
  options: RenderOptions,
  depth = 4,
): (index: number) => Promise<RenderedShot | undefined> {
  const started = new Map<number, Promise<RenderedShot | undefined>>();
  const start = (i: number) => {
    const step = data.steps[i];
    if (!step || started.has(i)) return;
    const promise = renderedShotOf(data, step, options);
    promise.catch(() => undefined); // a failure is reported when its step is reached
    started.set(i, promise);
  };
  return (index) => {
    for (let i = index; i <= index + depth; i++) start(i);
    const promise = started.get(index)!;
    started.delete(index);
    return promise;
  };
}
