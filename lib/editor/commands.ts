/**
 * Editor commands: small named functions that read the current data and return the Change
 * that does the edit (or null when there is nothing to do). `perform` writes it and keeps it
 * for undo, so buttons, shortcuts and drag and drop share one list.
 */
import Dexie from 'dexie';
import { db, newId } from '@/lib/db/database';
import { stepsOf } from '@/lib/db/steps';
import type { Guide, Step, StoredImage } from '@/lib/steps/types';
import { guideChange, imageChange, stepChange, type Change, type RecordChange } from './changes';
import { orderBetween, orderForMove } from './order';

type StepFields = Partial<Omit<Step, 'id' | 'guideId' | 'kind'>> & Record<string, unknown>;

export async function editGuide(guideId: string, fields: Partial<Pick<Guide, 'title' | 'intro'>>, label: string) {
  const guide = await db().guides.get(guideId);
  if (!guide || Object.entries(fields).every(([k, v]) => guide[k as keyof Guide] === v)) return null;
  return { label, records: [guideChange(guide, { ...guide, ...fields, updatedAt: Date.now() })] };
}

/** Sets fields of one step; `undefined` values remove the field. */
export async function editStep(stepId: string, fields: StepFields, label: string): Promise<Change | null> {
  const step = await db().steps.get(stepId);
  if (!step) return null;
  const after = { ...step, ...fields, updatedAt: Date.now() } as Step;
  for (const [k, v] of Object.entries(fields)) if (v === undefined) delete (after as unknown as Record<string, unknown>)[k];
  if (JSON.stringify({ ...after, updatedAt: 0 }) === JSON.stringify({ ...step, updatedAt: 0 })) return null;
  return { label, records: [stepChange(step, after)] };
}

export async function moveStep(guideId: string, stepId: string, to: number, label: string) {
  const steps = await stepsOf(guideId);
  const from = steps.findIndex((s) => s.id === stepId);
  if (from < 0 || to < 0 || to >= steps.length || to === from) return null;
  const step = steps[from]!;
  return { label, records: [stepChange(step, { ...step, order: orderForMove(steps, from, to) })] };
}

export async function deleteStep(stepId: string, label: string): Promise<Change | null> {
  const step = await db().steps.get(stepId);
  // The image stays in the database: undo needs it. See lib/db/images.ts for its removal.
  return step ? { label, records: [stepChange(step, undefined)] } : null;
}

async function neighbourOrder(step: Step): Promise<number | undefined> {
  const next = await db()
    .steps.where('[guideId+order]')
    .between([step.guideId, step.order], [step.guideId, Dexie.maxKey], false, true)
    .first();
  return next?.order;
}

export async function duplicateStep(stepId: string, label: string): Promise<Change | null> {
  const step = await db().steps.get(stepId);
  if (!step) return null;
  const now = Date.now();
  const copy: Step = { ...step, id: newId(), order: orderBetween(step.order, await neighbourOrder(step)), createdAt: now, updatedAt: now };
  return { label, records: [stepChange(undefined, copy)] };
}

export type InsertKind = 'heading' | 'text' | 'tip' | 'warning';

/** A heading, text step or callout, placed after `afterStepId` (or first when absent). */
export async function insertStep(
  guideId: string,
  afterStepId: string | undefined,
  kind: InsertKind,
  label: string,
): Promise<Change | null> {
  const steps = await stepsOf(guideId);
  const index = afterStepId ? steps.findIndex((s) => s.id === afterStepId) : -1;
  const order = orderBetween(steps[index]?.order, steps[index + 1]?.order);
  const now = Date.now();
  const common = { id: newId(), guideId, order, text: '', createdAt: now, updatedAt: now };
  const step: Step =
    kind === 'tip' || kind === 'warning' ? { ...common, kind: 'callout', tone: kind } : { ...common, kind };
  return { label, records: [stepChange(undefined, step)] };
}

/** Joins a step's sentence and note into the step before it, and removes the step. */
export async function mergeIntoPrevious(guideId: string, stepId: string, label: string): Promise<Change | null> {
  const steps = await stepsOf(guideId);
  const index = steps.findIndex((s) => s.id === stepId);
  const step = steps[index];
  const previous = steps[index - 1];
  if (!step || !previous) return null;
  const join = (a?: string, b?: string) => [a, b].map((t) => t?.trim()).filter(Boolean).join(' ');
  const merged = { ...previous, text: join(previous.text, step.text), updatedAt: Date.now() };
  const note = join(previous.note, step.note);
  if (note) merged.note = note;
  return { label, records: [stepChange(previous, merged), stepChange(step, undefined)] };
}

/** Moves the steps from `stepId` on (and their images) into a new guide. */
export async function splitGuide(guideId: string, stepId: string, label: string): Promise<Change | null> {
  const guide = await db().guides.get(guideId);
  const steps = await stepsOf(guideId);
  const index = steps.findIndex((s) => s.id === stepId);
  if (!guide || index <= 0) return null;
  const now = Date.now();
  const part: Guide = { ...guide, id: newId(), title: `${guide.title} (part 2)`, intro: '', createdAt: now, updatedAt: now, status: 'done' };
  const moved = steps.slice(index);
  const kept = new Set(steps.slice(0, index).map(imageOf));
  const records: RecordChange[] = [guideChange(undefined, part)];
  moved.forEach((s, i) => records.push(stepChange(s, { ...s, guideId: part.id, order: i })));
  const imageIds = new Set(moved.map(imageOf).filter((id): id is string => !!id && !kept.has(id)));
  const images = await db().images.bulkGet([...imageIds]);
  for (const image of images) if (image) records.push(imageChange(image, { ...image, guideId: part.id }));
  return { label, records };
}

function imageOf(step: Step): string | undefined {
  return step.kind === 'action' ? step.imageId : undefined;
}

/** Puts a new picture on a step; the old one stays stored for undo. */
export async function replaceImage(stepId: string, image: Omit<StoredImage, 'id' | 'guideId'>, label: string) {
  const step = await db().steps.get(stepId);
  if (!step || step.kind !== 'action') return null;
  const stored: StoredImage = { ...image, id: newId(), guideId: step.guideId };
  const after: Step = { ...step, imageId: stored.id, hideImage: false, updatedAt: Date.now() };
  delete after.crop;
  return { label, records: [imageChange(undefined, stored), stepChange(step, after)] };
}
