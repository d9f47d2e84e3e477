/**
 * Wraps the recorder's event handlers. An exception never reaches the page, and is never
 * silent either: the background is told, and shows the user that an action may be missing. In a bench build (`WXT_BENCH=1 wxt build`) each
 * handler run also becomes one `waymark:handler` performance measure so `npm run bench` can
 * measure the synchronous work per event; production builds leave them out, since the page
 * can read its own performance timeline.
 */
import { send } from '@/lib/messaging';

const BENCH = import.meta.env.WXT_BENCH === '1';

/** Messages already reported from this page: a handler failing on every event reports once. */
const reported = new Set<string>();

/** A recorder bug must never break the page, nor drop an action without anyone knowing. */
export function reportFailure(error: unknown): void {
  console.debug('Waymark: event not recorded', error);
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 200);
  if (reported.has(message)) return;
  reported.add(message);
  void send({ type: 'capture.error', message }).catch(() => undefined);
}

/** Wraps a recorder event listener: guarded, and timed in a bench build. */
export function measured<E extends Event>(handler: (event: E) => void): (event: E) => void {
  const safe = guarded(handler);
  if (!BENCH) return safe;
  // One measure from a start time, no mark: the instrument's own cost stays out of the CPU figure.
  return (event) => {
    const start = performance.now();
    safe(event);
    performance.measure('waymark:handler', { start });
  };
}

/** Any other page-side callback (the settle timer, DOMContentLoaded): failures reported, not thrown. */
export function guarded<A extends unknown[]>(callback: (...args: A) => void): (...args: A) => void {
  return (...args) => {
    try {
      callback(...args);
    } catch (error) {
      reportFailure(error);
    }
  };
}

/** Work waiting for the current event's handlers to end, by its timer. */
const waiting = new Map<ReturnType<typeof setTimeout>, () => void>();

/** Runs `work` after the current event's handlers (and the page's), isolated like a handler. */
export function afterHandler(work: () => void): void {
  const run = guarded(work);
  const timer = setTimeout(() => {
    waiting.delete(timer);
    run();
  }, 0);
  waiting.set(timer, run);
}

/**
 * The page is being left: work still waiting for its timer runs now, in order. A hidden tab's
 * timers are throttled (about once a second), so a link clicked there would otherwise leave
 * the page before its action is even written down.
 */
export function runWaitingWork(): void {
  // Work that this work schedules (a route change reported before a click) runs too.
  for (let next = waiting.entries().next(); !next.done; next = waiting.entries().next()) {
    const [timer, run] = next.value;
    clearTimeout(timer);
    waiting.delete(timer);
    run();
  }
}
