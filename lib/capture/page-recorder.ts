/**
 * Runs in every frame of every page, and does nothing until its tab is recorded. Then it
 * turns trusted DOM events into actions and sends them to the background. It listens in the
 * capture phase on the window, so pages that stop propagation still get recorded, and it
 * never cancels, delays or re-dispatches the page's own events.
 */
import { browser } from 'wxt/browser';
import { send, isMessage } from '@/lib/messages';
import type { Action, Point, TargetDescription } from '@/lib/steps/types';
import { trackChanges, type ChangeTracker } from './changes';
import { controlFromPath } from './controls';
import { describeTarget } from './describe';
import { frameOffset } from './frames';
import { secretBoxes } from '@/lib/privacy/secret-boxes';

interface Press {
  element: Element;
  target: TargetDescription;
  point: Point;
  changeCount: number;
}

export class PageRecorder {
  private tracker?: ChangeTracker;
  private listeners?: AbortController;
  private press?: Press;

  constructor(private readonly win: Window) {}

  async connect(): Promise<void> {
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
      if (!isMessage(message) || message.type !== 'recorder.state') return undefined;
      this.setRecording(message.recording);
      sendResponse({ ok: true });
      return undefined;
    });
    const reply = await send({ type: 'capture.hello' }).catch(() => undefined);
    if (reply?.recording) this.setRecording(true);
  }

  /** Called when the content script's context dies (extension updated or removed). */
  disconnect(): void {
    this.setRecording(false);
  }

  private setRecording(on: boolean): void {
    if (on === Boolean(this.listeners)) return;
    if (!on) {
      this.listeners?.abort();
      this.listeners = undefined;
      this.tracker?.stop();
      this.tracker = undefined;
      return;
    }
    this.listeners = new AbortController();
    const options = { capture: true, passive: true, signal: this.listeners.signal };
    this.win.addEventListener('pointerdown', (e) => this.onPointerDown(e), options);
    this.win.addEventListener('click', (e) => this.onClick(e), options);
    this.tracker = trackChanges(this.win.document, (changeCount) => {
      if (this.win === this.win.top) {
        void send({
          type: 'capture.settled',
          changeCount,
          url: this.win.location.href,
          viewport: this.viewport(),
          secretBoxes: secretBoxes(this.win.document),
        }).catch(() => undefined);
      }
    });
  }

  private viewport() {
    return { width: this.win.innerWidth, height: this.win.innerHeight, dpr: this.win.devicePixelRatio };
  }

  private changeCount(): number {
    return this.tracker?.count() ?? 0;
  }

  private onPointerDown(event: PointerEvent): void {
    // Script-generated events are not user actions.
    if (!event.isTrusted || event.button !== 0) return;
    const element = controlFromPath(event.composedPath());
    if (!element) return;
    const offset = frameOffset(this.win);
    this.press = {
      element,
      target: describeTarget(element),
      point: { x: event.clientX + offset.x, y: event.clientY + offset.y },
      changeCount: this.changeCount(),
    };
  }

  private onClick(event: MouseEvent): void {
    if (!event.isTrusted) return;
    const element = controlFromPath(event.composedPath());
    if (!element) return;
    // The press tells what the page looked like when the user began the click; without one
    // (keyboard activation) the page has not reacted yet, so "now" is still "before".
    const press = this.press && this.press.element === element ? this.press : undefined;
    this.press = undefined;
    const offset = frameOffset(this.win);
    const action: Action = {
      kind: 'click',
      target: press?.target ?? describeTarget(element),
      point: press?.point ?? (event.detail > 0 ? { x: event.clientX + offset.x, y: event.clientY + offset.y } : undefined),
    };
    this.report(action, press?.changeCount ?? this.changeCount());
  }

  private report(action: Action, changeCount: number): void {
    const win = this.win;
    void send({
      type: 'capture.action',
      action,
      context: {
        changeCount,
        url: win.location.href,
        title: win.document.title,
        viewport: this.viewport(),
        secretBoxes: secretBoxes(win.document),
      },
    }).catch(() => undefined);
  }
}
