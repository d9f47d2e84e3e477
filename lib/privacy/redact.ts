/**
 * "Redact this value everywhere" (issue 5): a secret typed into a field Waymark did not know
 * was secret. Every string of every step of the guide has the value replaced by its mask; a
 * sentence the trainer did not edit is written again from its template (lib/steps/sentences.ts),
 * so it reads as any masked step does (`Type •••• into Merchant`, issue 15), and the boxes where the value was shown (the fields it was typed into or named by) are
 * blurred again in the screenshots of that page. A re-blurred image gets a new id and the old
 * row is deleted, so no unblurred copy stays in the database and views reload the picture.
 */
import type { ActionStep, Box, Step, StoredImage } from '@/lib/steps/types';
import { db, newId } from '@/lib/db/database';
import { stepsOf } from '@/lib/db/steps';
import { deleteRenditionsOf } from '@/lib/db/renditions';
import { blurBoxes } from '@/lib/screenshots/blur';
import { sentenceFor } from '@/lib/steps/sentences';
import { maskSecret } from './secret-fields';

/** Replaces `value` in every string inside `data` (steps are plain JSON-like objects). */
export function replaceDeep<T>(data: T, value: string, mask: string): T {
  if (typeof data === 'string') return data.split(value).join(mask) as T;
  if (Array.isArray(data)) return data.map((item) => replaceDeep(item, value, mask)) as T;
  if (data && typeof data === 'object') {
    return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, replaceDeep(v, value, mask)])) as T;
  }
  return data;
}

export interface RedactionPlan {
  /** Steps whose text changed, already rewritten. */
  rewritten: Step[];
  /** Per image id: the boxes (CSS px of that step's viewport) to blur again. */
  reblur: Map<string, { step: ActionStep; boxes: Box[] }>;
}

function showsValue(step: ActionStep, value: string): boolean {
  const { action } = step;
  if (action.kind === 'navigate') return false;
  const target = action.target;
  return (action.kind === 'type' && action.value.includes(value)) || Boolean(target?.name.includes(value) || target?.text?.includes(value) || target?.shows?.includes(value));
}

/** Pure: what redacting `value` in these steps changes. */
export function planRedaction(steps: Step[], value: string): RedactionPlan {
  const mask = maskSecret(value);
  const rewritten: Step[] = [];
  for (const step of steps) {
    if (!JSON.stringify(step).includes(JSON.stringify(value).slice(1, -1))) continue;
    const next = replaceDeep(step, value, mask);
    if (next.kind === 'action' && next.action.kind === 'type' && step.kind === 'action' && showsValue(step, value)) {
      next.action = { ...next.action, masked: true };
    }
    // The template's own sentence is rendered again from the redacted action; a sentence the
    // trainer wrote keeps their words, with the value replaced.
    if (next.kind === 'action' && step.kind === 'action' && step.text === sentenceFor(step.action)) {
      next.text = sentenceFor(next.action);
    }
    rewritten.push(next);
  }
  // Where the value was on screen, per page: the box of each element it was typed into or named by.
  const boxesByPage = new Map<string, Box[]>();
  for (const step of steps) {
    if (step.kind !== 'action' || !showsValue(step, value)) continue;
    const box = step.action.kind === 'navigate' ? undefined : step.action.target?.box;
    if (box) boxesByPage.set(step.page.url, [...(boxesByPage.get(step.page.url) ?? []), box]);
  }
  const reblur = new Map<string, { step: ActionStep; boxes: Box[] }>();
  for (const step of steps) {
    const boxes = step.kind === 'action' ? boxesByPage.get(step.page.url) : undefined;
    if (step.kind === 'action' && step.imageId && boxes) reblur.set(step.imageId, { step, boxes });
  }
  return { rewritten, reblur };
}

/** Redacts `value` in a guide's step texts and screenshots. Returns how many steps changed. */
export async function redactEverywhere(guideId: string, value: string): Promise<number> {
  if (!value.trim()) return 0;
  const d = db();
  const steps = await stepsOf(guideId);
  const plan = planRedaction(steps, value);
  const byId = new Map<string, Step>(plan.rewritten.map((s) => [s.id, s]));
  const newImages: StoredImage[] = [];
  const oldImageIds: string[] = [];
  // Blur outside the transaction: IndexedDB transactions close while awaiting other work.
  for (const [imageId, { step, boxes }] of plan.reblur) {
    const image = await d.images.get(imageId);
    if (!image) continue;
    const blurred = await blurBoxes(image, boxes, step.viewport);
    const id = newId();
    newImages.push({ ...image, ...blurred, id });
    oldImageIds.push(imageId);
    const current = (byId.get(step.id) ?? step) as ActionStep;
    byId.set(step.id, { ...current, imageId: id });
  }
  const now = Date.now();
  await d.transaction('rw', d.steps, d.images, d.renditions, async () => {
    await d.images.bulkPut(newImages);
    await d.steps.bulkPut([...byId.values()].map((s) => ({ ...s, updatedAt: now })));
    await d.images.bulkDelete(oldImageIds);
    // Export pictures drawn from the old images show the value too (lib/export/renditions.ts).
    await deleteRenditionsOf(oldImageIds);
  });
  return byId.size;
}
