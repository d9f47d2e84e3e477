/**
 * The other end of lib/capture/outbox.ts: each action arrives twice — as a message and as a
 * copy in storage.local — and is recorded once. A copy whose message never came (the page
 * left while the worker slept) is recorded when the worker starts.
 *
 * A copy belongs to the recording that ran when its action happened: recordings never overlap,
 * so an action from before the current recording's start (or with no recording running) is
 * from a finished one, and is dropped instead of landing in another guide. A copy is deleted
 * only once its step is saved; one whose step failed stays for the next start.
 */
import { browser } from 'wxt/browser';
import type { ActionContext } from '@/lib/messages';
import type { Action } from '@/lib/steps/types';
import { OUTBOX_PREFIX } from '@/lib/capture/outbox';
import { readSession, type Session } from './session';

const claimed = new Set<string>();

/** True the first time an id is claimed in this worker (its message or its copy, not both). */
export function claim(outboxId: string): boolean {
  if (claimed.has(outboxId)) return false;
  claimed.add(outboxId);
  return true;
}

/** The step of this copy is saved (or the copy is stale): delete it. */
export function settle(outboxId: string): Promise<void> {
  return browser.storage.local.remove(OUTBOX_PREFIX + outboxId).catch(() => undefined);
}

export interface Entry {
  action: Action;
  context: ActionContext;
}

/** Does a stored copy belong to the recording running now? */
export function belongsTo(entry: Entry, session: Session): boolean {
  if (session.state === 'idle' || session.startedAt === undefined) return false;
  return (entry.context.at ?? 0) >= session.startedAt;
}

type Record = (tabId: number, frameId: number, action: Action, context: ActionContext) => Promise<boolean>;

/** Records the copies left behind by the current recording, in its tab; drops the others. */
export async function drainOutbox(record: Record): Promise<void> {
  const stored = await browser.storage.local.get(null);
  const session = await readSession();
  for (const [key, value] of Object.entries(stored)) {
    const outboxId = key.slice(OUTBOX_PREFIX.length);
    if (!key.startsWith(OUTBOX_PREFIX) || !claim(outboxId)) continue;
    const entry = value as Entry;
    if (!belongsTo(entry, session) || session.tabId === undefined) {
      void settle(outboxId);
      continue;
    }
    void record(session.tabId, 0, entry.action, entry.context).then((saved) => (saved ? settle(outboxId) : undefined));
  }
}
