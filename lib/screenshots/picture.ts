/**
 * Chooses the picture for an action: the settled frame when the page has not changed since
 * it was taken (a true pre-action picture), else a live capture, else the latest frame.
 * A step is never dropped for lack of a picture.
 */
import { browser } from 'wxt/browser';
import type { Box, ShotSource, Viewport } from '@/lib/steps/types';
import { blurBoxes } from './blur';
import { captureVisible } from './capture-queue';
import { encodeCapture, type EncodedImage } from './encode';
import { cleanFrame, latestFrame, rememberFrame } from './frame-cache';

export interface Picture {
  image?: EncodedImage;
  shot: ShotSource;
}

const inflight = new Map<number, { changeCount: number; url: string; done: Promise<unknown> }>();

/** What the page reported about the moment of the picture. */
export interface Moment {
  url: string;
  changeCount: number;
  viewport?: Viewport;
  /** Boxes to blur before the picture is kept anywhere, even in memory. */
  secretBoxes: Box[];
}

async function captureTab(tabId: number, moment: Moment): Promise<EncodedImage> {
  const tab = await browser.tabs.get(tabId);
  if (!tab.active || tab.windowId === undefined) throw new Error('tab not visible');
  const image = await encodeCapture(await captureVisible(tab.windowId));
  return blurBoxes(image, moment.secretBoxes, moment.viewport);
}

/** Takes a settled frame for later actions to use. Safe to call often. */
export async function takeSettledFrame(tabId: number, moment: Moment): Promise<void> {
  const { url, changeCount } = moment;
  const current = inflight.get(tabId);
  if (current && current.changeCount === changeCount && current.url === url) return;
  const done = captureTab(tabId, moment)
    .then((image) => rememberFrame({ tabId, url, changeCount, image, takenAt: Date.now() }))
    .catch(() => undefined)
    .finally(() => {
      if (inflight.get(tabId)?.done === done) inflight.delete(tabId);
    });
  inflight.set(tabId, { changeCount, url, done });
  await done;
}

export async function pictureForAction(tabId: number, moment: Moment): Promise<Picture> {
  const { url, changeCount } = moment;
  const pending = inflight.get(tabId);
  if (pending && pending.changeCount === changeCount && pending.url === url) await pending.done;
  const clean = cleanFrame(tabId, url, changeCount);
  if (clean) return { image: clean.image, shot: 'settled' };
  try {
    return { image: await captureTab(tabId, moment), shot: 'live' };
  } catch {
    const latest = latestFrame(tabId);
    return latest ? { image: latest.image, shot: 'fallback' } : { shot: 'none' };
  }
}
