/** The walk's state in storage.session (the worker may stop mid-walk), one writer at a time. */
import { browser } from 'wxt/browser';
import { IDLE, type WalkSession } from './view';

const KEY = 'waymark.walk';

export async function readWalk(): Promise<WalkSession> {
  const stored = await browser.storage.session.get(KEY);
  return (stored[KEY] as WalkSession | undefined) ?? IDLE;
}

let queue: Promise<unknown> = Promise.resolve();
let changed: (walk: WalkSession) => void = () => undefined;

/** One observer of every written walk state (the controller's listeners follow it). */
export function onWalkChange(observer: (walk: WalkSession) => void): void {
  changed = observer;
}

/** Reads, changes and writes the walk; changes run in order, each on the previous result. */
export function updateWalk(change: (walk: WalkSession) => WalkSession | Promise<WalkSession>): Promise<WalkSession> {
  const next = queue.then(async () => {
    const updated = await change(await readWalk());
    await browser.storage.session.set({ [KEY]: updated });
    changed(updated);
    return updated;
  });
  queue = next.catch(() => undefined);
  return next;
}
