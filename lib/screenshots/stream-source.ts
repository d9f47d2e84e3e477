/**
 * The offscreen document's side of the tab stream (Chromium; entrypoints/offscreen/): a live
 * video stream of each recorded tab the background asks for, its recent frames in a ring
 * (stream-frames.ts decides which to keep), and the frame from before a moment, secrets blurred
 * before it leaves this document. See the README, "Pre-action screenshots": the tab stream.
 */
import { browser } from 'wxt/browser';
import type { Message, Response, Sender } from '@/lib/messages';
import { isMessage } from '@/lib/messaging';
import type { PageState } from './choice';
import { pageBoxes, pixelateBoxes } from './blur';
import { frameBefore, trimRing, type StreamFrame } from './stream-frames';

/** Chromium's reader of a video track's frames (not in TypeScript's DOM library). */
declare class MediaStreamTrackProcessor {
  constructor(init: { track: MediaStreamTrack });
  readonly readable: ReadableStream<VideoFrame>;
}

interface TabStream {
  media: MediaStream;
  ring: StreamFrame<VideoFrame>[];
  seq: number;
}

const streams = new Map<number, TabStream>();
/** Per tab, the latest start or stop: a start that a stop (or another start) overtook while it waited for its stream lets it go. */
const generations = new Map<number, number>();
const nextGeneration = (tabId: number) => {
  const generation = (generations.get(tabId) ?? 0) + 1;
  generations.set(tabId, generation);
  return generation;
};

/** The clock every document of the browser shares (a page's event times are on it too). */
const now = () => performance.timeOrigin + performance.now();

/** How far ahead of this document's clock an event may seem before the clocks are taken to disagree. */
const CLOCK_SLACK_MS = 5;

/** A frame rate well above what a press leaves (80–150 ms): a frame comes 10–36 ms after a change. */
const MAX_FRAME_RATE = 30;

async function start(tabId: number, streamId: string, width: number, height: number): Promise<void> {
  stop(tabId);
  const generation = nextGeneration(tabId);
  // Chromium's form of constraints for a tab capture stream id (not in the standard types).
  const video = { mandatory: { chromeMediaSource: 'tab', chromeMediaSourceId: streamId, maxWidth: width, maxHeight: height, maxFrameRate: MAX_FRAME_RATE } };
  const media = await navigator.mediaDevices.getUserMedia({ audio: false, video } as MediaStreamConstraints);
  const track = media.getVideoTracks()[0];
  if (generations.get(tabId) !== generation || !track) {
    for (const t of media.getTracks()) t.stop();
    throw new Error(track ? 'stopped while starting' : 'no video track');
  }
  const stream: TabStream = { media, ring: [], seq: 0 };
  streams.set(tabId, stream);
  void keepFrames(tabId, stream, track);
}

/** Stamps each frame as it arrives and closes the ones the ring lets go, until the stream ends. */
async function keepFrames(tabId: number, stream: TabStream, track: MediaStreamTrack): Promise<void> {
  const reader = new MediaStreamTrackProcessor({ track }).readable.getReader();
  for (;;) {
    const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
    if (done || !value) break;
    if (streams.get(tabId) !== stream) {
      value.close();
      break;
    }
    stream.ring.push({ arrivedAt: now(), seq: ++stream.seq, frame: value });
    const { kept, closed } = trimRing(stream.ring, now());
    stream.ring = kept;
    for (const entry of closed) entry.frame.close();
  }
  void reader.cancel().catch(() => undefined);
  // The track ended on its own (the tab's renderer gone, capture revoked): its last frame must
  // not stand for every later moment. Without a stream the background captures instead.
  if (streams.get(tabId) === stream) stop(tabId);
}

function stop(tabId: number): void {
  nextGeneration(tabId);
  const stream = streams.get(tabId);
  if (!stream) return;
  streams.delete(tabId);
  for (const track of stream.media.getTracks()) track.stop();
  for (const entry of stream.ring) entry.frame.close();
}

/** The frame from before `eventAt`, drawn at once (the ring may close it at the next frame), blurred, encoded. */
async function frameAt(tabId: number, eventAt: number, pages: PageState[]): Promise<Response<'stream.frame'>> {
  // A moment after this document's now: the two processes' clocks disagree (they are each set
  // once, and a sleep or a clock change can part them); no frame can be trusted to precede it.
  if (eventAt > now() + CLOCK_SLACK_MS) return undefined;
  const ring = streams.get(tabId)?.ring;
  const entry = ring && frameBefore(ring, eventAt);
  if (!entry) return undefined;
  const { displayWidth: width, displayHeight: height } = entry.frame;
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(entry.frame, 0, 0, width, height);
  for (const page of pages) pixelateBoxes(ctx, pageBoxes(page), page[0]?.viewport);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.82 });
  return { dataUrl: await dataUrlOf(blob), width, height };
}

/** Messages between extension contexts are JSON: the picture travels as a data URL. */
function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** Only the background may start streams or take their pictures: every extension page hears these messages. */
function fromBackground(sender: Sender): boolean {
  return sender.id === browser.runtime.id && sender.url === browser.runtime.getURL('/background.js');
}

function answer(message: Message): Promise<unknown> | undefined {
  switch (message.type) {
    case 'stream.start':
      return start(message.tabId, message.streamId, message.width, message.height).then(
        () => ({ ok: true }),
        (error: unknown) => {
          console.warn('Waymark: no stream of the tab', error);
          return { ok: false };
        },
      );
    case 'stream.stop':
      stop(message.tabId);
      return Promise.resolve({ ok: true });
    case 'stream.frame':
      return frameAt(message.tabId, message.eventAt, message.pages).catch(() => undefined);
    default:
      return undefined;
  }
}

/**
 * A listener of its own, not the background's (message-checks.ts): every extension context
 * hears every message, and only the background's stream.* requests are this document's to answer.
 */
export function serveStreams(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    if (!isMessage(message) || !message.type.startsWith('stream.') || !fromBackground(sender)) return undefined;
    const reply = answer(message);
    if (!reply) return undefined;
    void reply.then(sendResponse, () => sendResponse(undefined));
    return true;
  });
}
