// @vitest-environment node
/**
 * Bundles: a round trip keeps guides whole, and every kind of bad file is refused with a
 * message naming the problem while the library stays exactly as it was. Fuzzed with
 * fast-check over random bytes, damaged bundles and hostile manifests.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { db } from '@/lib/db/database';
import { createGuide } from '@/lib/db/guides';
import { saveStep, stepsOf } from '@/lib/db/steps';
import { exportBundle } from '@/lib/export/bundle';
import { BundleError, importBundle } from '@/lib/export/bundle-import';
import type { ActionStep, Step } from '@/lib/steps/types';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 0xff, 0xd9]);
const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"\' & Привет';

function actionStep(guideId: string, order: number, imageId?: string): ActionStep {
  return {
    id: crypto.randomUUID(),
    guideId,
    order,
    kind: 'action',
    action: { kind: 'click', target: { role: 'button', name: HOSTILE, tag: 'button', selectors: ['#b'] }, point: { x: 5, y: 5 } },
    text: `Click "${HOSTILE}" ${order}`,
    page: { url: 'https://example.test/a', title: 'A' },
    viewport: { width: 100, height: 50, dpr: 1 },
    shot: 'settled',
    imageId,
    annotations: [{ id: 'h1', kind: 'highlight', box: { x: 0.1, y: 0.1, width: 0.2, height: 0.2 } }],
    createdAt: 1000 + order,
    updatedAt: 2000 + order,
  };
}

/** Two guides: one with a heading, two screenshots and a callout; one empty. */
async function seedLibrary(): Promise<string[]> {
  const a = await createGuide({ title: `Expenses ${HOSTILE}`, intro: 'Intro\nline 2', createdAt: 111, status: 'done' });
  const b = await createGuide({ title: 'Empty', createdAt: 222, status: 'done' });
  const heading: Step = { id: crypto.randomUUID(), guideId: a.id, order: 0, kind: 'heading', text: 'Part 1', createdAt: 1, updatedAt: 1 };
  await saveStep(heading);
  for (const order of [1, 2]) {
    const imageId = crypto.randomUUID();
    const blob = new Blob([JPEG], { type: 'image/jpeg' });
    await saveStep(actionStep(a.id, order, imageId), { id: imageId, guideId: a.id, blob, width: 100, height: 50 });
  }
  await saveStep({ id: crypto.randomUUID(), guideId: a.id, order: 3, kind: 'callout', tone: 'warning', text: 'Careful', createdAt: 3, updatedAt: 3 });
  return [a.id, b.id];
}

async function snapshot() {
  const d = db();
  return {
    guides: (await d.guides.toArray()).map((g) => g.id).sort(),
    steps: await d.steps.count(),
    images: await d.images.count(),
  };
}

function zip(files: Record<string, Uint8Array>): Blob {
  return new Blob([zipSync(files) as BlobPart]);
}

async function bundleFiles(ids: string[]) {
  return unzipSync(new Uint8Array(await (await exportBundle(ids)).arrayBuffer()));
}

async function expectRefused(file: Blob, message: RegExp) {
  const before = await snapshot();
  const error = await importBundle(file).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(BundleError);
  expect((error as Error).message).toMatch(message);
  expect(await snapshot()).toEqual(before);
}

describe('guide bundles', () => {
  beforeEach(async () => {
    await db().delete();
    await db().open();
  });

  it('round-trips guides with steps, pictures, annotations and creation dates', async () => {
    const ids = await seedLibrary();
    const blob = await exportBundle(ids);
    const originalSteps = await stepsOf(ids[0]!);
    await db().delete();
    await db().open();

    const imported = await importBundle(blob);
    expect(imported.map((g) => g.title)).toEqual([`Expenses ${HOSTILE}`, 'Empty']);
    expect(imported.map((g) => g.createdAt)).toEqual([111, 222]);
    const steps = await stepsOf(imported[0]!.id);
    expect(steps).toEqual(originalSteps);
    const image = await db().images.get((steps[1] as ActionStep).imageId!);
    expect(new Uint8Array(await image!.blob.arrayBuffer())).toEqual(JPEG);
    expect(image!.blob.type).toBe('image/jpeg');
  });

  it('gives new ids on collision and keeps both copies whole', async () => {
    const ids = await seedLibrary();
    const blob = await exportBundle(ids);
    const [copy] = await importBundle(blob);
    expect(ids).not.toContain(copy!.id);
    expect(copy!.createdAt).toBe(111);
    expect(await db().guides.count()).toBe(4);
    const steps = (await stepsOf(copy!.id)) as ActionStep[];
    expect(steps).toHaveLength(4);
    const originalIds = new Set((await stepsOf(ids[0]!)).map((s) => s.id));
    for (const step of steps) expect(originalIds.has(step.id)).toBe(false);
    const image = await db().images.get(steps[1]!.imageId!);
    expect(image?.guideId).toBe(copy!.id);
  });

  it('refuses a 2 GB file before reading it', async () => {
    const huge = new Blob([]);
    Object.defineProperty(huge, 'size', { value: 2 * 1024 ** 3 });
    Object.defineProperty(huge, 'arrayBuffer', { value: () => Promise.reject(new Error('must not be read')) });
    await expectRefused(huge, /2\.0 GB: too large/);
  });

  it('refuses files that are not zips, truncated zips and foreign zips', async () => {
    await seedLibrary();
    await expectRefused(new Blob(['{"format":"waymark-bundle"}']), /not a \.zip file/);
    const good = new Uint8Array(await (await exportBundle([(await db().guides.toArray())[0]!.id])).arrayBuffer());
    await expectRefused(new Blob([good.slice(0, Math.floor(good.length / 2))]), /damaged or incomplete/);
    await expectRefused(zip({ 'readme.txt': strToU8('hello') }), /no manifest\.json/);
    await expectRefused(zip({ 'manifest.json': strToU8('{"name":"some npm package"}') }), /another format/);
    await expectRefused(zip({ 'manifest.json': strToU8('{not json') }), /not valid JSON/);
  });

  it('refuses a bundle from a newer Waymark, naming both versions', async () => {
    const files = await bundleFiles(await seedLibrary());
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    files['manifest.json'] = strToU8(JSON.stringify({ ...manifest, version: 7 }));
    await expectRefused(zip(files), /newer Waymark \(bundle version 7; this Waymark reads version 3\)/);
  });

  it('refuses zip bombs, real and with forged sizes', async () => {
    await seedLibrary();
    const zeros = new Uint8Array(16 * 1024 * 1024);
    await expectRefused(zip({ 'manifest.json': strToU8('{}'), 'images/a.jpg': zeros }), /zip bomb/);
    // A small entry whose directory claims 3 GB: nothing that large may be allocated.
    const bytes = zipSync({ 'manifest.json': strToU8('{}') });
    const central = bytes.findLastIndex((_, i) => bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 1 && bytes[i + 3] === 2);
    new DataView(bytes.buffer).setUint32(central + 24, 3 * 1024 ** 3, true);
    await expectRefused(new Blob([bytes as BlobPart]), /zip bomb/);
  });

  it('refuses invalid manifests with the field at fault, and keeps script in strings as inert text', async () => {
    const ids = await seedLibrary();
    const files = await bundleFiles(ids);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    const edit = (change: (m: typeof manifest) => void) => {
      const copy = structuredClone(manifest);
      change(copy);
      return zip({ ...files, 'manifest.json': strToU8(JSON.stringify(copy)) });
    };
    await expectRefused(edit((m) => (m.guides[0].steps[1].page.url = 'javascript:alert(1)')), /guides\.0\.steps\.1\.page\.url: must be an http\(s\) or file address/);
    await expectRefused(edit((m) => delete m.guides[0].guide.title), /guides\.0\.guide\.title/);
    await expectRefused(edit((m) => (m.guides[0].steps[1].kind = 'exec')), /guides\.0\.steps\.1/);
    await expectRefused(edit((m) => (m.guides[0].steps[2].id = m.guides[0].steps[1].id)), /appears twice/);
    await expectRefused(edit((m) => (m.guides[0].images[0].file = '../../evil.jpg')), /images\.0\.file/);
    await expectRefused(edit((m) => (m.guides[0].steps[1].guideId = ids[1])), /belongs to another guide/);
    const missing = { ...files };
    delete missing[manifest.guides[0].images[0].file];
    await expectRefused(zip(missing), /is missing/);
    await expectRefused(zip({ ...files, [manifest.guides[0].images[0].file]: strToU8('<svg onload=alert(1)>') }), /not a image\/jpeg picture/);

    // Script in strings is page text like any other: stored as text, never run.
    const [copy] = await importBundle(edit((m) => (m.guides[0].guide.intro = '<script>alert(1)</script>')));
    expect(copy!.intro).toBe('<script>alert(1)</script>');
  });

  it('fuzz: random bytes are refused with a BundleError and change nothing', async () => {
    await seedLibrary();
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2048 }), fc.boolean(), async (bytes, asZip) => {
        const data = asZip ? new Uint8Array([0x50, 0x4b, 3, 4, ...bytes]) : bytes;
        await expect(importBundle(new Blob([data as BlobPart]))).rejects.toBeInstanceOf(BundleError);
      }),
      { numRuns: 300 },
    );
    expect(await snapshot()).toEqual(before);
  });

  it('fuzz: a damaged bundle either imports whole or is refused whole', async () => {
    const ids = await seedLibrary();
    const good = new Uint8Array(await (await exportBundle(ids)).arrayBuffer());
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: good.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat({ max: good.length }), { nil: undefined }),
        async (flips, cut) => {
          const bytes = good.slice(0, cut ?? good.length);
          for (const [at, value] of flips) if (at < bytes.length) bytes[at] = value;
          const before = await snapshot();
          try {
            const guides = await importBundle(new Blob([bytes as BlobPart]));
            const after = await snapshot();
            expect(after.guides.length).toBe(before.guides.length + guides.length);
          } catch (e) {
            expect(e).toBeInstanceOf(BundleError);
            expect(await snapshot()).toEqual(before);
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('fuzz: hostile manifests are refused whole or imported as inert text', async () => {
    const files = await bundleFiles(await seedLibrary());
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    const paths = ['guides.0.guide.title', 'guides.0.steps.1.text', 'guides.0.steps.1.order', 'guides.0.guide.createdAt', 'guides.0.steps.1.annotations', 'guides.0.images.0.width', 'guides.0', 'format', 'version'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.jsonValue(), async (path, value) => {
        const copy = structuredClone(manifest);
        const keys = path.split('.');
        let node = copy;
        for (const key of keys.slice(0, -1)) node = node[key];
        node[keys.at(-1)!] = value;
        const before = await snapshot();
        try {
          const [guide] = await importBundle(zip({ ...files, 'manifest.json': strToU8(JSON.stringify(copy)) }));
          expect(typeof guide!.title).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(BundleError);
          expect(await snapshot()).toEqual(before);
        }
      }),
      { numRuns: 200 },
    );
  });
});
