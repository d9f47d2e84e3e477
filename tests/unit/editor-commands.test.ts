// @vitest-environment node
/**
 * Editor commands over a real (fake-indexeddb) Dexie: each one does its edit, undo puts back
 * exactly the records that were there, redo does it again, and a failed write changes nothing.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/database';
import { createGuide } from '@/lib/db/guides';
import { saveStep, stepsOf } from '@/lib/db/steps';
import { removeUnusedImages } from '@/lib/db/images';
import {
  deleteStep, duplicateStep, editGuide, editStep, insertStep, mergeIntoPrevious, moveStep, replaceImage, splitGuide,
} from '@/lib/editor/commands';
import { deleteGuide, duplicateGuide } from '@/lib/editor/guide-commands';
import { perform, redo, undo, useHistory } from '@/lib/editor/history';
import type { ActionStep, Step } from '@/lib/steps/types';

async function seed(count = 3) {
  const guide = await createGuide({ title: 'Guide', status: 'done' });
  for (let i = 0; i < count; i++) {
    const step: ActionStep = {
      id: `s${i}`, guideId: guide.id, order: i, kind: 'action', text: `Click "B${i}"`,
      action: { kind: 'click', target: { role: 'button', name: `B${i}`, tag: 'button', selectors: [] } },
      page: { url: 'https://x', title: 'X' }, shot: 'live', imageId: `i${i}`, createdAt: i, updatedAt: i,
    };
    await saveStep(step, { id: `i${i}`, guideId: guide.id, blob: new Blob([`img${i}`]), width: 10, height: 10 });
  }
  return guide.id;
}

const texts = async (guideId: string) => (await stepsOf(guideId)).map((s) => s.text);
/** Everything in the database, to compare states exactly (minus the "last change" clock). */
async function snapshot() {
  const d = db();
  const guides = (await d.guides.toArray()).map((g) => ({ ...g, updatedAt: 0 }));
  const images = (await d.images.toArray()).map((i) => ({ ...i, blob: i.blob.size }));
  return { guides, steps: await d.steps.orderBy('id').toArray(), images };
}

describe('editor commands with undo', () => {
  beforeEach(async () => {
    await db().delete();
    await db().open();
    useHistory.setState({ past: [], future: [], error: undefined });
  });

  it('edits a sentence, undoes to the exact old step, redoes', async () => {
    const g = await seed();
    const before = await snapshot();
    await perform(() => editStep('s1', { text: 'Open the settings' }, 'Edit'));
    expect(await texts(g)).toEqual(['Click "B0"', 'Open the settings', 'Click "B2"']);
    await undo();
    expect(await snapshot()).toEqual(before);
    await redo();
    expect(await texts(g)).toEqual(['Click "B0"', 'Open the settings', 'Click "B2"']);
  });

  it('moves a step up and down by one record, and back on undo', async () => {
    const g = await seed();
    await perform(() => moveStep(g, 's2', 0, 'Move'));
    expect(await texts(g)).toEqual(['Click "B2"', 'Click "B0"', 'Click "B1"']);
    await perform(() => moveStep(g, 's0', 2, 'Move'));
    expect(await texts(g)).toEqual(['Click "B2"', 'Click "B1"', 'Click "B0"']);
    await undo();
    await undo();
    expect(await texts(g)).toEqual(['Click "B0"', 'Click "B1"', 'Click "B2"']);
  });

  it('deletes a step; its image stays until no step uses it; undo brings the step back with its image', async () => {
    const g = await seed();
    const before = await snapshot();
    await perform(() => deleteStep('s1', 'Delete'));
    expect(await texts(g)).toEqual(['Click "B0"', 'Click "B2"']);
    expect(await db().images.get('i1')).toBeDefined();
    await undo();
    expect(await snapshot()).toEqual(before);
    await redo();
    // A later editor page (no history) removes the image nobody uses.
    expect(await removeUnusedImages()).toBe(1);
    expect(await db().images.get('i1')).toBeUndefined();
    expect(await db().images.count()).toBe(2);
  });

  it('duplicates, inserts a heading and a tip, merges into the previous step', async () => {
    const g = await seed(2);
    await perform(() => duplicateStep('s0', 'Dup'));
    expect(await texts(g)).toEqual(['Click "B0"', 'Click "B0"', 'Click "B1"']);
    await perform(() => insertStep(g, undefined, 'heading', 'Heading'));
    await perform(() => insertStep(g, 's1', 'tip', 'Tip'));
    const kinds = (await stepsOf(g)).map((s: Step) => (s.kind === 'callout' ? s.tone : s.kind));
    expect(kinds).toEqual(['heading', 'action', 'action', 'action', 'tip']);
    await perform(() => mergeIntoPrevious(g, 's1', 'Merge'));
    expect((await stepsOf(g)).map((s) => s.text)).toEqual(['', 'Click "B0"', 'Click "B0" Click "B1"', '']);
    await undo();
    expect((await stepsOf(g)).map((s) => s.text)).toEqual(['', 'Click "B0"', 'Click "B0"', 'Click "B1"', '']);
  });

  it('splits a guide with the images of the moved steps, and joins it again on undo', async () => {
    const g = await seed(4);
    const before = await snapshot();
    await perform(() => splitGuide(g, 's2', 'Split'));
    const other = (await db().guides.toArray()).find((x) => x.id !== g)!;
    expect(other.title).toBe('Guide (part 2)');
    expect(await texts(other.id)).toEqual(['Click "B2"', 'Click "B3"']);
    expect((await db().images.where('guideId').equals(other.id).primaryKeys()).sort()).toEqual(['i2', 'i3']);
    await undo();
    expect(await snapshot()).toEqual(before);
  });

  it('replaces a screenshot with a new stored image; undo points back at the old one', async () => {
    await seed(1);
    await perform(() => replaceImage('s0', { blob: new Blob(['new']), width: 20, height: 10 }, 'Replace'));
    const step = (await db().steps.get('s0')) as ActionStep;
    expect(step.imageId).not.toBe('i0');
    expect((await db().images.get(step.imageId!))?.width).toBe(20);
    await undo();
    expect(((await db().steps.get('s0')) as ActionStep).imageId).toBe('i0');
  });

  it('renames, duplicates and deletes whole guides, undoably', async () => {
    const g = await seed(2);
    await perform(() => editGuide(g, { title: 'Expenses' }, 'Rename'));
    await perform(() => duplicateGuide(g, 'Duplicate'));
    const copy = (await db().guides.toArray()).find((x) => x.id !== g)!;
    expect(copy.title).toBe('Expenses (copy)');
    expect(await texts(copy.id)).toEqual(['Click "B0"', 'Click "B1"']);
    const copied = (await stepsOf(copy.id)) as ActionStep[];
    expect(copied.every((s) => s.imageId && !['i0', 'i1'].includes(s.imageId))).toBe(true);
    const before = await snapshot();
    await perform(() => deleteGuide(g, 'Delete'));
    expect(await db().guides.count()).toBe(1);
    expect(await db().images.where('guideId').equals(g).count()).toBe(0);
    await undo();
    expect(await snapshot()).toEqual(before);
  });

  it('a write that fails (disk full) leaves the data and history as they were, with a clear message', async () => {
    const g = await seed(2);
    const before = await snapshot();
    const full = () => {
      throw Object.assign(new Error('quota'), { name: 'QuotaExceededError' });
    };
    db().steps.hook('creating', full);
    db().steps.hook('updating', full);
    expect(await perform(() => mergeIntoPrevious(g, 's1', 'Merge'))).toBe(false);
    db().steps.hook('creating').unsubscribe(full);
    db().steps.hook('updating').unsubscribe(full);
    expect(await snapshot()).toEqual(before);
    expect(useHistory.getState().past).toHaveLength(0);
    expect(useHistory.getState().error).toMatch(/disk is full/);
  });

  it('does nothing (and records nothing) for a no-op', async () => {
    await seed(1);
    expect(await perform(() => editStep('s0', { text: 'Click "B0"' }, 'Same'))).toBe(false);
    expect(useHistory.getState().past).toHaveLength(0);
  });
});

describe('undo of a rename during a recording', () => {
  it('restores the title only, not the status the recorder set meanwhile', async () => {
    await db().delete();
    await db().open();
    const guide = await createGuide({ title: 'Rec', status: 'recording' });
    await perform(() => editGuide(guide.id, { title: 'Renamed' }, 'Rename'));
    await db().guides.update(guide.id, { status: 'done' });
    await undo();
    expect(await db().guides.get(guide.id)).toMatchObject({ title: 'Rec', status: 'done' });
  });
});
