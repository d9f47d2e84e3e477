/**
 * An action is first written to the extension's own storage, then sent. If the service
 * worker was asleep and the page navigates away before it wakes (a click on a link), the
 * message dies with the page — the written copy does not, and the background picks it up
 * when it starts (lib/recording/outbox.ts). Extension storage is invisible to the page.
 */
import { browser } from 'wxt/browser';
import { send, type ActionContext } from '@/lib/messages';
import type { Action } from '@/lib/steps/types';
import { newId } from '@/lib/ids';

export const OUTBOX_PREFIX = 'waymark.outbox.';

export async function post(action: Action, context: ActionContext): Promise<unknown> {
  // Not crypto.randomUUID: it is missing on plain-http pages (insecure contexts).
  const outboxId = newId();
  // Written before it is sent, so the background never sees the message before the copy.
  await browser.storage.local.set({ [OUTBOX_PREFIX + outboxId]: { action, context } }).catch(() => undefined);
  return send({ type: 'capture.action', action, context, outboxId }).catch(() => undefined);
}
