/**
 * The walk, page side: injected into each frame of the walked tab only. The frame the step
 * was recorded in looks for its element (lib/walk/find.ts), rings it, reports what the
 * health check saw, and tells the background when the user did the step. The top frame
 * shows the panel. It never fills in, clicks or submits anything itself.
 */
import { browser } from 'wxt/browser';
import type { Protocol } from '@/lib/messages';
import { isMessage, send } from '@/lib/messaging';
import { frameGeometry, framePath } from '@/lib/capture/frames';
import { painted } from '@/lib/capture/painted';
import { secretBoxes } from '@/lib/privacy/secret-boxes';
import { cleanTitle } from '@/lib/context/title';
import { findTarget, findWhenReady, type FindResult } from './find';
import { actionOf, performs, PERFORM_EVENTS } from './perform';
import { samePage, type WalkView } from './view';

/** "Still not found 5 s after the page settled" makes a step stale. */
const STALE_AFTER_MS = 5000;
const URL_POLL_MS = 300;

const samePath = (a: number[] = [], b: number[] = []) => a.length === b.length && a.every((v, i) => v === b[i]);

/** What the panel's buttons do (components/walk/panel.ts). */
export interface PanelActions {
  back(): void;
  skip(): void;
  stop(): void;
  recapture(useNewSentence: boolean): void;
  cancelRecapture(): void;
  undoRecapture(stepId: string): void;
}

/**
 * The walk's page UI (components/walk: ring.ts, panel.ts), handed in by its entrypoint
 * (entrypoints/walk.ts): lib/ never imports components/.
 */
export interface WalkParts {
  /** The ring around the step's element, in every frame. */
  ring: { show(element: Element, stepId: string, verdict: string): void; hide(hidden: boolean): void; remove(): void };
  /** Makes the panel, in the top frame only. */
  panel(actions: PanelActions): { show(view: WalkView | undefined, onStepPage: boolean): void; conceal(hidden: boolean): void };
}

export class PageWalker {
  private view?: WalkView;
  private element?: Element;
  private lastResult?: FindResult;
  private lookup?: AbortController;
  private urlPoll?: ReturnType<typeof setInterval>;
  private readonly reported = new Set<string>();
  private readonly top: boolean;
  private readonly ring: WalkParts['ring'];
  private readonly panel?: ReturnType<WalkParts['panel']>;

  constructor(private readonly win: Window, parts: WalkParts) {
    this.top = win === win.top;
    this.ring = parts.ring;
    if (this.top) {
      this.panel = parts.panel({
        back: () => void send({ type: 'walk.back' }),
        skip: () => void send({ type: 'walk.skip' }),
        stop: () => void send({ type: 'walk.stop' }),
        recapture: (useNewSentence) =>
          this.view && void send({ type: 'walk.recapture', phase: 'arm', stepId: this.view.stepId, useNewSentence }),
        cancelRecapture: () => void send({ type: 'walk.recapture', phase: 'cancel' }),
        undoRecapture: (stepId) => void send({ type: 'walk.undo-recapture', stepId }),
      });
    }
  }

  async connect(): Promise<void> {
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
      if (!isMessage(message)) return undefined;
      if (message.type === 'walk.view') {
        this.show(message.view);
        sendResponse({ ok: true });
      }
      if (message.type === 'walk.conceal' && this.top) {
        void this.conceal(message.hidden).then(sendResponse);
        return true;
      }
      return undefined;
    });
    for (const type of PERFORM_EVENTS) this.win.addEventListener(type, (e) => this.onEvent(e), { capture: true, passive: true });
    const reply = await send({ type: 'walk.hello' }).catch(() => undefined);
    if (reply && 'view' in reply) this.show(reply.view);
  }

  private show(view: WalkView | undefined): void {
    const previous = this.view;
    const same = view && previous && view.stepId === previous.stepId && view.state === previous.state && view.recapturing === previous.recapturing;
    this.view = view;
    this.panel?.show(view, view ? samePage(view.pageUrl, this.win.location.href) : false);
    // The same step again (a new mark): keep the lookup running.
    if (same) return;
    this.lookup?.abort();
    clearInterval(this.urlPoll);
    this.element = undefined;
    this.lastResult = undefined;
    this.ring.remove();
    if (!view || view.state === 'done' || view.recapturing) return;
    if (view.action.kind === 'navigate') return this.watchAddress(view);
    // A key step without a target (Escape, a shortcut) has nothing to point at.
    const target = view.action.target;
    if (target && samePath(target.framePath, framePath(this.win))) void this.find(view);
    else if (target?.framePath?.length && this.top) void this.checkFrame(view, target.framePath);
  }

  /** "Go to" steps are done when the tab shows that page (a load or an app's route change). */
  private watchAddress(view: WalkView): void {
    if (!this.top) return;
    const check = () => {
      if (samePage(view.pageUrl, this.win.location.href)) {
        clearInterval(this.urlPoll);
        void send({ type: 'walk.performed', stepId: view.stepId });
        if (view.next) this.show(view.next);
      }
    };
    this.urlPoll = setInterval(check, URL_POLL_MS);
    check();
  }

  private async find(view: WalkView): Promise<void> {
    const target = view.action.kind === 'navigate' ? undefined : view.action.target;
    if (!target) return;
    const lookup = new AbortController();
    this.lookup = lookup;
    await loaded(this.win);
    if (lookup.signal.aborted) return;
    const highlight = (result: FindResult) => {
      if (lookup.signal.aborted || !result.element) return;
      this.element = result.element;
      this.lastResult = result;
      this.ring.show(result.element, view.stepId, result.verdict);
    };
    const result = await findWhenReady(target, this.win.document, {
      timeoutMs: STALE_AFTER_MS,
      signal: lookup.signal,
      onProgress: highlight,
    });
    if (lookup.signal.aborted) return;
    highlight(result);
    this.report(view, result);
  }

  /** A step recorded in a frame the page no longer has: the top frame reports it missing. */
  private async checkFrame(view: WalkView, path: number[]): Promise<void> {
    const lookup = new AbortController();
    this.lookup = lookup;
    await loaded(this.win);
    await new Promise((resolve) => setTimeout(resolve, STALE_AFTER_MS));
    if (lookup.signal.aborted || frameAt(this.win, path)) return;
    this.report(view, { verdict: 'missing', score: 0 });
  }

  /** The health check: only on the step's own page, once per step and document. */
  private report(view: WalkView, result: FindResult): void {
    if (!samePage(view.pageUrl, this.win.location.href) || this.reported.has(view.stepId)) return;
    this.reported.add(view.stepId);
    void send({ type: 'walk.health', stepId: view.stepId, verdict: result.verdict, ...(result.name ? { name: result.name } : {}) });
  }

  private onEvent(event: Event): void {
    const view = this.view;
    if (!view || view.state !== 'walking' || !event.isTrusted) return;
    // The walk's own panel and ring are not the page.
    const origin = event.composedPath()[0];
    if (origin instanceof Element && origin.closest('[data-waymark-ignore]')) return;
    if (view.recapturing) return this.recaptured(view, event);
    if (view.action.kind === 'navigate') return;
    // The page may have re-rendered the element since it was found.
    const target = view.action.target;
    const element = this.element?.isConnected || !target ? this.element : findTarget(target, this.win.document).element;
    if (!performs(view.action, event, element)) return;
    // Done on the element found under another name before the lookup gave up: that is news too.
    if (this.lastResult?.verdict === 'changed' && this.lastResult.element === element) this.report(view, this.lastResult);
    void send({ type: 'walk.performed', stepId: view.stepId });
    // On to the next step now: the user's next action may come before the background answers.
    this.show(view.next ?? { ...view, state: 'done' });
  }

  private recaptured(view: WalkView, event: Event): void {
    const action = actionOf(event);
    if (!action) return;
    const win = this.win;
    void send({
      type: 'walk.recapture',
      phase: 'action',
      stepId: view.stepId,
      action,
      page: { url: win.location.href, title: cleanTitle(win.document.title) },
      viewport: { width: win.innerWidth, height: win.innerHeight, dpr: win.devicePixelRatio },
      // The action's box and point are in this frame's anchor viewport: where the frame sits maps them.
      frame: frameGeometry(win),
    });
  }

  /** Re-capture: the picture shows the page as the user sees it, without the walk's own UI. */
  private async conceal(hidden: boolean): Promise<Protocol['walk.conceal']['res']> {
    this.panel?.conceal(hidden);
    this.ring.hide(hidden);
    if (hidden) await painted();
    const win = this.win;
    return {
      ok: true,
      url: win.location.href,
      viewport: { width: win.innerWidth, height: win.innerHeight, dpr: win.devicePixelRatio },
      secretBoxes: secretBoxes(win.document),
    };
  }
}

/** The frame at an index path (cross-origin frames can be counted, not read). */
function frameAt(win: Window, path: number[]): Window | undefined {
  let current: Window | undefined = win;
  for (const index of path) current = index >= 0 && current && index < current.frames.length ? current.frames[index] : undefined;
  return current;
}

function loaded(win: Window): Promise<void> {
  if (win.document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => win.addEventListener('load', () => resolve(), { once: true }));
}
