/**
 * The protocol's runtime (its types are lib/messages.ts): which messages exist, and how one is
 * sent to the background or to a tab's content scripts. Answering them: lib/message-checks.ts
 * (the background, offscreen document and extension pages) and each page script's listener.
 */
import { browser } from 'wxt/browser';
import { withTimeout } from '@/lib/with-timeout';
import type { Message, MessageType, Response } from '@/lib/messages';

/** Every message type once: the compiler refuses a missing or an extra one. */
const TYPES = {
  'recording.start': true,
  'recording.pause': true,
  'recording.resume': true,
  'recording.stop': true,
  'recording.status': true,
  'recording.undo': true,
  'recording.discard': true,
  'recording.open-guide': true,
  'capture.action': true,
  'capture.settled': true,
  'capture.intent': true,
  'capture.error': true,
  'recorder.count': true,
  'recorder.report': true,
  'context.page': true,
  'recorder.state': true,
  'privacy.context-target': true,
  'recorder.flush': true,
  'recorder.bar': true,
  'recorder.conceal': true,
  'render.page': true,
  'stream.start': true,
  'stream.stop': true,
  'stream.frame': true,
  'walk.start': true,
  'walk.status': true,
  'walk.skip': true,
  'walk.back': true,
  'walk.stop': true,
  'walk.hello': true,
  'walk.view': true,
  'walk.performed': true,
  'walk.health': true,
  'walk.recapture': true,
  'walk.conceal': true,
  'walk.undo-recapture': true,
} satisfies Record<MessageType, true>;

/**
 * Messages arrive from other contexts: a known type before anything else. Their payloads
 * are checked where they enter the background (lib/message-checks.ts).
 */
export function isMessage(value: unknown): value is Message {
  return typeof value === 'object' && value !== null && 'type' in value && isMessageType(value.type);
}

function isMessageType(type: unknown): type is MessageType {
  return typeof type === 'string' && Object.hasOwn(TYPES, type);
}

/** Sends a request to the background. */
export function send<T extends MessageType>(message: Message<T>): Promise<Response<T>> {
  return browser.runtime.sendMessage(message) as Promise<Response<T>>;
}

/**
 * How long a page has to answer. A document that is going away (a form submitted, a link
 * followed) may never answer: Firefox keeps such a call open until the old page is collected,
 * and a caller that waited for it would hold everything queued behind it.
 */
export const TAB_ANSWER_MS = 3_000;

/**
 * Sends a request to the content scripts of a tab (all frames, or only `frameId`). Never
 * throws: a tab without a listener, an API that throws at once, or a page that has not
 * answered within `within` ms answers `undefined`.
 */
export function sendToTab<T extends MessageType>(
  tabId: number,
  message: Message<T>,
  frameId?: number,
  within = TAB_ANSWER_MS,
): Promise<Response<T> | undefined> {
  const options = frameId === undefined ? undefined : { frameId };
  try {
    const answer = browser.tabs.sendMessage(tabId, message, options) as Promise<Response<T>>;
    return withTimeout(answer, within, message.type).catch(() => undefined);
  } catch {
    return Promise.resolve(undefined);
  }
}
