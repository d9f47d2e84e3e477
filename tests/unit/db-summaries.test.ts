// @vitest-environment node
/** Library summaries: the v1 → v2 migration fills them; every step write keeps them current. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import Dexie from 'dexie';
import { readFileSync } from 'node:fs';
import { db, WaymarkDatabase } from '@/lib/db/database';
import { saveStep } from '@/lib/db/steps';
import { createGuide, deleteGuide } from '@/lib/db/guides';
import { librarySummaries, newestSummaries, searchSummaries } from '@/lib/db/library';
import type { ActionStep } from '@/lib/steps/types';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/db/v1-library.json', import.meta.url), 'utf8'));

describe('library summaries', () => {
  beforeEach(async () => {
    await db().delete();
    await db().open();
  });

  it('are filled from the steps when a v1 database is upgraded', async () => {
    const name = `waymark-v1-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores({ guides: 'id, updatedAt, createdAt', steps: 'id, guideId, [guideId+order]', images: 'id, guideId' });
    await old.table('guides').bulkAdd(fixture.guides);
    await old.table('steps').bulkAdd(fixture.steps);
    old.close();

    const upgraded = new WaymarkDatabase(name);
    const summaries = await upgraded.summaries.toArray();
    expect(summaries.find((s) => s.guideId === 'g1')).toEqual({
      guideId: 'g1', stepCount: 3, thumbnailId: 'i2',
      text: 'click "new report"\nclick "submit"\ncheck the total first\nafterwards',
    });
    expect(summaries.find((s) => s.guideId === 'g2')).toEqual({ guideId: 'g2', stepCount: 0, thumbnailId: undefined, text: '' });
    upgraded.close();
    await Dexie.delete(name);
  });

  it('follow step writes and guide deletion, and search reads them in memory', async () => {
    const guide = await createGuide({ title: 'Travel' });
    const step: ActionStep = {
      id: 'a', guideId: guide.id, order: 0, kind: 'action', text: 'Click "Book flight"',
      action: { kind: 'click', target: { role: 'button', name: 'Book flight', tag: 'button', selectors: [] } },
      page: { url: 'https://x', title: 'X' }, shot: 'live', imageId: 'img', createdAt: 0, updatedAt: 0,
    };
    await saveStep(step);
    await vi.waitFor(async () => expect((await db().summaries.get(guide.id))?.stepCount).toBe(1));
    await db().steps.update('a', { text: 'Click "Book train"' });
    await vi.waitFor(async () => expect((await db().summaries.get(guide.id))?.text).toBe('click "book train"'));
    const all = await librarySummaries();
    expect(searchSummaries(all, 'TRAIN').map((s) => s.guide.id)).toEqual([guide.id]);
    expect(searchSummaries(all, 'travel').map((s) => s.stepCount)).toEqual([1]);
    expect(searchSummaries(all, 'flight')).toEqual([]);
    await deleteGuide(guide.id);
    await vi.waitFor(async () => expect(await db().summaries.get(guide.id)).toBeUndefined());
  });

  it('follow a write nested in a transaction that does not name the summaries (the recorder saves so)', async () => {
    const guide = await createGuide({ title: 'Recorded' });
    const errors = vi.spyOn(console, 'error');
    // saveStep's own transaction nested in the recorder's (lib/recording/placement.ts).
    await db().transaction('rw', db().guides, db().steps, db().images, async () => {
      await saveStep({ ...fixture.steps[0], id: 'in-tx', guideId: guide.id });
    });
    await vi.waitFor(async () => expect((await db().summaries.get(guide.id))?.stepCount).toBe(1));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });
  it('give the first screen: the newest guides with their summaries, and how many there are', async () => {
    await db().guides.bulkPut([1, 3, 2].map((n) => ({ id: `g${n}`, title: `G${n}`, intro: '', createdAt: n, updatedAt: n * 10, status: 'done' as const })));
    await db().summaries.bulkPut([{ guideId: 'g3', stepCount: 7, thumbnailId: 't3', text: 'x' }, { guideId: 'g2', stepCount: 2, text: 'y' }]);
    const { newest, total } = await newestSummaries(2);
    expect(total).toBe(3);
    expect(newest.map((s) => [s.guide.id, s.stepCount, s.thumbnailId])).toEqual([['g3', 7, 't3'], ['g2', 2, undefined]]);
    expect((await librarySummaries()).slice(0, 2)).toEqual(newest);
  });

  it('are made again for a guide written around Dexie (no summary yet)', async () => {
    const raw = db().backendDB();
    await new Promise((resolve, reject) => {
      const tx = raw.transaction(['guides', 'steps'], 'readwrite');
      tx.objectStore('guides').put({ id: 'raw', title: 'Raw', intro: '', createdAt: 0, updatedAt: 0, status: 'done' });
      tx.objectStore('steps').put({ ...fixture.steps[0], guideId: 'raw' });
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    expect((await librarySummaries()).find((s) => s.guide.id === 'raw')?.stepCount).toBe(0);
    await vi.waitFor(async () => expect((await librarySummaries()).find((s) => s.guide.id === 'raw')?.stepCount).toBe(1));
  });
});
