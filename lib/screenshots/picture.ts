/**
 * The browser side of pictures: captures, and the facts `choosePicture` (choice.ts) decides
 * on. A step is never dropped for lack of a picture, and each step says which it got
 * (`step.shot`), so the share of clean pre-action pictures can be measured.
 */
import { browser } from 'wxt/browser';
import type { ShotSource } from '@/lib/steps/types';
import type { FrameReport } from '@/lib/messages';
import { sendToTab } from '@/lib/messaging';
import { blurPage } from './blur';
import { captureVisible, captureWaitMs, intentWaitMs, type CapturePriority } from './capture-queue';
import { encodeCapture, type EncodedImage } from './encode';
import {
  choosePicture, intentFor, intentNeedsCapture, rescuePlan, samePage, sameState, showsMoment, showsSamePage, stillDuringCapture,
  type Moment, type PageState, type Rescue,
} from './choice';
import { renderTab } from './render-tab';
import {
  intentsOf, isReplaced, latestFrame, loaded, nextIntent, noteReport, rememberFrame, rememberIntent, reportedPage,
  type IntentFrame,
} from './frame-cache';
import { isStreamed, streamIntent } from './stream';

export interface Picture {
  image?: EncodedImage;
  shot: ShotSource;
}

export type { Moment };

const inflight = new Map<number, { page: PageState; done: Promise<unknown> }>();

/** Captures under way per tab: the bar comes back only when the last of them is done. */
const capturing = new Map<number, number>();

/** Hides the bar for a capture (a second capture that overlaps the first keeps it hidden). */
async function conceal(tabId: number): Promise<void> {
  const count = (capturing.get(tabId) ?? 0) + 1;
  capturing.set(tabId, count);
  // Every capture waits for the hiding: the first one's message may still be on its way.
  await sendToTab(tabId, { type: 'recorder.conceal', hidden: true }, 0);
}

function reveal(tabId: number): void {
  const count = (capturing.get(tabId) ?? 1) - 1;
  if (count > 0) return void capturing.set(tabId, count);
  capturing.delete(tabId);
  void sendToTab(tabId, { type: 'recorder.conceal', hidden: false }, 0);
}

/**
 * Does the tab still show the page a capture is of: the one shown in its window, whose top
 * document (`doc`, when known) no newer one has replaced? Checked right before each capture:
 * a page that went away meanwhile (a form submitted) must fail the capture, not give it the
 * next page's pixels.
 */
async function stillShows(tabId: number, windowId: number, doc: string | undefined): Promise<boolean> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return Boolean(tab?.active && tab.windowId === windowId && !isReplaced(tabId, doc));
}

/** Captures the tab as `page` describes it; `after` runs once the pixels are back. */
async function captureTab(
  tabId: number,
  page: PageState,
  priority: CapturePriority,
  after?: () => Promise<void>,
): Promise<EncodedImage> {
  const tab = await browser.tabs.get(tabId);
  const windowId = tab.windowId;
  if (!tab.active || windowId === undefined) throw new Error('tab not visible');
  // The in-page bar is hidden while the tab is captured, so it never appears in a guide.
  await conceal(tabId);
  let dataUrl: string;
  try {
    dataUrl = await captureVisible(windowId, { priority, ready: () => stillShows(tabId, windowId, page[0]?.doc) });
    await after?.();
  } finally {
    reveal(tabId);
  }
  return blurPage(await encodeCapture(dataUrl), page);
}

/** Each frame's counter now, to tell whether the page moved during a capture. */
async function countsNow(tabId: number, page: PageState): Promise<Record<number, Moment | undefined>> {
  const ids = Object.keys(page).map(Number);
  const answers = await Promise.all(ids.map((id) => sendToTab(tabId, { type: 'recorder.count' }, id)));
  return Object.fromEntries(ids.map((id, i) => [id, answers[i]]));
}

/** A frame of the tab has settled: take a picture for later actions to use. Safe to call often. */
export async function takeSettledFrame(tabId: number, frameId: number, report: FrameReport): Promise<void> {
  await loaded();
  noteReport(tabId, frameId, report);
  const page = reportedPage(tabId);
  const latest = latestFrame(tabId);
  if (latest?.clean && samePage(latest.page, page)) return;
  const current = inflight.get(tabId);
  if (current && samePage(current.page, page)) return void (await current.done);
  let clean = false;
  const checkStill = async () => {
    clean = stillDuringCapture(page, await countsNow(tabId, page));
  };
  const done = captureTab(tabId, page, 'settled', checkStill)
    .then((image) => rememberFrame({ tabId, page, image, takenAt: Date.now(), clean }))
    .catch(() => undefined)
    .finally(() => {
      if (inflight.get(tabId)?.done === done) inflight.delete(tabId);
    });
  inflight.set(tabId, { page, done });
  await done;
}

/**
 * An action is beginning in `frameId` at `eventAt` (on the clock documents share): unless the
 * settled frame shows this moment, the tab stream's frame from before it, or else a capture now.
 */
export async function takeIntentFrame(tabId: number, frameId: number, report: FrameReport, eventAt?: number): Promise<void> {
  await loaded();
  const before = reportedPage(tabId);
  noteReport(tabId, frameId, report);
  const page = reportedPage(tabId);
  const settled = latestFrame(tabId);
  // A click into a field is a press and a focus: one picture of that moment will do.
  const prior = intentsOf(tabId).at(-1);
  if (prior && samePage(prior.page, page)) return void (await prior.picture);
  const clean = settled?.clean ? settled : undefined;
  if (clean && showsMoment(clean.page, page, frameId, report)) {
    // Kept for this moment: a newer settled frame may replace it before the action is
    // reported (a <select>'s choice changes the page before its field is left).
    if (!prior || !samePage(prior.page, clean.page)) rememberIntent(tabId, { page: clean.page, picture: Promise.resolve(clean.image), shot: 'settled' });
    return;
  }
  if (eventAt !== undefined && (await isStreamed(tabId))) {
    const capture = () => captureTab(tabId, page, 'intent').catch(() => undefined);
    return void (await rememberIntent(tabId, streamIntent(tabId, page, eventAt, [before, page], capture)).picture);
  }
  // A burst past the capture quota: the action falls back as usual.
  if (!intentNeedsCapture(undefined, page, frameId, report, intentWaitMs())) return;
  const picture = captureTab(tabId, page, 'intent').catch(() => undefined);
  rememberIntent(tabId, { page, picture });
  await picture;
}

const INTENT_ON_ITS_WAY_MS = 150;
/** The intent picture of an action's moment; in a streamed tab, one still on its way (nextIntent) too. */
async function intentOf(tabId: number, frameId: number, moment: Moment, late: boolean): Promise<IntentFrame | undefined> {
  const find = () => {
    const intents = intentsOf(tabId);
    return intents[intentFor(intents.map((i) => i.page), frameId, moment)];
  };
  if (find() || late || !(await isStreamed(tabId))) return find();
  await nextIntent(INTENT_ON_ITS_WAY_MS);
  return find();
}

const RETRY_MS = 250;
/** A frame that takes longer to say what to blur gets no capture now (see `reportNow`). */
const REPORT_WITHIN_MS = 1000;

/**
 * An acting frame at its action's moment: what it reports with the action, no secret boxes;
 * with them when the caller measured them just now (the walk's re-capture: its page has no
 * recorder to ask).
 */
export type ActionMoment = Omit<FrameReport, 'secretBoxes'> & { secretBoxes?: FrameReport['secretBoxes'] };

/**
 * The acting frame's report now, for a picture taken now for an action: what to blur is what
 * the page shows then (a click may have opened a form with a password field), not what it
 * showed when the action was reported. No report: the action's document did not answer
 * within REPORT_WITHIN_MS; `replaced`: a newer document of the frame answered instead.
 */
async function reportNow(tabId: number, frameId: number, moment: ActionMoment): Promise<{ report?: FrameReport; replaced: boolean }> {
  if (moment.secretBoxes) return { report: { ...moment, secretBoxes: moment.secretBoxes }, replaced: false };
  const answer = await sendToTab(tabId, { type: 'recorder.report' }, frameId, REPORT_WITHIN_MS);
  const replaced = Boolean(answer && moment.doc !== undefined && answer.doc !== moment.doc);
  return { report: replaced ? undefined : answer, replaced };
}

/** A capture now for an action (see `reportNow`); throws when it cannot be taken. */
async function captureNow(tabId: number, frameId: number, moment: ActionMoment): Promise<EncodedImage> {
  const { report } = await reportNow(tabId, frameId, moment);
  if (!report) throw new Error('the page no longer answers');
  return captureTab(tabId, { ...reportedPage(tabId), [frameId]: report }, 'intent');
}

/**
 * A rendering for an action: html2canvas measures the top frame's boxes as it draws
 * (render-tab.ts); the acting frame's are asked for now, or else its last report's. None when
 * another document answers: a rendering would draw that one.
 */
async function renderNow(tabId: number, frameId: number, moment: ActionMoment): Promise<EncodedImage | undefined> {
  const { report, replaced } = await reportNow(tabId, frameId, moment);
  if (replaced) return undefined;
  const reports = reportedPage(tabId);
  const acting = report ?? { ...moment, secretBoxes: reports[frameId]?.secretBoxes ?? [] };
  return renderTab(tabId, { ...reports, [frameId]: acting });
}

/** The picture for an action in `frameId`; `moment` is the frame at the action's moment. */
export async function pictureForAction(tabId: number, frameId: number, moment: ActionMoment, late = false): Promise<Picture> {
  await loaded();
  const pending = inflight.get(tabId);
  if (pending && sameState(pending.page[frameId], moment)) await pending.done;
  const settled = latestFrame(tabId);
  const intent = await intentOf(tabId, frameId, moment, late);
  const reports = reportedPage(tabId);
  const ofThisPage = showsSamePage(settled?.page, reports, frameId, moment);
  const choice = choosePicture({
    settled: settled?.clean ? settled.page : undefined,
    intent: intent?.page,
    reports,
    frameId,
    moment,
    hasAny: ofThisPage,
    queueWaitMs: captureWaitMs(),
    late,
  });
  if (choice === 'settled' && settled) return { image: settled.image, shot: 'settled' };
  if (choice === 'intent') {
    const image = await intent?.picture;
    if (image) return { image, shot: intent?.shot ?? 'live' };
  }
  if (choice === 'fallback' && settled) return { image: settled.image, shot: 'fallback' };
  try {
    return { image: await captureNow(tabId, frameId, moment), shot: 'live' };
  } catch {
    // The capture failed: see `rescuePlan` for what is tried instead.
  }
  const visible = Boolean((await browser.tabs.get(tabId).catch(() => undefined))?.active);
  const attempt = async (rescue: Rescue): Promise<Picture | undefined> => {
    switch (rescue) {
      case 'fallback':
        return settled && { image: settled.image, shot: 'fallback' };
      case 'retry':
        await new Promise((resolve) => setTimeout(resolve, RETRY_MS));
        return captureNow(tabId, frameId, moment).then((image) => ({ image, shot: 'live' as const }), () => undefined);
      case 'render': {
        const image = await renderNow(tabId, frameId, moment);
        return image && { image, shot: 'rendered' };
      }
    }
  };
  for (const rescue of rescuePlan({ samePage: ofThisPage, anyFrame: Boolean(settled), visible })) {
    const picture = await attempt(rescue);
    if (picture) return picture;
  }
  return { shot: 'none' };
}
