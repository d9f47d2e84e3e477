/**
 * The .waymark.zip bundle format: `manifest.json` (this schema) plus
 * `images/<image id>.<jpg|png|webp>`. Every field of an imported manifest is checked here
 * before anything touches the database. Guides and steps are lib/steps/schema.ts, which the
 * compiler keeps equal to the step types; keys neither knows are dropped.
 */
import { z } from 'zod';
import { guideSchema, id, stepSchema, time } from '@/lib/steps/schema';

export const BUNDLE_FORMAT = 'waymark-bundle';
/**
 * 2: steps keep every field of their type (`at`, `wholeScreen`, `health`, a target's `place`,
 * a navigation's `how` and `startedAt`); version 1 readers dropped them. Version 1 bundles
 * have the same shape (their writer wrote each step whole) and still import: only a newer
 * version than this is refused, so an older Waymark never silently loses fields.
 * 3: a target's `shows` (the value a list button showed).
 */
export const BUNDLE_VERSION = 3;

export const IMAGE_TYPES = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' } as const;

const imageEntry = z.object({
  id,
  file: z.string().regex(/^images\/[A-Za-z0-9_-]{1,100}\.(jpg|png|webp)$/, 'must be images/<id>.jpg|png|webp'),
  type: z.enum(['image/jpeg', 'image/png', 'image/webp']),
  width: z.number().int().min(1).max(20_000),
  height: z.number().int().min(1).max(100_000),
});

export const bundleHeaderSchema = z.object({ format: z.string(), version: z.number() });

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  version: z.number().int().min(1).max(BUNDLE_VERSION),
  exportedAt: time,
  generator: z.string().max(200).optional(),
  guides: z
    .array(z.object({ guide: guideSchema, steps: z.array(stepSchema).max(10_000), images: z.array(imageEntry).max(10_000) }))
    .min(1)
    .max(1000),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestGuide = Manifest['guides'][number];
