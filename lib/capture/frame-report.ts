/**
 * What a recorded frame tells the background about itself: its page, viewport, secret boxes
 * and place among the frames, named by a document id (a new top document replaces the old
 * page's frames). Each of these reads layout: never call them inside an event handler.
 */
import type { ActionContext, FrameReport } from '@/lib/messages';
import { send } from '@/lib/messaging';
import { secretBoxes } from '@/lib/privacy/secret-boxes';
import { frameGeometry } from './frames';
import { afterHandler } from './measure';

/** Intents this close at one change count are one moment (the background keeps its picture). */
const SAME_INTENT_MS = 1000;

const viewportOf = (win: Window) => ({ width: win.innerWidth, height: win.innerHeight, dpr: win.devicePixelRatio });

export class FrameReports {
  /** Names this document in reports and in the outbox copies of its actions. */
  readonly doc = Math.random().toString(36).slice(2);

  private lastIntent?: { changeCount: number; at: number };

  constructor(private readonly win: Window) {}

  /** This frame as the background's picture logic needs it. */
  report(changeCount: number): FrameReport {
    const win = this.win;
    return {
      changeCount,
      url: win.location.href,
      viewport: viewportOf(win),
      secretBoxes: secretBoxes(win.document),
      ...frameGeometry(win),
      doc: this.doc,
    };
  }

  /**
   * What the background needs with an action. Not its secret boxes: finding them reads the
   * whole page, and the action's picture has boxes of its own (see ActionContext).
   */
  context(changeCount: number, at: number): ActionContext {
    const win = this.win;
    const { path, anchor, children } = frameGeometry(win);
    return { changeCount, at, url: win.location.href, title: win.document.title, viewport: viewportOf(win), frame: { path, anchor, children }, doc: this.doc };
  }

  /** The page has been quiet (or is shown again from the back-forward cache): the background may keep a picture of it. */
  settled(changeCount: number): void {
    void send({ type: 'capture.settled', ...this.report(changeCount) }).catch(() => undefined);
  }

  /**
   * An action begins (press, activating key, focus of a field): tell the background at once
   * (after the handler), so if the page changed since the settled frame it captures before
   * the page reacts.
   */
  /** A new change counter (a recording started or resumed) counts from 0 again. */
  restartCount(): void {
    this.lastIntent = undefined;
  }

  /** `eventAt`: the event's time on the clock documents share (see the `capture.intent` message). */
  intent(changeCount: number, at: number, eventAt: number): void {
    // A click into a field is a press and then a focus, at one count: one report will do.
    const last = this.lastIntent;
    if (last && last.changeCount === changeCount && at - last.at < SAME_INTENT_MS) return;
    this.lastIntent = { changeCount, at };
    afterHandler(() => void send({ type: 'capture.intent', ...this.report(changeCount), at, eventAt }).catch(() => undefined));
  }
}
