/**
 * The .waymark.zip bundle format, version 1: `manifest.json` (this schema) plus
 * `images/<image id>.<jpg|png|webp>`. Every field of an imported manifest is checked here
 * before anything touches the database; unknown keys are dropped.
 */
import { z } from 'zod';

export const BUNDLE_FORMAT = 'waymark-bundle';
export const BUNDLE_VERSION = 1;

const id = z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, 'must be letters, digits, - or _');
const text = (max: number) => z.string().max(max);
const time = z.number().int().min(0).max(8.64e15);
const finite = z.number().finite();
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

const target = z.object({
  role: text(200),
  name: text(5000),
  tag: text(100),
  selectors: z.array(text(5000)).max(50),
  text: text(5000).optional(),
  framePath: z.array(z.number().int().min(0).max(10_000)).max(50).optional(),
  box: box.optional(),
});
const pageInfo = z.object({ url: pageUrl, title: text(5000) });

const action = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('click'), target, point: point.optional() }),
  z.object({ kind: z.literal('type'), target, value: text(10_000), masked: z.boolean() }),
  z.object({ kind: z.literal('select'), target, option: text(5000) }),
  z.object({ kind: z.literal('check'), target, checked: z.boolean() }),
  z.object({ kind: z.literal('choose'), target, group: text(5000).optional() }),
  z.object({ kind: z.literal('key'), target: target.optional(), key: text(100) }),
  z.object({ kind: z.literal('navigate'), page: pageInfo }),
]);

const annotation = z.discriminatedUnion('kind', [
  z.object({ id, kind: z.literal('highlight'), box: normBox, color }),
  z.object({ id, kind: z.literal('arrow'), from: normPoint, to: normPoint, color }),
  z.object({ id, kind: z.literal('label'), at: normPoint, text: text(1000), color }),
  z.object({ id, kind: z.literal('blur'), box: normBox }),
]);

const common = {
  id,
  guideId: id,
  order: finite,
  text: text(10_000),
  note: text(20_000).optional(),
  createdAt: time,
  updatedAt: time,
};

const step = z.discriminatedUnion('kind', [
  z.object({
    ...common,
    kind: z.literal('action'),
    action,
    page: pageInfo,
    viewport: z.object({ width: finite, height: finite, dpr: finite }).optional(),
    imageId: id.optional(),
    shot: z.enum(['settled', 'live', 'stream', 'fallback', 'rendered', 'none']),
    hideImage: z.boolean().optional(),
    annotations: z.array(annotation).max(200).optional(),
    crop: normBox.optional(),
    marker: z.object({ at: normPoint.optional(), hidden: z.boolean().optional() }).optional(),
  }),
  z.object({ ...common, kind: z.literal('heading') }),
  z.object({ ...common, kind: z.literal('text') }),
  z.object({ ...common, kind: z.literal('callout'), tone: z.enum(['tip', 'warning']) }),
]);

const guide = z.object({
  id,
  title: text(1000),
  intro: text(20_000),
  createdAt: time,
  updatedAt: time,
  status: z.enum(['recording', 'done']),
});

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
  version: z.literal(BUNDLE_VERSION),
  exportedAt: time,
  generator: text(200).optional(),
  guides: z
    .array(z.object({ guide, steps: z.array(step).max(10_000), images: z.array(imageEntry).max(10_000) }))
    .min(1)
    .max(1000),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestGuide = Manifest['guides'][number];
export type ImageEntry = z.infer<typeof imageEntry>;
