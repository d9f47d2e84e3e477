/**
 * One queue for `tabs.captureVisibleTab`. Chrome allows two calls per second
 * (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND); calls past that fail, so we space them and
 * retry on the quota error instead of losing a picture. Captures for an action's intent go
 * before settled-frame captures: the press leaves only ~100 ms before the page reacts.
 */
import { browser } from 'wxt/browser';
import { withTimeout } from '@/lib/with-timeout';

// Firefox has no such quota (its captureVisibleTab needs <all_urls>, which we hold): no spacing.
const MIN_INTERVAL_MS = import.meta.env.FIREFOX ? 0 : 505;
const MAX_ATTEMPTS = 4;
/** A capture that has not answered by then never will: give up, so later steps are not held. */
const CAPTURE_TIMEOUT_MS = 5_000;

export type CapturePriority = 'intent' | 'settled';

export interface CaptureOptions {
  priority?: CapturePriority;
  /**
   * Checked right before the call: false when the capture would show the wrong thing (the
   * recorded tab is no longer the active one, or shows another page), and then the capture
   * fails instead.
   */
  ready?: () => Promise<boolean>;
}

interface Job extends CaptureOptions {
  windowId: number;
  resolve: (dataUrl: string) => void;
  reject: (error: unknown) => void;
}

const jobs: Job[] = [];
let running = false;
let lastCallAt = 0;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds until the next capture may start, if the queue were empty. */
export function captureWaitMs(now = Date.now()): number {
  return Math.max(0, lastCallAt + MIN_INTERVAL_MS - now);
}

/** How long a new intent capture would wait: the quota, plus the intents already queued. */
export function intentWaitMs(now = Date.now()): number {
  const queued = jobs.filter((j) => j.priority === 'intent').length + (running ? 1 : 0);
  return captureWaitMs(now) + queued * MIN_INTERVAL_MS;
}

/** The next job: the oldest intent capture, else the oldest of the rest. */
export function nextJobIndex(priorities: readonly (CapturePriority | undefined)[]): number {
  const intent = priorities.indexOf('intent');
  return intent === -1 ? 0 : intent;
}

async function captureOnce(job: Job): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) await sleep(captureWaitMs());
    if (job.ready && !(await job.ready())) throw new Error('the tab no longer shows the page');
    lastCallAt = Date.now();
    try {
      return await withTimeout(browser.tabs.captureVisibleTab(job.windowId, { format: 'jpeg', quality: 82 }), CAPTURE_TIMEOUT_MS, 'captureVisibleTab');
    } catch (error) {
      const quota = /MAX_CAPTURE|quota|per second/i.test(String(error));
      if (!quota || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

async function pump(): Promise<void> {
  if (running) return;
  running = true;
  try {
    while (jobs.length > 0) {
      // Wait for the quota first, then pick: an intent that arrived meanwhile goes first.
      await sleep(captureWaitMs());
      const [job] = jobs.splice(nextJobIndex(jobs.map((j) => j.priority)), 1);
      await captureOnce(job!).then(job!.resolve, job!.reject);
    }
  } finally {
    running = false;
  }
}

/** Captures the visible tab of a window; one call at a time, intents first. */
export function captureVisible(windowId: number, options: CaptureOptions = {}): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    jobs.push({ windowId, ...options, resolve, reject });
    void pump();
  });
}
