// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db/database';
import { createGuide, deleteGuide, listGuides } from '@/lib/db/guides';
import { countSteps, nextOrder, saveStep, stepsOf } from '@/lib/db/steps';
import type { ActionStep } from '@/lib/steps/types';

function step(guideId: string, order: number, imageId?: string): ActionStep {
  return {
    id: crypto.randomUUID(),
    guideId,
    order,
    kind: 'action',
    action: { kind: 'click', target: { role: 'button', name: `B${order}`, tag: 'button', selectors: [] } },
    text: `Click "B${order}"`,
    page: { url: 'https://x', title: 'X' },
    shot: 'live',
    imageId,
    createdAt: order,
    updatedAt: order,
  };
}

describe('database', () => {
  beforeEach(async () => {
    await db().delete();
    await db().open();
  });

  it('lists guides newest first', async () => {
    await createGuide({ title: 'old', createdAt: 1 });
    await createGuide({ title: 'new', createdAt: 2 });
    expect((await listGuides()).map((g) => g.title)).toEqual(['new', 'old']);
  });

  it('keeps steps in order and stores screenshots as Blobs', async () => {
    const guide = await createGuide();
    expect(await nextOrder(guide.id)).toBe(0);
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'image/jpeg' });
    await saveStep(step(guide.id, 1, 'img1'), { id: 'img1', guideId: guide.id, blob, width: 1, height: 1 });
    await saveStep(step(guide.id, 0));
    expect(await nextOrder(guide.id)).toBe(2);
    expect((await stepsOf(guide.id)).map((s) => s.order)).toEqual([0, 1]);
    expect(await countSteps(guide.id)).toBe(2);
    const image = await db().images.get('img1');
    expect(image?.blob).toBeInstanceOf(Blob);
  });

  it('deletes a guide with its steps and images', async () => {
    const guide = await createGuide();
    const other = await createGuide();
    const blob = new Blob(['x']);
    await saveStep(step(guide.id, 0, 'i'), { id: 'i', guideId: guide.id, blob, width: 1, height: 1 });
    await saveStep(step(other.id, 0));
    await deleteGuide(guide.id);
    expect(await db().steps.count()).toBe(1);
    expect(await db().images.count()).toBe(0);
    expect(await db().guides.count()).toBe(1);
  });
});
