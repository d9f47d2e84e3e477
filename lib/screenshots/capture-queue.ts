/**
 * One serial queue for `tabs.captureVisibleTab`. Chrome allows two calls per second
 * (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND); calls past that fail, so we space them and
 * retry on the quota error instead of losing a picture.
 */
import { browser } from 'wxt/browser';

// Firefox has no such quota (its captureVisibleTab needs <all_urls>, which we hold): no spacing.
const MIN_INTERVAL_MS = import.meta.env.FIREFOX ? 0 : 505;
const MAX_ATTEMPTS = 4;
/** A capture that has not answered by then never will: give up, so later steps are not held. */
const CAPTURE_TIMEOUT_MS = 5_000;

let tail: Promise<unknown> = Promise.resolve();
let lastCallAt = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds until the next capture may start, if the queue were empty. */
export function captureWaitMs(now = Date.now()): number {
  return Math.max(0, lastCallAt + MIN_INTERVAL_MS - now);
}

async function captureOnce(windowId: number): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    await sleep(captureWaitMs());
    lastCallAt = Date.now();
    try {
      return await withTimeout(browser.tabs.captureVisibleTab(windowId, { format: 'jpeg', quality: 82 }), CAPTURE_TIMEOUT_MS);
    } catch (error) {
      const quota = /MAX_CAPTURE|quota|per second/i.test(String(error));
      if (!quota || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`captureVisibleTab gave no answer in ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Captures the visible tab of a window; calls run one at a time, in order. */
export function captureVisible(windowId: number): Promise<string> {
  const result = tail.then(() => captureOnce(windowId));
  tail = result.catch(() => undefined);
  return result;
}
