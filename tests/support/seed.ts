/**
 * Seeds a guide straight into Waymark's IndexedDB from an extension page, with real JPEG
 * screenshots drawn in the page (OffscreenCanvas). For tests that need a guide shaped in a
 * way recording cannot make yet (annotations, sections, hundreds of steps).
 *
 * Each picture shows a page-like layout: a header bar, a labelled button and, in its bottom
 * right quarter (x and y from 0.5 to 1), a fine black-and-white checkerboard, so a test can
 * tell blurred pixels (flat) from untouched ones (busy).
 */
import type { Page } from 'playwright-core';
import type { Guide, Step } from '@/lib/steps/types';

/** A step to seed: any Step fields (kind defaults to 'action'); `image: false` for none. */
export type SeedStep = Partial<Step> & Record<string, unknown> & { text: string; image?: boolean };

export interface SeedOptions {
  title: string;
  intro?: string;
  steps: SeedStep[];
  /** Pixel size of each screenshot (default 1280×800). */
  imageSize?: { width: number; height: number };
  guide?: Partial<Guide>;
}

export interface Seeded {
  guideId: string;
  stepIds: string[];
}

/** `page` must be an extension page (e.g. editor.html) whose app has opened the database. */
export async function seedGuide(page: Page, options: SeedOptions): Promise<Seeded> {
  return page.evaluate(async ({ title, intro, steps, imageSize, guide }) => {
    const { width, height } = imageSize ?? { width: 1280, height: 800 };
    const now = Date.now();
    const guideId = crypto.randomUUID();

    async function picture(label: string): Promise<Blob> {
      const canvas = new OffscreenCanvas(width, height);
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#f4f6fa';
      ctx.fillRect(0, 0, width, height);
      ctx.fillStyle = '#2b3a67';
      ctx.fillRect(0, 0, width, height * 0.08);
      ctx.fillStyle = '#3755d6';
      ctx.fillRect(width * 0.1, height * 0.2, width * 0.25, height * 0.08);
      ctx.fillStyle = '#fff';
      ctx.font = `${Math.round(height * 0.04)}px sans-serif`;
      ctx.fillText(label, width * 0.11, height * 0.255, width * 0.23);
      const tile = new OffscreenCanvas(4, 4);
      const t = tile.getContext('2d')!;
      t.fillStyle = '#fff';
      t.fillRect(0, 0, 4, 4);
      t.fillStyle = '#000';
      t.fillRect(0, 0, 2, 2);
      t.fillRect(2, 2, 2, 2);
      ctx.fillStyle = ctx.createPattern(tile, 'repeat')!;
      ctx.fillRect(width / 2, height / 2, width / 2, height / 2);
      return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    }

    // Records go in together, as the app writes them: an editor page's clean-up of unused
    // images must never see an image whose step is not written yet.
    function put(db: IDBDatabase, records: [string, unknown][]): Promise<void> {
      return new Promise((resolve, reject) => {
        const tx = db.transaction([...new Set(records.map(([store]) => store))], 'readwrite');
        for (const [store, value] of records) tx.objectStore(store).put(value);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }

    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('waymark');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const stepIds: string[] = [];
    try {
      await put(db, [['guides', { id: guideId, title, intro: intro ?? '', createdAt: now, updatedAt: now, status: 'done', ...guide }]]);
      for (const [order, spec] of steps.entries()) {
        const { image, ...fields } = spec;
        const id = crypto.randomUUID();
        const kind = (fields.kind as string | undefined) ?? 'action';
        const step: Record<string, unknown> = { id, guideId, order, kind, createdAt: now + order, updatedAt: now + order, ...fields };
        const records: [string, unknown][] = [];
        if (kind === 'action') {
          step.action ??= {
            kind: 'click',
            target: { role: 'button', name: spec.text, tag: 'button', selectors: ['button'] },
            point: { x: width * 0.2, y: height * 0.24 },
          };
          step.page ??= { url: 'https://example.test/app', title: 'App' };
          step.viewport ??= { width, height, dpr: 1 };
          step.shot ??= 'settled';
          if (image !== false) {
            const imageId = crypto.randomUUID();
            const blob = await picture(`Step ${order + 1}`);
            records.push(['images', { id: imageId, guideId, blob, width, height }]);
            step.imageId = imageId;
          }
        }
        records.push(['steps', step]);
        await put(db, records);
        stepIds.push(id);
      }
    } finally {
      db.close();
    }
    return { guideId, stepIds };
  }, options);
}
