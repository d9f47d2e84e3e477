/**
 * The other end of lib/capture/outbox.ts: each action arrives twice — as a message and as a
 * copy in storage.local — and is recorded once. A copy whose message never came (the page
 * left while the worker slept) is recorded when the worker starts.
 */
import { browser } from 'wxt/browser';
import type { ActionContext } from '@/lib/messages';
import type { Action } from '@/lib/steps/types';
import { OUTBOX_PREFIX } from '@/lib/capture/outbox';
import { readSession } from './session';

const claimed = new Set<string>();

/** True the first time an id is claimed in this worker; removes its stored copy. */
export function claim(outboxId: string): boolean {
  if (claimed.has(outboxId)) return false;
  claimed.add(outboxId);
  void browser.storage.local.remove(OUTBOX_PREFIX + outboxId);
  return true;
}

type Record = (tabId: number, frameId: number, action: Action, context: ActionContext) => Promise<void>;

/** Records the copies left behind, in the tab being recorded. */
export async function drainOutbox(record: Record): Promise<void> {
  const stored = await browser.storage.local.get(null);
  const session = await readSession();
  for (const [key, value] of Object.entries(stored)) {
    if (!key.startsWith(OUTBOX_PREFIX) || !claim(key.slice(OUTBOX_PREFIX.length))) continue;
    const { action, context } = value as { action: Action; context: ActionContext };
    if (session.state === 'recording' && session.tabId !== undefined) void record(session.tabId, 0, action, context);
  }
}
