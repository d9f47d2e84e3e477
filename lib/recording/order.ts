/**
 * Puts actions back in the order they happened. Each frame of a page is its own process, so
 * a field edit committed in an iframe when the user clicks the top page can reach us after
 * that click. Where that can happen, actions wait a moment here and leave sorted by when they
 * happened; then they are saved one at a time, each written before the next is handled.
 */
export const HOLD_MS = 150;

interface Waiting {
  at: number;
  /** When it may leave: arrival plus its hold. */
  due: number;
  run: () => Promise<void>;
  done: (error?: unknown) => void;
}

const waiting: Waiting[] = [];
let chain: Promise<unknown> = Promise.resolve();
const outstanding = new Set<Promise<void>>();

let timer: ReturnType<typeof setTimeout> | undefined;

function release(): void {
  const now = Date.now();
  while (waiting.length > 0 && waiting[0]!.due <= now) {
    const item = waiting.shift()!;
    const job = chain.then(item.run);
    chain = job.catch(() => undefined);
    job.then(() => item.done(), (error: unknown) => item.done(error));
  }
  // Timers may fire a millisecond early, and the head may have arrived after the timer was
  // set: always wake up again for whatever still waits, or a step would wait for the next action.
  clearTimeout(timer);
  timer = waiting.length > 0 ? setTimeout(release, Math.max(1, waiting[0]!.due - now)) : undefined;
}

/**
 * Runs `run` after every action that happened before `at` (and arrived in time). `holdMs` is
 * how long another process may still be sending an earlier action: 0 when only one frame of
 * the page reports actions, so a lone page's steps are saved at once.
 */
export function inOrder(at: number, run: () => Promise<void>, holdMs = HOLD_MS): Promise<void> {
  const promise = new Promise<void>((resolve, reject) => {
    const arrived = Date.now();
    const item: Waiting = { at: Math.min(at, arrived), due: arrived + holdMs, run, done: (e) => (e ? reject(e) : resolve()) };
    const index = waiting.findIndex((w) => w.at > item.at);
    waiting.splice(index === -1 ? waiting.length : index, 0, item);
    release();
  });
  outstanding.add(promise);
  const forget = () => outstanding.delete(promise);
  promise.then(forget, forget);
  return promise;
}

/** Resolves when every action received so far is saved (or failed). */
export async function allSaved(): Promise<void> {
  while (outstanding.size > 0) await Promise.allSettled([...outstanding]);
}
