/**
 * The background's side of the tab stream (Chromium): while a tab the user invoked Waymark on
 * is recorded, an offscreen document keeps a live video stream of it (stream-source.ts), and an
 * action's picture is the stream's frame from before its event (stream-frames.ts), so no press
 * is too short and no page too busy, and Chrome's two captures a second do not apply.
 * Where no stream can be had (Firefox, a tab a recorded tab opened, a stream refused) the
 * settled/live captures of picture.ts stay. Which tabs are streamed is kept in storage.session:
 * the offscreen document and its streams outlive a stopped worker.
 */
import { browser } from 'wxt/browser';
import { send } from '@/lib/messaging';
import { withTimeout } from '@/lib/with-timeout';
import type { PageState } from './choice';
import { dataUrlToBlob, type EncodedImage } from './encode';
import type { IntentFrame } from './frame-cache';

const KEY = 'waymark.streams';
const OFFSCREEN = '/offscreen.html';
/**
 * A frame is drawn and encoded in tens of ms; past this the caller captures instead, and the
 * later the capture, the likelier it shows the action's effect.
 */
const FRAME_WITHIN_MS = 500;
/** getUserMedia of a tab answers within a second; a stuck offscreen document must not hold the start. */
const START_WITHIN_MS = 3_000;

/**
 * The streamed tabs, read from storage once per worker. An intent asks at once, and its
 * picture must be remembered before its action (which follows within milliseconds) looks for it.
 */
let streamed: Promise<number[]> | undefined;

function streamedTabs(): Promise<number[]> {
  streamed ??= browser.storage.session
    .get(KEY)
    .then((stored) => (stored[KEY] as number[] | undefined) ?? [], () => []);
  return streamed;
}

async function setStreamed(tabId: number, on: boolean): Promise<number[]> {
  const tabs = (await streamedTabs()).filter((id) => id !== tabId);
  const next = on ? [...tabs, tabId] : tabs;
  streamed = Promise.resolve(next);
  await browser.storage.session.set({ [KEY]: next });
  return next;
}

/** Is a stream of this tab live (as far as the background knows)? */
export async function isStreamed(tabId: number): Promise<boolean> {
  return !import.meta.env.FIREFOX && (await streamedTabs()).includes(tabId);
}

let creating: Promise<void> | undefined;

async function openOffscreen(): Promise<void> {
  const url = browser.runtime.getURL(OFFSCREEN);
  const open = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (open.length > 0) return;
  creating ??= browser.offscreen
    .createDocument({ url, reasons: ['USER_MEDIA'], justification: 'Pictures of the recorded tab from just before each action.' })
    .finally(() => (creating = undefined));
  await creating;
}

/** The tab's viewport in device pixels: the stream is asked for at the tab's full size. */
async function deviceSize(tabId: number): Promise<{ width: number; height: number }> {
  const [result] = await browser.scripting.executeScript({
    target: { tabId },
    func: () => ({ width: Math.round(innerWidth * devicePixelRatio), height: Math.round(innerHeight * devicePixelRatio) }),
  });
  const size = result?.result as { width: number; height: number } | undefined;
  if (!size) throw new Error('no viewport');
  return size;
}

/**
 * Starts a stream of the tab; false when none can be had (Firefox; the extension was not
 * invoked on that tab; the browser refused). Call it only for a tab the user started recording.
 */
export async function startStream(tabId: number): Promise<boolean> {
  if (import.meta.env.FIREFOX) return false;
  try {
    const size = await deviceSize(tabId);
    const streamId = await browser.tabCapture.getMediaStreamId({ targetTabId: tabId });
    await openOffscreen();
    const answer = await withTimeout(send({ type: 'stream.start', tabId, streamId, ...size }), START_WITHIN_MS, 'The tab stream');
    if (!answer?.ok) return false;
    await setStreamed(tabId, true);
    return true;
  } catch (error) {
    console.warn('Waymark: no stream of the recorded tab; pictures are captured instead', error);
    return false;
  }
}

/**
 * Stops the tab's stream, also one still starting (the offscreen document lets it go when it
 * comes); the offscreen document goes with the last one.
 */
export async function stopStream(tabId: number): Promise<void> {
  if (import.meta.env.FIREFOX) return;
  const left = await setStreamed(tabId, false);
  await send({ type: 'stream.stop', tabId }).catch(() => undefined);
  // None may be open (no stream was had): closing it then throws, at once or later.
  if (left.length === 0) await Promise.resolve().then(() => browser.offscreen.closeDocument()).catch(() => undefined);
}

/**
 * The tab's picture from before `eventAt` (ms since epoch, on the clock documents share), the
 * secret boxes of each of `pages` blurred; none when the stream has no such frame.
 */
export async function streamFrame(tabId: number, eventAt: number, pages: PageState[]): Promise<EncodedImage | undefined> {
  const asked = send({ type: 'stream.frame', tabId, eventAt, pages });
  const answer = await withTimeout(asked, FRAME_WITHIN_MS, 'The stream').catch(() => undefined);
  if (!answer) return undefined;
  return { blob: await dataUrlToBlob(answer.dataUrl), width: answer.width, height: answer.height };
}

/**
 * The intent at `page`, its picture from the stream: the frame from before `eventAt`, blurred
 * with the boxes the page reported at that moment and the ones before it (`pages`: the frame
 * may be a little older than the report); `capture` when the stream has no such frame or the
 * tab is not the one shown in its window. Its `shot` is set once the frame is there.
 */
export function streamIntent(
  tabId: number,
  page: PageState,
  eventAt: number,
  pages: PageState[],
  capture: () => Promise<EncodedImage | undefined>,
): IntentFrame {
  const intent: IntentFrame = { page, picture: Promise.resolve(undefined) };
  // A tab behind another sends no frames: its newest may show a page it has left since.
  const shown = browser.tabs.get(tabId).then((tab) => tab.active, () => false);
  const frame = shown.then((active) => (active ? streamFrame(tabId, eventAt, pages) : undefined));
  intent.picture = frame.then((image) => {
    if (!image) return capture();
    intent.shot = 'stream';
    return image;
  });
  return intent;
}
