/**
 * Watches, from an extension page, the moment each step of a guide becomes readable in
 * IndexedDB together with its screenshot row. The background's Dexie announces every
 * committed write on a BroadcastChannel (the same signal that makes the editor update live);
 * on each one we read the database with raw IndexedDB and stamp what is new. Timers of hidden
 * tabs are throttled to 1 s, messages are not, so this stays exact while the recorded tab is
 * in front. A slow poll backs the channel up.
 *
 * The functions below run in the browser (page.evaluate): they must not use anything from
 * this module's scope.
 */
import type { Page } from 'playwright-core';

export interface SeenStep {
  id: string;
  order: number;
  kind?: string;
  shot?: string;
  imageId?: string;
  hasImage: boolean;
  createdAt: number;
  /** Date.now() in the watcher when the step and its image were first readable. */
  seenAt: number;
}

interface WatchState {
  seen: SeenStep[];
  stop(): void;
}

declare global {
  interface Window {
    __stepWatch?: WatchState;
  }
}

export async function startStepWatch(page: Page, guideId: string): Promise<void> {
  await page.evaluate(async (guideId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('waymark');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const known = new Set<string>();
    const seen: SeenStep[] = [];
    let reading = false;
    let again = false;
    const read = () => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      const tx = db.transaction(['steps', 'images'], 'readonly');
      const images = tx.objectStore('images');
      const request = tx.objectStore('steps').index('guideId').getAll(guideId);
      request.onsuccess = () => {
        for (const step of request.result as Array<Record<string, any>>) {
          if (known.has(step.id)) continue;
          known.add(step.id);
          const entry: SeenStep = {
            id: step.id,
            order: step.order,
            kind: step.action?.kind,
            shot: step.shot,
            imageId: step.imageId,
            hasImage: false,
            createdAt: step.createdAt,
            seenAt: 0,
          };
          if (!step.imageId) {
            entry.seenAt = Date.now();
            seen.push(entry);
            continue;
          }
          const count = images.count(step.imageId);
          count.onsuccess = () => {
            entry.hasImage = count.result > 0;
            entry.seenAt = Date.now();
            seen.push(entry);
          };
        }
      };
      tx.oncomplete = tx.onerror = () => {
        reading = false;
        if (again) {
          again = false;
          read();
        }
      };
    };
    const channel = new BroadcastChannel('x-storagemutated-1');
    channel.onmessage = read;
    const poll = setInterval(read, 250);
    read();
    window.__stepWatch = {
      seen,
      stop() {
        channel.close();
        clearInterval(poll);
      },
    };
  }, guideId);
}

export function seenSteps(page: Page): Promise<SeenStep[]> {
  return page.evaluate(() => [...(window.__stepWatch?.seen ?? [])].sort((a, b) => a.order - b.order));
}

/** Waits (polling from Node) until `count` steps have been seen. */
/** Waits until `count` steps (of `kind`, when given) are seen; returns every step seen. */
export async function waitForSeen(page: Page, count: number, timeoutMs: number, kind?: string): Promise<SeenStep[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const seen = await seenSteps(page);
    const counted = kind ? seen.filter((s) => s.kind === kind).length : seen.length;
    if (counted >= count || Date.now() > deadline) return seen;
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function stopStepWatch(page: Page): Promise<void> {
  await page.evaluate(() => window.__stepWatch?.stop());
}

/** Stored bytes of a guide: every image Blob plus each step record as JSON. */
export function storedBytes(page: Page, guideId: string): Promise<{ steps: number; imageBytes: number; dataBytes: number; sizes: string[] }> {
  return page.evaluate(async (guideId) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('waymark');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const all = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store, 'readonly').objectStore(store).index('guideId').getAll(guideId);
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error);
      });
    const steps = await all<Record<string, unknown>>('steps');
    const images = await all<{ blob: Blob; width: number; height: number }>('images');
    db.close();
    return {
      steps: steps.length,
      imageBytes: images.reduce((sum, i) => sum + i.blob.size, 0),
      dataBytes: steps.reduce((sum, s) => sum + new Blob([JSON.stringify(s)]).size, 0),
      sizes: [...new Set(images.map((i) => `${i.width}×${i.height}`))],
    };
  }, guideId);
}
