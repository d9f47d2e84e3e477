// @vitest-environment node
/**
 * Bundles keep every field of every step (issue 28: `wholeScreen`, `at`, a navigation's `how`,
 * `place` and `health` were lost on import). full-guide.ts sets every optional field, so a
 * field added to a step type is either carried by lib/steps/schema.ts or fails here.
 */
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { strToU8, strFromU8, unzipSync, zipSync } from 'fflate';
import { db } from '@/lib/db/database';
import { createGuide } from '@/lib/db/guides';
import { stepsOf } from '@/lib/db/steps';
import { exportBundle } from '@/lib/export/bundle';
import { BundleError, importBundle } from '@/lib/export/bundle-import';
import type { Step } from '@/lib/steps/types';
import { fullSteps, GUIDE_ID, IMAGE_ID } from './full-guide';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 74, 70, 73, 70, 0, 1, 0xff, 0xd9]);
/** Written by Waymark 7818c58 (bundle version 1) from full-guide.ts's steps. */
const V1_BUNDLE = 'tests/fixtures/bundles/v1-7818c58.waymark.zip';

/** The steps as a bundle carries them: without the undo of a re-capture (see PortableStep). */
function expectedSteps(): Step[] {
  return fullSteps().map((step) => {
    if (step.kind === 'action' && step.health) delete step.health.previous;
    return step;
  });
}

/** The step as the version-1 fixture has it: written before targets kept what they showed (bundle version 3). */
function beforeShows(step: Step): Step {
  if (step.kind === 'action' && 'target' in step.action && step.action.target) delete step.action.target.shows;
  return step;
}

async function seedFullGuide(): Promise<void> {
  await createGuide({ id: GUIDE_ID, title: 'Every field', createdAt: 1, status: 'done' });
  await db().images.put({ id: IMAGE_ID, guideId: GUIDE_ID, blob: new Blob([JPEG], { type: 'image/jpeg' }), width: 1280, height: 720 });
  await db().steps.bulkPut(fullSteps());
}

async function resetDb(): Promise<void> {
  await db().delete();
  await db().open();
}

/** Exports the full guide with its blur left as data (no canvas in node). */
function exportFull(): Promise<Blob> {
  return exportBundle([GUIDE_ID], undefined, async (image) => image);
}

describe('bundle fields', () => {
  beforeEach(resetDb);

  it('round-trips every optional field of every kind of step, action and annotation', async () => {
    await seedFullGuide();
    const bundle = await exportFull();
    await resetDb();
    const [guide] = await importBundle(bundle);
    expect(guide!.id).toBe(GUIDE_ID);
    expect(await stepsOf(GUIDE_ID)).toEqual(expectedSteps());
  });

  it('leaves the undo of a re-capture out of the manifest: its picture is not shipped', async () => {
    await seedFullGuide();
    const manifest = strFromU8(unzipSync(new Uint8Array(await (await exportFull()).arrayBuffer()))['manifest.json']!);
    expect(manifest).not.toContain('"previous"');
    expect(manifest).not.toContain('older-image');
  });

  it('imports a version-1 bundle written by an earlier Waymark, fields and picture whole', async () => {
    const [guide] = await importBundle(new Blob([readFileSync(V1_BUNDLE)]));
    expect(guide!.title).toBe('Every field');
    expect(await stepsOf(GUIDE_ID)).toEqual(expectedSteps().map(beforeShows));
    const image = await db().images.get(IMAGE_ID);
    expect(new Uint8Array(await image!.blob.arrayBuffer())).toEqual(JPEG);
  });

  it('still checks the new fields of untrusted bundles', async () => {
    const files = unzipSync(new Uint8Array(readFileSync(V1_BUNDLE)));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    const edit = (change: (step: Record<string, any>) => void) => {
      const copy = structuredClone(manifest);
      change(copy.guides[0].steps[3]);
      return new Blob([zipSync({ ...files, 'manifest.json': strToU8(JSON.stringify(copy)) }) as BlobPart]);
    };
    const refusals: [(step: Record<string, any>) => void, RegExp][] = [
      [(s) => (s.at = -1), /steps\.3\.at/],
      [(s) => (s.wholeScreen = 'yes'), /steps\.3\.wholeScreen/],
      [(s) => (s.health.state = 'haunted'), /steps\.3\.health\.state/],
      [(s) => (s.health.nameNow = 'x'.repeat(6000)), /steps\.3\.health\.nameNow/],
      [(s) => (s.action.target.place.container.role = 'r'.repeat(300)), /steps\.3\.action\.target\.place\.container\.role/],
      [(s) => (s.action = { kind: 'navigate', page: s.page, how: 'teleport' }), /steps\.3\.action\.how/],
    ];
    for (const [change, message] of refusals) {
      const error = await importBundle(edit(change)).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BundleError);
      expect((error as Error).message).toMatch(message);
    }
    expect(await db().steps.count()).toBe(0);
  });
});
