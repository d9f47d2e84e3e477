// @vitest-environment node
/**
 * Export pictures made ahead and kept: keyed by what is drawn, made once, read by the next
 * export, made again after an edit, deleted when no step asks for them; the v2 → v3 upgrade.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { db, WaymarkDatabase } from '@/lib/db/database';
import type { ActionStep, StoredImage } from '@/lib/steps/types';

const rendered = vi.hoisted(() => ({ count: 0, failFor: '' }));
// Node has no OffscreenCanvas: the renderer is replaced by one that counts its calls.
vi.mock('@/lib/export/render-shot', () => ({
  renderShot: async (_blob: Blob, step: ActionStep) => {
    if (step.id === rendered.failFor) throw new Error('undecodable picture');
    rendered.count++;
    return { blob: new Blob([`drawn ${step.id} ${rendered.count}`], { type: 'image/webp' }), width: 960, height: 600 };
  },
}));

const { exportPicture, prepareRenditions, renditionKey, PRINT_PICTURE, SCREEN_PICTURE } = await import('@/lib/export/renditions');

const image: StoredImage = { id: 'i1', guideId: 'g', blob: new Blob(['jpeg'], { type: 'image/jpeg' }), width: 1280, height: 800 };

function click(id: string, imageId = 'i1'): ActionStep {
  const target = { role: 'button', name: 'Save', tag: 'button', selectors: ['#save'], box: { x: 600, y: 400, width: 80, height: 30 } };
  return {
    id, guideId: 'g', order: 0, kind: 'action', text: 'Click "Save"', createdAt: 0, updatedAt: 0, shot: 'settled', imageId,
    action: { kind: 'click', target, point: { x: 640, y: 415 } },
    page: { url: 'https://app.test/', title: 'App' }, viewport: { width: 1280, height: 800, dpr: 1 },
  };
}

describe('export renditions', () => {
  beforeEach(async () => {
    rendered.count = 0;
    rendered.failFor = '';
    await db().delete();
    await db().open();
    await db().images.bulkPut([image, { ...image, id: 'i2' }, { ...image, id: 'i3' }]);
  });

  it('are keyed by what is drawn and how, not by the sentence or the note', async () => {
    const step = click('s1');
    const key = renditionKey('i1', step, SCREEN_PICTURE);
    expect(renditionKey('i1', { ...step, text: 'Press "Save"', note: 'Then wait' }, SCREEN_PICTURE)).toBe(key);
    const differs = [
      renditionKey('i1', step, PRINT_PICTURE),
      renditionKey('i2', step, SCREEN_PICTURE),
      renditionKey('i1', { ...step, wholeScreen: true }, SCREEN_PICTURE),
      renditionKey('i1', { ...step, crop: { x: 0, y: 0, width: 0.5, height: 0.5 } }, SCREEN_PICTURE),
      renditionKey('i1', { ...step, marker: { hidden: true } }, SCREEN_PICTURE),
      renditionKey('i1', { ...step, annotations: [{ id: 'a', kind: 'blur', box: { x: 0, y: 0, width: 0.1, height: 0.1 } }] }, SCREEN_PICTURE),
    ];
    for (const other of differs) expect(other).not.toBe(key);
  });

  it('never hold a typed value in their key (a redaction must not leave it on disk)', () => {
    const target = { role: 'textbox', name: 'Merchant', tag: 'input', selectors: ['#m'], box: { x: 1, y: 2, width: 3, height: 4 } };
    const typed = (value: string): ActionStep => ({ ...click('s1'), action: { kind: 'type', target, value, masked: false } });
    const key = renditionKey('i1', typed('Blue Bottle'), SCREEN_PICTURE);
    expect(key).not.toContain('Blue Bottle');
    expect(renditionKey('i1', typed('••••'), SCREEN_PICTURE)).toBe(key);
  });

  it('are made once and read by the next export', async () => {
    const step = click('s1');
    const first = await exportPicture(image, step, SCREEN_PICTURE);
    const second = await exportPicture(image, step, SCREEN_PICTURE);
    expect(rendered.count).toBe(1);
    expect(await second.blob.text()).toBe(await first.blob.text());
    expect(second).toMatchObject({ width: 960, height: 600 });
  });

  it('are prepared for every pictured step, made again after an edit, and the stale ones deleted', async () => {
    const steps = [click('s1'), { ...click('s2', 'i2'), hideImage: true }, click('s3', 'i3')];
    expect(await prepareRenditions('g', steps, new AbortController().signal)).toBe(true);
    expect(rendered.count).toBe(4); // two steps shown, HTML and print each
    expect(await db().renditions.count()).toBe(4);

    // Nothing new to make: a second pass reads nothing and draws nothing.
    await prepareRenditions('g', steps, new AbortController().signal);
    expect(rendered.count).toBe(4);

    const edited = [{ ...steps[0]!, wholeScreen: true }, steps[1]!, steps[2]!];
    await prepareRenditions('g', edited, new AbortController().signal);
    expect(rendered.count).toBe(6);
    expect(await db().renditions.count()).toBe(4);
    const screen = await exportPicture(image, edited[0]!, SCREEN_PICTURE);
    expect(rendered.count).toBe(6);
    expect(await screen.blob.text()).toMatch(/^drawn s1 [56]$/);
  });

  it('go on past a picture that cannot be drawn, which the export is left to draw', async () => {
    rendered.failFor = 's1';
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await prepareRenditions('g', [click('s1'), click('s3', 'i3')], new AbortController().signal)).toBe(true);
    expect(rendered.count).toBe(2);
    expect(warn).toHaveBeenCalledTimes(2);
    warn.mockRestore();
  });

  it('are kept only for the formats made ahead (Markdown draws its full-size pictures each time)', async () => {
    await exportPicture(image, click('s1'), { maxWidth: 1600 });
    await exportPicture(image, click('s1'), { maxWidth: 1600 });
    expect(rendered.count).toBe(2);
    expect(await db().renditions.count()).toBe(0);
  });

  it('made for a guide that was split become the new guide\'s, without drawing them again', async () => {
    await prepareRenditions('g', [click('s1')], new AbortController().signal);
    const split = { ...click('s1'), guideId: 'g2' };
    await prepareRenditions('g2', [split], new AbortController().signal);
    expect(rendered.count).toBe(2);
    expect((await db().renditions.toArray()).map((r) => r.guideId)).toEqual(['g2', 'g2']);
  });

  it('stop when aborted, deleting nothing', async () => {
    const controller = new AbortController();
    await exportPicture(image, { ...click('s1'), wholeScreen: true }, SCREEN_PICTURE);
    controller.abort();
    expect(await prepareRenditions('g', [click('s1')], controller.signal)).toBe(false);
    expect(await db().renditions.count()).toBe(1);
  });

  it('go with the images no step uses and with their guide', async () => {
    await exportPicture(image, click('s1'), SCREEN_PICTURE);
    const { removeUnusedImages } = await import('@/lib/db/images');
    await removeUnusedImages();
    expect(await db().renditions.count()).toBe(0);
    // Also those whose image was deleted by someone else (a guide deleted with undo).
    await db().images.put(image);
    await db().steps.put(click('s1'));
    await exportPicture(image, click('s1'), SCREEN_PICTURE);
    await db().images.delete('i1');
    await removeUnusedImages();
    expect(await db().renditions.count()).toBe(0);
  });

  it('start empty when a v2 database is upgraded, its data kept', async () => {
    const name = `waymark-v2-${Math.random()}`;
    const old = new Dexie(name);
    old.version(2).stores({ guides: 'id, updatedAt, createdAt', steps: 'id, guideId, [guideId+order]', images: 'id, guideId', summaries: 'guideId' });
    await old.table('guides').add({ id: 'g', title: 'Old', createdAt: 0, updatedAt: 0, status: 'done' });
    await old.table('steps').add(click('s1'));
    await old.table('summaries').add({ guideId: 'g', stepCount: 1, thumbnailId: 'i1', text: 'click "save"' });
    old.close();

    const upgraded = new WaymarkDatabase(name);
    expect(await upgraded.renditions.count()).toBe(0);
    expect(await upgraded.steps.get('s1')).toMatchObject({ text: 'Click "Save"' });
    expect(await upgraded.summaries.get('g')).toMatchObject({ stepCount: 1 });
    expect(upgraded.verno).toBe(3);
    upgraded.close();
    await Dexie.delete(name);
  });
});
