/**
 * What a recorded frame tells the background about itself: its page, viewport, secret boxes
 * and place among the frames, named by a document id (a new top document replaces the old
 * page's frames). Each of these reads layout: never call them inside an event handler.
 */
import { send, type ActionContext, type FrameReport } from '@/lib/messages';
import { secretBoxes } from '@/lib/privacy/secret-boxes';
import { frameGeometry } from './frames';
import { afterHandler } from './measure';

export class FrameReports {
  /** Names this document in reports and in the outbox copies of its actions. */
  readonly doc = Math.random().toString(36).slice(2);

  constructor(private readonly win: Window) {}

  /** This frame as the background's picture logic needs it. */
  report(changeCount: number): FrameReport {
    const win = this.win;
    return {
      changeCount,
      url: win.location.href,
      viewport: { width: win.innerWidth, height: win.innerHeight, dpr: win.devicePixelRatio },
      secretBoxes: secretBoxes(win.document),
      ...frameGeometry(win),
      doc: this.doc,
    };
  }

  /** What the background needs with an action. */
  context(changeCount: number, at: number): ActionContext {
    const { secretBoxes: boxes, viewport, path, anchor, children, url } = this.report(changeCount);
    return { changeCount, at, url, title: this.win.document.title, viewport, secretBoxes: boxes, frame: { path, anchor, children }, doc: this.doc };
  }

  /** The page has been quiet: the background may keep a picture of it. */
  settled(changeCount: number): void {
    void send({ type: 'capture.settled', ...this.report(changeCount) }).catch(() => undefined);
  }

  /**
   * An action begins (press, activating key, focus of a field): tell the background at once
   * (after the handler), so if the page changed since the settled frame it captures before
   * the page reacts.
   */
  intent(changeCount: number, at: number): void {
    afterHandler(() => void send({ type: 'capture.intent', ...this.report(changeCount), at }).catch(() => undefined));
  }
}
