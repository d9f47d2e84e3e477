/**
 * Imports a .waymark.zip bundle. Every check happens before the database is touched, and
 * the writes are one transaction: a bad bundle imports nothing and leaves the library as
 * it was. Ids that already exist get new ones; creation dates are kept.
 */
import { unzipSync, type Unzipped } from 'fflate';
import { db, newId } from '@/lib/db/database';
import type { Guide, Step, StoredImage } from '@/lib/steps/types';
import {
  BUNDLE_FORMAT,
  BUNDLE_VERSION,
  bundleHeaderSchema,
  type Manifest,
  manifestSchema,
} from './bundle-schema';

/** A problem with the file itself, worded for the person who chose it. */
export class BundleError extends Error {
  override name = 'BundleError';
}

const MB = 1024 * 1024;
export const LIMITS = {
  /** Read into memory whole, so bounded well below what a tab can hold. */
  fileBytes: 512 * MB,
  entries: 20_000,
  entryBytes: 64 * MB,
  totalBytes: 1024 * MB,
  /** Deflate rarely beats 1:100 on real data; bombs do 1:1000 and more. */
  ratio: 200,
};

function sizeText(bytes: number): string {
  return bytes >= 1024 * MB ? `${(bytes / (1024 * MB)).toFixed(1)} GB` : `${Math.ceil(bytes / MB)} MB`;
}

/** Unzips with every entry's declared size bounded: fflate never writes past a declared size. */
function unzipBounded(bytes: Uint8Array): Unzipped {
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    throw new BundleError('This file is not a .zip file, so it is not a Waymark bundle.');
  }
  let entries = 0;
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter(file) {
        entries++;
        total += file.originalSize;
        const bomb =
          entries > LIMITS.entries ||
          file.originalSize > LIMITS.entryBytes ||
          total > LIMITS.totalBytes ||
          (file.originalSize > MB && file.originalSize > file.size * LIMITS.ratio);
        if (bomb) {
          throw new BundleError(
            'This bundle would unpack to far more data than a guide holds (a "zip bomb"): it was not opened.',
          );
        }
        return file.name === 'manifest.json' || file.name.startsWith('images/');
      },
    });
  } catch (e) {
    if (e instanceof BundleError) throw e;
    throw new BundleError('This .zip file is damaged or incomplete (perhaps truncated while copying).');
  }
}

function readManifest(files: Unzipped): Manifest {
  const raw = files['manifest.json'];
  if (!raw) throw new BundleError('This .zip is not a Waymark bundle: it has no manifest.json.');
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw new BundleError('This bundle is damaged: its manifest.json is not valid JSON.');
  }
  const header = bundleHeaderSchema.safeParse(json);
  if (!header.success || header.data.format !== BUNDLE_FORMAT) {
    throw new BundleError('This .zip is not a Waymark bundle (its manifest.json is of another format).');
  }
  if (header.data.version > BUNDLE_VERSION) {
    throw new BundleError(
      `This bundle was made by a newer Waymark (bundle version ${header.data.version}; this Waymark reads version ${BUNDLE_VERSION}). Update Waymark to import it.`,
    );
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'manifest';
    throw new BundleError(`This bundle is invalid: ${where}: ${issue?.message ?? 'unexpected content'}.`);
  }
  return parsed.data;
}

const MAGIC: Record<string, (b: Uint8Array) => boolean> = {
  'image/jpeg': (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  'image/png': (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47,
  'image/webp': (b) => String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP',
};

/** A picture's bytes as a Blob, without copying them when an ArrayBuffer holds them (it always does here). */
function blobOf(bytes: Uint8Array, type: string): Blob {
  const part = bytes.buffer instanceof ArrayBuffer ? new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) : bytes.slice();
  return new Blob([part], { type });
}

interface Prepared {
  guides: Guide[];
  steps: Step[];
  images: StoredImage[];
}

/** Cross-checks the manifest with itself and with the files, and builds the records. */
function prepare(manifest: Manifest, files: Unzipped): Prepared {
  const out: Prepared = { guides: [], steps: [], images: [] };
  const seen = new Set<string>();
  const unique = (kind: string, id: string) => {
    if (seen.has(`${kind}:${id}`)) throw new BundleError(`This bundle is invalid: the ${kind} id "${id}" appears twice.`);
    seen.add(`${kind}:${id}`);
  };
  for (const { guide, steps, images } of manifest.guides) {
    unique('guide', guide.id);
    const imageIds = new Set<string>();
    for (const entry of images) {
      unique('image', entry.id);
      const bytes = files[entry.file];
      if (!bytes) throw new BundleError(`This bundle is incomplete: ${entry.file} is missing.`);
      if (!MAGIC[entry.type]!(bytes)) throw new BundleError(`This bundle is damaged: ${entry.file} is not a ${entry.type} picture.`);
      imageIds.add(entry.id);
      out.images.push({ id: entry.id, guideId: guide.id, blob: blobOf(bytes, entry.type), width: entry.width, height: entry.height });
    }
    for (const step of steps) {
      unique('step', step.id);
      if (step.guideId !== guide.id) throw new BundleError(`This bundle is invalid: step "${step.id}" belongs to another guide.`);
      if (step.kind === 'action' && step.imageId && !imageIds.has(step.imageId)) {
        throw new BundleError(`This bundle is incomplete: the picture of step "${step.id}" is missing.`);
      }
      out.steps.push(step);
    }
    out.guides.push({ ...guide, status: 'done' });
  }
  return out;
}

/** Gives a new id to every record whose id is taken, and follows the change in references. */
async function remapCollisions(p: Prepared): Promise<void> {
  const d = db();
  const taken = async (table: 'guides' | 'steps' | 'images', ids: string[]) =>
    new Set((await d[table].bulkGet(ids)).flatMap((r) => (r ? [r.id] : [])));
  const [guides, steps, images] = await Promise.all([
    taken('guides', p.guides.map((g) => g.id)),
    taken('steps', p.steps.map((s) => s.id)),
    taken('images', p.images.map((i) => i.id)),
  ]);
  const guideIds = new Map(p.guides.map((g) => [g.id, guides.has(g.id) ? newId() : g.id]));
  const imageIds = new Map(p.images.map((i) => [i.id, images.has(i.id) ? newId() : i.id]));
  p.guides = p.guides.map((g) => ({ ...g, id: guideIds.get(g.id)! }));
  p.images = p.images.map((i) => ({ ...i, id: imageIds.get(i.id)!, guideId: guideIds.get(i.guideId)! }));
  p.steps = p.steps.map((s) => {
    const moved = { ...s, id: steps.has(s.id) ? newId() : s.id, guideId: guideIds.get(s.guideId)! };
    if (moved.kind === 'action' && moved.imageId) moved.imageId = imageIds.get(moved.imageId);
    return moved;
  });
}

/** Reads, checks and imports a bundle; returns the guides added (with their new ids). */
export async function importBundle(file: Blob): Promise<Guide[]> {
  if (file.size > LIMITS.fileBytes) {
    throw new BundleError(
      `This file is ${sizeText(file.size)}: too large for a Waymark bundle (at most ${sizeText(LIMITS.fileBytes)}).`,
    );
  }
  const files = unzipBounded(new Uint8Array(await file.arrayBuffer()));
  const prepared = prepare(readManifest(files), files);
  const d = db();
  await d.transaction('rw', d.guides, d.steps, d.images, async () => {
    await remapCollisions(prepared);
    await d.images.bulkAdd(prepared.images);
    await d.steps.bulkAdd(prepared.steps);
    await d.guides.bulkAdd(prepared.guides);
  });
  return prepared.guides;
}
