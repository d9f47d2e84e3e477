/**
 * Judging a step's picture by its pixels (its `shot` label can be wrong): counts the stored
 * image's pixels of a colour, or reads its bytes (for OCR), in an extension page from
 * Waymark's IndexedDB. Shared by the e2e specs and the bench (tests/bench/figures/pictures.ts).
 */
import type { Page } from 'playwright-core';

export type Rgb = [number, number, number];

/** The drawer that "Open drawer" opens in tests/fixtures/recorder/clicks.html. */
export const CLICKS_DRAWER_YELLOW: Rgb = [0xfd, 0xe6, 0x8a];

/** Pixels of the stored image `imageId` within `tolerance` of `colour` on each channel. */
export async function countColour(extensionPage: Page, imageId: string, colour: Rgb, tolerance = 24): Promise<number> {
  return (await countColours(extensionPage, imageId, [colour], tolerance))[0]!;
}

/** `countColour` for several colours, the image decoded once. */
export function countColours(extensionPage: Page, imageId: string, colours: Rgb[], tolerance = 24): Promise<number[]> {
  return extensionPage.evaluate(
    async ({ id, colours, tolerance: t }) => {
      const blob = await new Promise<Blob>((resolve, reject) => {
        const open = indexedDB.open('waymark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('images').objectStore('images').get(id);
          request.onsuccess = () => resolve((request.result as { blob: Blob }).blob);
          request.onerror = () => reject(request.error);
        };
      });
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
      return colours.map(([r, g, b]) => {
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i]! - r) <= t && Math.abs(data[i + 1]! - g) <= t && Math.abs(data[i + 2]! - b) <= t) count++;
        }
        return count;
      });
    },
    { id: imageId, colours, tolerance },
  );
}

type Moment = { url: string; changeCount: number };
/** A settled frame as the background keeps it (lib/screenshots/frame-cache.ts), without its image. */
export interface SettledFrameRow {
  tabId: number;
  clean: boolean;
  takenAt: number;
  page: Record<number, Moment>;
}

/** The settled frames Waymark holds, one per tab, read from its database. */
export async function settledFrames(extensionPage: Page): Promise<SettledFrameRow[]> {
  return extensionPage.evaluate(
    () =>
      new Promise<SettledFrameRow[]>((resolve) => {
        const open = indexedDB.open('waymark-frames');
        open.onerror = () => resolve([]);
        open.onupgradeneeded = () => open.result.createObjectStore('settled');
        open.onsuccess = () => {
          const request = open.result.transaction('settled').objectStore('settled').getAll();
          request.onsuccess = () => {
            resolve((request.result as SettledFrameRow[]).map(({ tabId, clean, takenAt, page }) => ({ tabId, clean, takenAt, page })));
            open.result.close();
          };
          request.onerror = () => resolve([]);
        };
      }),
  );
}

/**
 * True when Waymark holds a settled frame that it knows is clean. Given a tab: that tab's
 * frame, and only while it shows the page as it is now, every frame of it: each frame that
 * has a recorder is in the picture, at the change count its recorder gives now (asked as the
 * background asks after a capture). The next action on a quiet page is pictured from it.
 */
export async function cleanSettledFrame(extensionPage: Page, tabId?: number): Promise<boolean> {
  const frames = await settledFrames(extensionPage);
  return extensionPage.evaluate(async ({ tabId, frames }) => {
    const clean = frames.filter((f) => f.clean && (tabId === undefined || f.tabId === tabId));
    if (tabId === undefined || !clean[0]) return clean.length > 0;
    const taken = clean[0].page;
    const frameIds = new Set([
      ...Object.keys(taken).map(Number),
      ...((await chrome.webNavigation.getAllFrames({ tabId })) ?? []).map((f) => f.frameId),
    ]);
    for (const frameId of frameIds) {
      const message = { type: 'recorder.count' };
      const now = (await chrome.tabs.sendMessage(tabId, message, { frameId }).catch(() => undefined)) as Moment | undefined;
      // A frame without a recorder (not recorded, or nothing to record in it) has nothing to match.
      if (!now && !taken[frameId]) continue;
      if (now?.url !== taken[frameId]?.url || now?.changeCount !== taken[frameId]?.changeCount) return false;
    }
    return true;
  }, { tabId, frames });
}

/** One stored picture's bytes, read from Waymark's IndexedDB by id. */
export async function storedImage(extensionPage: Page, imageId: string): Promise<Buffer> {
  const base64 = await extensionPage.evaluate(
    (id) =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('waymark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('images').objectStore('images').get(id);
          request.onerror = () => reject(request.error);
          request.onsuccess = async () => {
            open.result.close();
            const bytes = new Uint8Array(await (request.result as { blob: Blob }).blob.arrayBuffer());
            let binary = '';
            for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
            resolve(btoa(binary));
          };
        };
      }),
    imageId,
  );
  return Buffer.from(base64, 'base64');
}
