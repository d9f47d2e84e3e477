/**
 * Keeps the service worker alive while a recording runs: Chrome stops a worker after ~30 s
 * without extension events, and a live worker answers the next click faster. Any extension
 * API call resets that timer. This is on top of, not instead of, the persisted picture state
 * (lib/screenshots/frame-cache.ts): a worker can still be stopped (updates, memory pressure).
 */
import { browser } from 'wxt/browser';
import { readSession } from './session';

const BEAT_MS = 20_000;
let timer: ReturnType<typeof setInterval> | undefined;

/** Called on recording activity; beats until the session is no longer recording. */
export function keepAlive(): void {
  if (timer) return;
  timer = setInterval(() => {
    void readSession().then((session) => {
      if (session.state !== 'idle') return;
      clearInterval(timer);
      timer = undefined;
    });
  }, BEAT_MS);
}
