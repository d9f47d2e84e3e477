/**
 * The one message protocol between content scripts, the background and extension pages.
 * The `recording.*` messages are the public automation contract (see README): tests and
 * the popup send exactly these plain objects with `runtime.sendMessage`.
 */
import type { browser } from 'wxt/browser';
import type { Action, Box, PageInfo, Viewport } from '@/lib/steps/types';
import type { FrameGeometry } from '@/lib/screenshots/frame-geometry';
import type { PageState } from '@/lib/screenshots/choice';
import type { RenderedPage } from '@/lib/screenshots/render-page';
import type { WalkStatus, WalkView } from '@/lib/walk/view';

export type RecordingState = 'idle' | 'recording' | 'paused';

export interface RecordingStatus {
  state: RecordingState;
  guideId?: string;
  tabId?: number;
  stepCount: number;
  /** Why the recording waits (e.g. the tab is on a page Waymark may not record). */
  notice?: string;
  /** Something went wrong that the user must know (a step could not be saved). */
  error?: string;
}

/** Sent by a content script with each action: what the page looked like at that moment. */
export interface ActionContext {
  /** The frame's change counter when the action began (see lib/capture/changes.ts). */
  changeCount: number;
  /**
   * When the action happened (ms since epoch). Frames are separate processes, so their
   * messages may arrive out of order; steps are ordered by this.
   */
  at?: number;
  viewport: Viewport;
  title: string;
  url: string;
  /**
   * Where the frame sits (the target's box is in its `anchor` frame's viewport). No secret
   * boxes: the picture an action gets was taken, with its own boxes, when the page settled or
   * the action began; one captured later asks the frame for its boxes then (`recorder.report`).
   */
  frame?: FrameGeometry;
  /** The sending document (as in FrameReport): finds the frame of a copy whose message was lost. */
  doc?: string;
}

/**
 * What a frame reports about itself at a settle or an intent (see lib/screenshots/choice.ts).
 * `doc` names the document, so a new page's reports replace the old page's frames.
 */
export interface FrameReport extends FrameGeometry {
  changeCount: number;
  url: string;
  viewport: Viewport;
  secretBoxes: Box[];
  doc?: string;
}

/** Requests, keyed by type, with the response each one gets. */
export interface Protocol {
  /**
   * Starts recording a tab into a new guide, or — with `guideId` — into an existing one,
   * after `afterStepId` (at the end when it is omitted).
   */
  'recording.start': {
    req: { tabId: number; guideId?: string; afterStepId?: string };
    res: { guideId: string } | { error: string };
  };
  'recording.pause': { req: object; res: { state: RecordingState } };
  'recording.resume': { req: object; res: { state: RecordingState } };
  'recording.stop': { req: object; res: { guideId?: string; stepCount: number } };
  'recording.status': { req: object; res: RecordingStatus };
  /**
   * Opens a guide in the editor, in a new tab (`guideId` omitted: the last recorded guide).
   * The in-page bar's "Open the guide" after a stop: a content script cannot open extension pages.
   */
  'recording.open-guide': { req: { guideId?: string }; res: { ok: boolean } };
  /** Deletes the newest step of the current recording. */
  'recording.undo': { req: object; res: { stepCount: number } };
  /** Stops and throws the recording away (a guide recorded into keeps its older steps). */
  'recording.discard': { req: object; res: { ok: boolean } };
  /** A content script reports a user action. */
  'capture.action': {
    /** `outboxId`: the action's copy in storage.local (see lib/capture/outbox.ts). */
    req: { action: Action; context: ActionContext; outboxId?: string };
    res: { ok: boolean };
  };
  /** The page has stopped changing: a good moment for a pre-action picture. */
  'capture.settled': {
    req: FrameReport;
    res: { ok: boolean };
  };
  /**
   * An action is beginning (pointerdown, activating keydown, focus of a field): if the page
   * changed since the settled frame, the background captures now, before the page reacts.
   */
  'capture.intent': {
    /**
     * `eventAt`: the event's own time, `performance.timeOrigin + event.timeStamp`, on the clock
     * every document shares: the frame of a tab stream that arrived before it shows the page
     * before the action (lib/screenshots/stream-frames.ts).
     */
    req: FrameReport & { at: number; eventAt?: number };
    res: { ok: boolean };
  };
  /** The recorder failed on an event: an action may be missing, so the user is told. */
  'capture.error': { req: { message: string }; res: { ok: boolean } };
  /** Background → one frame: its change counter now (was the page still during a capture?). */
  'recorder.count': { req: object; res: { url: string; changeCount: number } };
  /** Background → one frame: its report now, secret boxes included, for a picture taken now. */
  'recorder.report': { req: object; res: FrameReport };
  /** The recorded page's context (lib/context/page-context.ts), for a new guide's intro. */
  'context.page': { req: { excerpt: string }; res: { ok: boolean } };
  /** Background → recorder (injected: it starts listening at once): stop or start listening. */
  'recorder.state': { req: { recording: boolean }; res: { ok: boolean } };
  /** Background → one frame: a selector for the element last right-clicked (never-record menu). */
  'privacy.context-target': { req: object; res: { selector?: string; url: string } };
  /** Background → content scripts: send any unfinished field edit now (recording is stopping). */
  'recorder.flush': { req: object; res: { ok: boolean } };
  /**
   * Background → top frame: what the in-page bar shows (`idle` removes it). `offPage`: no bar,
   * the tab is streamed and the bar would be in its pictures (lib/screenshots/stream.ts).
   */
  'recorder.bar': { req: { status: RecordingStatus; offPage?: boolean }; res: { ok: boolean } };
  /** Background → top frame: hide the in-page bar for a screenshot, answered once painted. */
  'recorder.conceal': { req: { hidden: boolean }; res: { ok: boolean } };
  /**
   * Background → top frame, once the render script is injected (entrypoints/render.ts): the
   * page drawn by html2canvas, for a step whose tab could not be captured. Undefined: it failed.
   */
  'render.page': { req: object; res: RenderedPage | undefined };
  /**
   * Background → offscreen document (Chromium, lib/screenshots/stream-source.ts): keep a live
   * stream of a recorded tab, from `tabCapture.getMediaStreamId`, at `width`×`height` pixels.
   */
  'stream.start': { req: { tabId: number; streamId: string; width: number; height: number }; res: { ok: boolean } };
  'stream.stop': { req: { tabId: number }; res: { ok: boolean } };
  /**
   * Background → offscreen document: the tab's newest frame that arrived before `eventAt`, the
   * secret boxes of each of `pages` blurred before it leaves, as a JPEG data URL. Undefined: no
   * stream of that tab, or no frame from before that moment.
   */
  'stream.frame': {
    req: { tabId: number; eventAt: number; pages: PageState[] };
    res: { dataUrl: string; width: number; height: number } | undefined;
  };
  /** Walks a guide in a tab: opens its first page there and points at each step (lib/walk/). */
  'walk.start': { req: { guideId: string; tabId: number }; res: { ok: boolean } | { error: string } };
  'walk.status': { req: object; res: WalkStatus };
  /** Moves on without the step being done. */
  'walk.skip': { req: object; res: { ok: boolean } };
  'walk.back': { req: object; res: { ok: boolean } };
  'walk.stop': { req: object; res: { ok: boolean } };
  /** Walk script → background: what this frame shows now (nothing outside the walked tab). */
  'walk.hello': { req: object; res: { view?: WalkView } };
  /** Background → walk scripts of the walked tab: show this (no view: remove everything). */
  'walk.view': { req: { view?: WalkView }; res: { ok: boolean } };
  /** Walk script → background: the user did the current step. */
  'walk.performed': { req: { stepId: string }; res: { ok: boolean } };
  /** Walk script → background: what the health check saw for a step on its page. */
  'walk.health': { req: { stepId: string; verdict: 'found' | 'changed' | 'missing'; name?: string }; res: { ok: boolean } };
  /**
   * Re-capturing a step by hand: `arm` (from the panel or an extension page) takes the
   * picture of the page as it is now and waits for the user's action; the walk script sends
   * that `action`, which replaces the step's target and picture; `cancel` gives up.
   */
  'walk.recapture': {
    req:
      | { phase: 'arm'; stepId: string; useNewSentence: boolean }
      | { phase: 'action'; stepId: string; action: Action; page: PageInfo; viewport: Viewport; frame?: FrameGeometry }
      | { phase: 'cancel' };
    res: { ok: boolean } | { error: string };
  };
  /** Background → top frame of the walked tab: hide the walk's UI for a picture (answered once painted). */
  'walk.conceal': {
    req: { hidden: boolean };
    res: { ok: boolean; url: string; viewport: Viewport; secretBoxes: Box[] };
  };
  /** Puts back the step as it was before its re-capture. */
  'walk.undo-recapture': { req: { stepId: string }; res: { ok: boolean } };
}

export type MessageType = keyof Protocol;
export type Message<T extends MessageType = MessageType> = T extends MessageType
  ? { type: T } & Protocol[T]['req']
  : never;
export type Response<T extends MessageType> = Protocol[T]['res'];

export type Sender = Parameters<
  Parameters<typeof browser.runtime.onMessage.addListener>[0]
>[1];
