/**
 * The editor's undo history: a zustand store of applied changes (screen state only; the
 * guide itself lives in Dexie). Every command goes through `perform`, one at a time, so
 * each one sees the data the previous one wrote.
 */
import { create } from 'zustand';
import { applyChange, inverse, type Change } from './changes';

/** Enough for a long session; the oldest entries fall off first. */
const LIMIT = 1000;

interface HistoryState {
  past: Change[];
  future: Change[];
  /** The last write that failed (disk full…), shown until the next one succeeds. */
  error?: string;
}

export const useHistory = create<HistoryState>(() => ({ past: [], future: [] }));

let tail: Promise<unknown> = Promise.resolve();
function serial<T>(task: () => Promise<T>): Promise<T> {
  const run = tail.then(task, task);
  tail = run.catch(() => undefined);
  return run;
}

/** Text boxes with typing not yet written register here, so undo first writes it. */
const flushers = new Set<() => void>();
export function registerFlusher(flush: () => void): () => void {
  flushers.add(flush);
  return () => flushers.delete(flush);
}
function flushTyping(): void {
  for (const flush of [...flushers]) flush();
}

export function describeError(error: unknown): string {
  const names = [error, (error as { inner?: unknown })?.inner].map((e) => (e as { name?: string })?.name);
  if (names.includes('QuotaExceededError')) {
    return 'Your disk is full, so the last change was not saved. Free some space and try again; the guide is as it was before that change.';
  }
  return `The last change was not saved: ${error instanceof Error ? error.message : String(error)}`;
}

/** Builds a change from the current data, writes it and records it for undo. */
export function perform(build: () => Promise<Change | null> | Change | null): Promise<boolean> {
  return serial(async () => {
    const change = await build();
    if (!change || change.records.length === 0) return false;
    try {
      await applyChange(change);
    } catch (error) {
      useHistory.setState({ error: describeError(error) });
      return false;
    }
    useHistory.setState((s) => ({ past: [...s.past, change].slice(-LIMIT), future: [], error: undefined }));
    return true;
  });
}

async function step(from: 'past' | 'future'): Promise<void> {
  flushTyping();
  await serial(async () => {
    const list = useHistory.getState()[from];
    const change = list.at(-1);
    if (!change) return;
    try {
      await applyChange(from === 'past' ? inverse(change) : change);
    } catch (error) {
      useHistory.setState({ error: describeError(error) });
      return;
    }
    const to = from === 'past' ? 'future' : 'past';
    useHistory.setState((s) => ({ [from]: s[from].slice(0, -1), [to]: [...s[to], change], error: undefined }));
  });
}

export const undo = () => step('past');
export const redo = () => step('future');

/** Resolves once every queued write is done (tests and "leave page" use it). */
export function settled(): Promise<void> {
  return serial(async () => undefined);
}
