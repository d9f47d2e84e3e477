/**
 * The recording service's messages: who may send each (lib/recording/senders.ts), and which
 * module answers it. The background only wires this to the browser.
 */
import { browser } from 'wxt/browser';
import type { Message, Sender } from '@/lib/messages';
import * as controls from './controls';
import * as recorder from './recorder';
import { recordOnce } from './outbox';
import { ACTION_NOT_RECORDED, stepNotSaved } from './bar-status';
import { allowedFrom, isExtensionPage } from './senders';
import { readSession, tabsOf } from './session';

/** Extension pages may send anything; content scripts only what senders.ts allows. */
async function allowed(message: Message, sender: Sender): Promise<boolean> {
  const extension = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  if (isExtensionPage(sender, extension.id, extension.origin)) return true;
  const session = await readSession();
  return allowedFrom(message, sender, extension, tabsOf(session), session.lastTabs);
}

export function routeRecordingMessage(message: Message, sender: Sender): Promise<unknown> {
  return allowed(message, sender).then((ok) => (ok ? answer(message, sender) : { error: 'Not allowed from this sender.' }));
}

function answer(message: Message, sender: Sender): Promise<unknown> | undefined {
  const tabId = sender.tab?.id;
  const frameId = sender.frameId ?? 0;
  switch (message.type) {
    case 'recording.start':
      return controls.start(message);
    case 'recording.pause':
      return controls.pause();
    case 'recording.resume':
      return controls.resume();
    case 'recording.stop':
      return controls.stop();
    case 'recording.status':
      return controls.status();
    case 'recording.undo':
      return controls.undo();
    case 'recording.discard':
      return controls.discard();
    case 'recording.open-guide':
      return controls.openGuide(message.guideId);
    case 'capture.action':
      if (tabId === undefined) return undefined;
      return recordOnce({ tabId, frameId }, message, message.outboxId).then((ok) => ({ ok }));
    case 'context.page':
      return controls.pageContext(tabId, message.excerpt).then(() => ({ ok: true }));
    case 'capture.settled':
      if (tabId === undefined) return undefined;
      return recorder.pageSettled(tabId, frameId, message).then(() => ({ ok: true }));
    case 'capture.intent':
      if (tabId === undefined) return undefined;
      return recorder.actionIntent(tabId, frameId, message, message.eventAt).then(() => ({ ok: true }));
    case 'capture.error':
      // The page-side message goes to the worker's log only: the user sees a fixed sentence.
      console.warn('Waymark: recorder failed in a page:', message.message);
      return stepNotSaved(ACTION_NOT_RECORDED).then(() => ({ ok: true }));
    default:
      return undefined;
  }
}
