/**
 * Chooses the picture for an action: the settled frame when the page has not changed since
 * it was taken (a true pre-action picture), else a live capture, else the latest frame.
 * A step is never dropped for lack of a picture, and each step says which it got
 * (`step.shot`), so the share of clean pre-action pictures can be measured.
 */
import { browser } from 'wxt/browser';
import type { Box, ShotSource, Viewport } from '@/lib/steps/types';
import { sendToTab } from '@/lib/messages';
import { blurBoxes } from './blur';
import { captureVisible, captureWaitMs } from './capture-queue';
import { encodeCapture, type EncodedImage } from './encode';
import {
  allSecretBoxes, cleanFrame, latestFrame, noteReport, rememberFrame, reportedPage, samePage,
  type PageState,
} from './frame-cache';

export interface Picture {
  image?: EncodedImage;
  shot: ShotSource;
}

/** What a frame of the page reported about the moment of the picture. */
export interface Moment {
  url: string;
  changeCount: number;
  viewport?: Viewport;
  /** Boxes to blur before the picture is kept anywhere, even in memory. */
  secretBoxes: Box[];
}

/** A burst of actions faster than Chrome's 2 captures/s: past this wait, reuse the latest frame. */
const MAX_QUEUE_WAIT_MS = 150;

const inflight = new Map<number, { page: PageState; done: Promise<unknown> }>();

async function captureTab(tabId: number, page: PageState): Promise<EncodedImage> {
  const tab = await browser.tabs.get(tabId);
  if (!tab.active || tab.windowId === undefined) throw new Error('tab not visible');
  // The in-page bar is hidden while the tab is captured, so it never appears in a guide.
  await sendToTab(tabId, { type: 'recorder.conceal', hidden: true }, 0);
  let dataUrl: string;
  try {
    dataUrl = await captureVisible(tab.windowId);
  } finally {
    void sendToTab(tabId, { type: 'recorder.conceal', hidden: false }, 0);
  }
  const image = await encodeCapture(dataUrl);
  return blurBoxes(image, allSecretBoxes(page), page[0]?.viewport);
}

/** A frame of the tab has settled: take a picture for later actions to use. Safe to call often. */
export async function takeSettledFrame(tabId: number, frameId: number, moment: Moment): Promise<void> {
  noteReport(tabId, frameId, moment);
  const page = reportedPage(tabId);
  const latest = latestFrame(tabId);
  if (latest && samePage(latest.page, page)) return;
  const current = inflight.get(tabId);
  if (current && samePage(current.page, page)) return void (await current.done);
  const done = captureTab(tabId, page)
    .then((image) => rememberFrame({ tabId, page, image, takenAt: Date.now() }))
    .catch(() => undefined)
    .finally(() => {
      if (inflight.get(tabId)?.done === done) inflight.delete(tabId);
    });
  inflight.set(tabId, { page, done });
  await done;
}

const RETRY_MS = 250;

export async function pictureForAction(tabId: number, frameId: number, moment: Moment): Promise<Picture> {
  const { url, changeCount } = moment;
  const pending = inflight.get(tabId);
  if (pending && pending.page[frameId]?.changeCount === changeCount && pending.page[frameId]?.url === url) {
    await pending.done;
  }
  const clean = cleanFrame(tabId, frameId, url, changeCount);
  if (clean) return { image: clean.image, shot: 'settled' };
  const latest = latestFrame(tabId);
  // In a burst, waiting for the queue would delay every later step: the latest frame will do.
  if (latest && captureWaitMs() > MAX_QUEUE_WAIT_MS) return { image: latest.image, shot: 'fallback' };
  const page = { ...reportedPage(tabId), [frameId]: moment };
  try {
    return { image: await captureTab(tabId, page), shot: 'live' };
  } catch {
    if (latest) return { image: latest.image, shot: 'fallback' };
  }
  // Nothing to fall back on (a worker that just woke up): a tab in the middle of loading can
  // refuse a capture, so try once more before leaving the step without a picture.
  await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
  try {
    return { image: await captureTab(tabId, page), shot: 'live' };
  } catch {
    return { shot: 'none' };
  }
}
