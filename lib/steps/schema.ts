/**
 * The schema of a guide as it leaves this machine (a .waymark.zip bundle's manifest), and the
 * check of a guide that arrives: every field of lib/steps/types.ts, with the bounds untrusted
 * input needs (id patterns, URL schemes, length caps). The compiler holds the two together
 * (the `Assert`s at the end): a field added to a step type and not here, or here and not
 * there, fails `tsc` — zod would otherwise drop it silently on import (issue 28).
 */
import { z } from 'zod';
import type { Assert, Equals } from '@/lib/same-type';
import type { ActionStep, Guide, Step, StepHealth } from './types';

/**
 * The one field a portable step leaves out on purpose: `health.previous`, the step as it was
 * before a walk re-captured it, kept for undo. Its picture is not shipped (only the step's
 * current one is), so elsewhere that undo would bring back a step with a missing picture.
 */
export type PortableStep =
  | Exclude<Step, ActionStep>
  | (Omit<ActionStep, 'health'> & { health?: Omit<StepHealth, 'previous'> });

/** A stored step as it is shipped: without the fields PortableStep leaves out. */
export function portableStep(step: Step): PortableStep {
  if (step.kind !== 'action' || !step.health?.previous) return step;
  const { previous: _undo, ...health } = step.health;
  return { ...step, health };
}

export const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be letters, digits, - or _');
const text = (max: number) => z.string().max(max);
export const time = z.number().int().min(0).max(8.64e15);
const finite = z.number().finite();
const count = z.number().int().min(0).max(1_000_000);
const norm = z.number().min(-1).max(2);
/** Recorded pages are web pages or local files: any other scheme (javascript:, data:) is refused. */
const pageUrl = z
  .string()
  .max(8192)
  .refine((u) => u === '' || /^(https?|file):/i.test(u), 'must be an http(s) or file address');

const box = z.object({ x: finite, y: finite, width: finite, height: finite });
const point = z.object({ x: finite, y: finite });
const normBox = z.object({ x: norm, y: norm, width: norm, height: norm });
const normPoint = z.object({ x: norm, y: norm });
const color = z.string().regex(/^#[0-9a-fA-F]{3,8}$/, 'must be a #hex colour').optional();

const place = z.object({
  index: count,
  count,
  container: z.object({ role: text(200), name: text(5000).optional() }).optional(),
});

const target = z.object({
  role: text(200),
  name: text(5000),
  tag: text(100),
  selectors: z.array(text(5000)).max(50),
  text: text(5000).optional(),
  framePath: z.array(z.number().int().min(0).max(10_000)).max(50).optional(),
  box: box.optional(),
  place: place.optional(),
  shows: text(5000).optional(),
});
const pageInfo = z.object({ url: pageUrl, title: text(5000) });

const action = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('click'), target, point: point.optional() }),
  z.object({ kind: z.literal('type'), target, value: text(10_000), masked: z.boolean() }),
  z.object({ kind: z.literal('select'), target, option: text(5000) }),
  z.object({ kind: z.literal('check'), target, checked: z.boolean() }),
  z.object({ kind: z.literal('choose'), target, group: text(5000).optional() }),
  z.object({ kind: z.literal('key'), target: target.optional(), key: text(100) }),
  z.object({
    kind: z.literal('navigate'),
    page: pageInfo,
    how: z.enum(['start', 'load', 'route', 'back-forward']).optional(),
    startedAt: time.optional(),
  }),
]);

const annotation = z.discriminatedUnion('kind', [
  z.object({ id, kind: z.literal('highlight'), box: normBox, color }),
  z.object({ id, kind: z.literal('arrow'), from: normPoint, to: normPoint, color }),
  z.object({ id, kind: z.literal('label'), at: normPoint, text: text(1000), color }),
  z.object({ id, kind: z.literal('blur'), box: normBox }),
]);

const health = z.object({
  state: z.enum(['stale', 'changed', 'recaptured']),
  seenAt: time,
  nameNow: text(5000).optional(),
});

const common = {
  id,
  guideId: id,
  order: finite,
  text: text(10_000),
  note: text(20_000).optional(),
  createdAt: time,
  updatedAt: time,
};

export const stepSchema = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    kind: z.literal('action'),
    health: health.optional(),
    action,
    page: pageInfo,
    viewport: z.object({ width: finite, height: finite, dpr: finite }).optional(),
    imageId: id.optional(),
    shot: z.enum(['settled', 'live', 'stream', 'fallback', 'rendered', 'none']),
    at: time.optional(),
    hideImage: z.boolean().optional(),
    annotations: z.array(annotation).max(200).optional(),
    crop: normBox.optional(),
    wholeScreen: z.boolean().optional(),
    marker: z.object({ at: normPoint.optional(), hidden: z.boolean().optional() }).optional(),
  }),
  z.object({ ...common, kind: z.literal('heading') }),
  z.object({ ...common, kind: z.literal('text') }),
  z.object({ ...common, kind: z.literal('callout'), tone: z.enum(['tip', 'warning']) }),
]);

export const guideSchema = z.object({
  id,
  title: text(1000),
  intro: text(20_000),
  createdAt: time,
  updatedAt: time,
  status: z.enum(['recording', 'done']),
});

/** Flattens `Omit<…> & {…}` into one object type, so Equals compares fields, not spellings. */
type Flat<T> = T extends unknown ? { [K in keyof T]: T[K] } : never;

export type StepSchemaMatchesTypes = Assert<Equals<Flat<z.infer<typeof stepSchema>>, Flat<PortableStep>>>;
export type GuideSchemaMatchesTypes = Assert<Equals<z.infer<typeof guideSchema>, Guide>>;
