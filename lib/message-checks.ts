/**
 * The shape of every request the background receives, one zod schema per message type, and
 * the background's listener that checks it before any handler runs: automation callers,
 * extension pages and content scripts in hostile pages all send plain objects, and a
 * malformed one gets an `{error}` naming the field instead of failing deep in a handler.
 * Kept apart from lib/messages.ts so zod stays out of the scripts injected into pages.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { Assert, Equals } from '@/lib/same-type';
import type { Message, MessageType, Protocol, Sender } from './messages';
import { isMessage } from './messaging';

/** Sent only by the background to its own content scripts or offscreen document, which answer nothing else: no check. */
const FROM_BACKGROUND = 'from-background';

const none = z.object({});
const box = z.object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() });
const viewport = z.object({ width: z.number(), height: z.number(), dpr: z.number() });
const pageInfo = z.object({ url: z.string(), title: z.string() });
const path = z.array(z.number());

const target = z.object({
  role: z.string(),
  name: z.string(),
  tag: z.string(),
  selectors: z.array(z.string()),
  text: z.string().optional(),
  framePath: path.optional(),
  box: box.optional(),
  place: z
    .object({
      index: z.number(),
      count: z.number(),
      container: z.object({ role: z.string(), name: z.string().optional() }).optional(),
    })
    .optional(),
  shows: z.string().optional(),
});

const action = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('click'), target, point: z.object({ x: z.number(), y: z.number() }).optional() }),
  z.object({ kind: z.literal('type'), target, value: z.string(), masked: z.boolean() }),
  z.object({ kind: z.literal('select'), target, option: z.string() }),
  z.object({ kind: z.literal('check'), target, checked: z.boolean() }),
  z.object({ kind: z.literal('choose'), target, group: z.string().optional() }),
  z.object({ kind: z.literal('key'), target: target.optional(), key: z.string() }),
  z.object({
    kind: z.literal('navigate'),
    page: pageInfo,
    how: z.enum(['start', 'load', 'route', 'back-forward']).optional(),
    startedAt: z.number().optional(),
  }),
]);

const frame = z.object({
  path: path.optional(),
  anchor: path.optional(),
  children: z.array(z.object({ index: z.number(), box })).optional(),
});

const frameReport = frame.extend({
  changeCount: z.number(),
  url: z.string(),
  viewport,
  secretBoxes: z.array(box),
  doc: z.string().optional(),
});

const actionContext = z.object({
  changeCount: z.number(),
  at: z.number().optional(),
  viewport,
  title: z.string(),
  url: z.string(),
  frame: frame.optional(),
  doc: z.string().optional(),
});

const stepId = z.object({ stepId: z.string() });

/** Every message type (the compiler refuses a missing or an extra one) and its request's shape. */
const REQUESTS = {
  'recording.start': z.object({ tabId: z.number(), guideId: z.string().optional(), afterStepId: z.string().optional() }),
  'recording.pause': none,
  'recording.resume': none,
  'recording.stop': none,
  'recording.status': none,
  'recording.open-guide': z.object({ guideId: z.string().optional() }),
  'recording.undo': none,
  'recording.discard': none,
  'capture.action': z.object({ action, context: actionContext, outboxId: z.string().optional() }),
  'capture.settled': frameReport,
  'capture.intent': frameReport.extend({ at: z.number(), eventAt: z.number().optional() }),
  'capture.error': z.object({ message: z.string() }),
  'context.page': z.object({ excerpt: z.string() }),
  'recorder.count': FROM_BACKGROUND,
  'recorder.report': FROM_BACKGROUND,
  'recorder.state': FROM_BACKGROUND,
  'privacy.context-target': FROM_BACKGROUND,
  'recorder.flush': FROM_BACKGROUND,
  'recorder.bar': FROM_BACKGROUND,
  'recorder.conceal': FROM_BACKGROUND,
  'render.page': FROM_BACKGROUND,
  'stream.start': FROM_BACKGROUND,
  'stream.stop': FROM_BACKGROUND,
  'stream.frame': FROM_BACKGROUND,
  'walk.start': z.object({ guideId: z.string(), tabId: z.number() }),
  'walk.status': none,
  'walk.skip': none,
  'walk.back': none,
  'walk.stop': none,
  'walk.hello': none,
  'walk.view': FROM_BACKGROUND,
  'walk.performed': stepId,
  'walk.health': stepId.extend({ verdict: z.enum(['found', 'changed', 'missing']), name: z.string().optional() }),
  'walk.recapture': z.discriminatedUnion('phase', [
    stepId.extend({ phase: z.literal('arm'), useNewSentence: z.boolean() }),
    stepId.extend({ phase: z.literal('action'), action, page: pageInfo, viewport, frame: frame.optional() }),
    z.object({ phase: z.literal('cancel') }),
  ]),
  'walk.conceal': FROM_BACKGROUND,
  'walk.undo-recapture': stepId,
} satisfies Record<MessageType, z.ZodType | typeof FROM_BACKGROUND>;

/** The protocol writes "no payload" as `object`; its schema, `none`, as an object with no keys. */
type Payload<T> = Equals<T, object> extends true ? z.infer<typeof none> : T;
type Flat<T> = T extends unknown ? { [K in keyof T]: T[K] } : never;
/** The message types whose schema and protocol entry disagree: none, or tsc fails. */
type Drifted = {
  [K in MessageType]: (typeof REQUESTS)[K] extends z.ZodType<infer Shape>
    ? Equals<Flat<Shape>, Flat<Payload<Protocol[K]['req']>>> extends true
      ? never
      : K
    : never;
}[MessageType];
export type RequestsMatchProtocol = Assert<Equals<Drifted, never>>;

/** Why a message does not have its type's shape (its fields named), or undefined when it does. */
export function malformed(message: Message): string | undefined {
  const schema = REQUESTS[message.type];
  if (schema === FROM_BACKGROUND) return undefined;
  const result = schema.safeParse(message);
  if (result.success) return undefined;
  const issue = result.error.issues[0];
  return `Malformed ${message.type} message: ${issue?.path.join('.') || 'message'}: ${issue?.message ?? 'unexpected content'}`;
}

type Handler = (message: Message, sender: Sender) => Promise<unknown> | undefined;

/**
 * Registers the background's handler, called with well-formed messages only. It returns a
 * promise for messages it answers, `undefined` for others. Uses `sendResponse` +
 * `return true`, which both Chrome and Firefox honour.
 */
export function onMessage(handler: Handler): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender, sendResponse) => {
    if (!isMessage(raw)) return undefined;
    const problem = malformed(raw);
    const reply = problem ? Promise.resolve({ error: problem }) : handler(raw, sender);
    if (!reply) return undefined;
    reply.then(sendResponse, (error: unknown) =>
      sendResponse({ error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  });
}
