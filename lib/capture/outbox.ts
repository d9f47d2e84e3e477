/**
 * An action is first written to the extension's own storage, then sent. If the page leaves
 * before the message reaches the background (a click on a link, the worker asleep), the
 * message dies with the page — the written copy does not, and the background records it once
 * the page is gone (lib/recording/outbox.ts). Extension storage is invisible to the page.
 *
 * An edit still being typed is kept there too, as a draft under the id its final copy will
 * have: a tab closed mid-typing can no longer send anything, but its draft is already stored.
 */
import { browser } from 'wxt/browser';
import type { ActionContext } from '@/lib/messages';
import { send } from '@/lib/messaging';
import type { Action } from '@/lib/steps/types';
import { newId } from '@/lib/ids';

export const OUTBOX_PREFIX = 'waymark.outbox.';

/** A stored copy. A draft is an edit not finished yet: recorded only if its page is gone. */
export interface OutboxEntry {
  action: Action;
  context: ActionContext;
  draft?: boolean;
}

/** Not crypto.randomUUID: it is missing on plain-http pages (insecure contexts). */
export const newOutboxId = (): string => newId();

export async function post(action: Action, context: ActionContext, outboxId = newOutboxId()): Promise<unknown> {
  // Written before it is sent, so the background never sees the message before the copy.
  await store(outboxId, { action, context });
  return send({ type: 'capture.action', action, context, outboxId }).catch(() => undefined);
}

/** Keeps the unfinished edit's latest state; its final `post` replaces it. */
export function saveDraft(outboxId: string, action: Action, context: ActionContext): Promise<void> {
  return store(outboxId, { action, context, draft: true });
}

/** The edit came to nothing (the value is back as it was): no draft to keep. */
export function dropDraft(outboxId: string): Promise<void> {
  return browser.storage.local.remove(OUTBOX_PREFIX + outboxId).catch(() => undefined);
}

function store(outboxId: string, entry: OutboxEntry): Promise<void> {
  return browser.storage.local.set({ [OUTBOX_PREFIX + outboxId]: entry }).catch(() => undefined);
}
