/**
 * Injected into the frames of recorded tabs only (lib/recording/inject.ts), and records from
 * the moment it is connected. It turns trusted DOM events into actions and sends them to the
 * background. It listens in the capture phase on the window, so pages that stop propagation
 * still get recorded, and it never cancels, delays or re-dispatches the page's own events.
 * Each `if` that drops an event says why.
 */
import { browser } from 'wxt/browser';
import { isMessage } from '@/lib/messaging';
import type { Action, Point, TargetDescription } from '@/lib/steps/types';
import { isIgnoredElement } from '@/lib/privacy/policy';
import { trackChanges, type ChangeTracker } from './changes';
import { controlFromPath } from './controls';
import { completeTarget, quickTarget, warmSelectors } from './describe';
import { frameOffset } from './frames';
import { PendingEdits } from './edits';
import { editableRoot, fieldKind, groupName, isFormField } from './fields';
import { clickAction, isFieldClick } from './clicks';
import { keyStep } from './keys';
import { AddressWatch } from './navigation';
import { afterHandler, guarded, measured, runWaitingWork } from './measure';
import { post } from './outbox';
import { Drafts } from './drafts';
import { FrameReports } from './frame-report';

interface Press {
  element: Element;
  target: TargetDescription;
  point?: Point;
  changeCount: number;
  at: number;
  /** The event's time on the clock documents share: a tab stream's frame from before it is the picture. */
  eventAt: number;
}

/**
 * A description read in the handler (role, name, box: the page may change them as it reacts),
 * completed after it (selectors, text: costly), unless the page removed the element meanwhile.
 */
const completed = (element: Element, quick: TargetDescription): TargetDescription =>
  element.isConnected ? completeTarget(element, quick) : quick;

/**
 * When the event happened, on the clock every document of the browser shares (not Date.now(),
 * which may be set back or forth): a tab stream's frames are stamped on it too.
 */
const eventTime = (event: Event): number => performance.timeOrigin + event.timeStamp;

/** After Enter in a field, the browser "clicks" the form's submit button: not a second step. */
const IMPLICIT_SUBMIT_MS = 1000;

export class PageRecorder {
  private tracker?: ChangeTracker;
  private listeners?: AbortController;
  private press?: Press;
  private edits = new PendingEdits();
  private drafts = new Drafts(
    this.edits,
    (field, at) => this.reports.context(this.focusCounts.get(field) ?? this.changeCount(), at),
    // A page being left is hidden first (the HTML standard's unload steps), then gets pagehide.
    () => this.win.document.visibilityState === 'hidden',
  );
  private address: AddressWatch;
  private enterAt = 0;
  /** The change count at the press that toggled a checkbox (its `change` comes after the click). */
  private togglePressCount?: number;
  private readonly top: boolean;
  private readonly reports: FrameReports;
  /** The change count when each field was entered: an edit's picture is from before it. */
  private focusCounts = new WeakMap<Element, number>();

  constructor(private readonly win: Window) {
    this.address = new AddressWatch(win);
    this.reports = new FrameReports(win);
    this.top = win === win.top;
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
      if (!isMessage(message) || !this.tracker) return undefined;
      // After a capture the background asks each frame whether it changed meanwhile.
      if (message.type === 'recorder.count') sendResponse({ url: this.win.location.href, changeCount: this.changeCount() });
      // Before a capture for an action, what to blur as the page is now.
      if (message.type === 'recorder.report') sendResponse(this.reports.report(this.changeCount()));
      return undefined;
    });
  }

  private connected = false;

  /** Starts recording now: the background injects the recorder only into recorded tabs. */
  connect(): void {
    if (!this.connected) {
      this.connected = true;
      browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
        if (!isMessage(message)) return undefined;
        if (message.type === 'recorder.state') {
          this.setRecording(message.recording);
          sendResponse({ ok: true });
        }
        // Only a frame with an unfinished edit answers, so the background waits for that one.
        if (message.type === 'recorder.flush' && this.listeners) {
          const sent = this.flush();
          if (!sent) return undefined;
          void sent.then(() => sendResponse({ ok: true }));
          return true;
        }
        return undefined;
      });
    }
    this.setRecording(true);
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
    // Each recording starts by reporting the page it is on (the background drops repeats).
    this.address = new AddressWatch(this.win);
    const options = { capture: true, passive: true, signal: this.listeners.signal };
    const on_ = <K extends keyof WindowEventMap>(type: K, handler: (event: WindowEventMap[K]) => void) =>
      this.win.addEventListener(type, measured(handler), options);
    on_('pointerdown', (e) => this.onPointerDown(e));
    on_('click', (e) => this.onClick(e));
    on_('keydown', (e) => this.onKeyDown(e));
    on_('focusin', (e) => this.onFocusIn(e));
    on_('focusout', (e) => this.onFocusOut(e));
    on_('input', (e) => this.onInput(e));
    on_('change', (e) => this.onChange(e));
    // Only the browser's own events end an edit early or note a route change: a page that
    // dispatches a synthetic submit/pagehide/popstate must not force a half-typed value out.
    // (requestSubmit(), leaving the page and history.back() all fire trusted events.)
    on_('submit', (e) => e.isTrusted && this.flush());
    on_('pagehide', (e) => e.isTrusted && this.leave());
    // Back (or forward) to this page from the cache: the background, which took it for gone,
    // may picture it again.
    on_('pageshow', (e) => e.isTrusted && e.persisted && afterHandler(() => this.reports.settled(this.changeCount())));
    on_('popstate', (e) => e.isTrusted && this.address.notePopstate());
    this.win.document.addEventListener('DOMContentLoaded', guarded(() => this.reportNavigation()), options);
    this.tracker = trackChanges(this.win.document, guarded((changeCount: number) => this.onSettled(changeCount)));
    this.reports.restartCount();
  }

  private changeCount(): number {
    return this.tracker?.count() ?? 0;
  }

  /** The element an event is really about: inside open shadow roots, inside a label's control. */
  private targetOf(event: Event): Element | undefined {
    const element = controlFromPath(event.composedPath());
    // Elements the page or user marked "never record" (and Waymark's own bar) are skipped.
    if (!element || isIgnoredElement(element)) return undefined;
    return element;
  }

  private onSettled(changeCount: number): void {
    if (this.win.document.readyState !== 'loading') this.reportNavigation();
    this.reports.settled(changeCount);
  }

  private reportNavigation(): void {
    if (!this.top) return;
    const navigate = this.address.check();
    if (navigate) void this.report(navigate, this.changeCount());
  }

  private onPointerDown(event: PointerEvent): void {
    // Script-generated events are not user actions; right and middle buttons open menus.
    if (!event.isTrusted || event.button !== 0) return;
    const element = this.targetOf(event);
    if (!element) return;
    const offset = frameOffset(this.win);
    const press: Press = {
      element,
      target: quickTarget(element),
      point: { x: event.clientX + offset.x, y: event.clientY + offset.y },
      changeCount: this.changeCount(),
      at: Date.now(),
      eventAt: eventTime(event),
    };
    this.pressed(press);
  }

  /** A press (pointer or activating key): report the intent, describe the rest after the handler. */
  private pressed(press: Press): void {
    this.press = press;
    this.reports.intent(press.changeCount, press.at, press.eventAt);
    afterHandler(() => {
      press.target = completed(press.element, press.target);
    });
  }

  private onClick(event: MouseEvent): void {
    if (!event.isTrusted) return;
    const element = this.targetOf(event);
    if (!element) return;
    const press = this.press && this.press.element === element ? this.press : undefined;
    this.press = undefined;
    // Clicks into fields, selects and checkboxes: their edit, choice or toggle is the step.
    if (isFieldClick(element)) {
      this.togglePressCount ??= press?.changeCount;
      return;
    }
    // Enter in a field "clicks" the submit button; the Enter step already covers it.
    if (event.detail === 0 && performance.now() - this.enterAt < IMPLICIT_SUBMIT_MS) return;
    this.commitEdit();
    // The press tells what the page looked like when the user began the click; without one
    // (keyboard activation) the page has not reacted yet, so "now" is still "before".
    const offset = frameOffset(this.win);
    const point = press?.point ?? (event.detail > 0 ? { x: event.clientX + offset.x, y: event.clientY + offset.y } : undefined);
    // Read now, in the handler, as the page may rename the button, flip a switch's aria-checked
    // or remove the element ("Remove item") as it reacts: the action, its name, and its
    // selectors and text unless the press already found them after its own handler (a quick
    // click, or Enter on a button, leaves it no time to).
    const known = press && press.target.selectors.length > 0 ? press.target : undefined;
    const action = clickAction(element, known ?? completed(element, press?.target ?? quickTarget(element)), point);
    this.report(action, press?.changeCount ?? this.changeCount(), press?.at);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!event.isTrusted) return;
    const element = event.composedPath()[0];
    if (!(element instanceof Element) || isIgnoredElement(element)) return;
    this.keyPress(event);
    const step = keyStep(event, element);
    // Typing, Tab and arrows are not steps; the field's value is.
    if (!step) return;
    const changeCount = this.changeCount();
    // Enter may submit a form and leave the page before a timer runs (seen in Firefox): the
    // edit and the key are stored now, in the handler, as when the page is left.
    const leaving = step.key === 'Enter' && isFormField(editableRoot(element));
    this.commitEdit(undefined, leaving);
    if (leaving) this.enterAt = performance.now();
    const field = step.inField ? editableRoot(element) : undefined;
    const quick = field && quickTarget(field);
    const action = (): Action => ({ kind: 'key', key: step.key, ...(field && quick ? { target: completed(field, quick) } : {}) });
    this.report(action, changeCount, Date.now(), leaving);
  }

  /**
   * Enter or Space on a control (not a text field) activates it: the click that follows
   * (detail 0) is from this moment, like a pointer press.
   */
  private keyPress(event: KeyboardEvent): void {
    if ((event.key !== 'Enter' && event.key !== ' ') || event.repeat || event.ctrlKey || event.altKey || event.metaKey) return;
    const control = this.targetOf(event);
    if (!control || fieldKind(control) === 'text' || fieldKind(control) === 'select') return;
    this.pressed({ element: control, target: quickTarget(control), point: undefined, changeCount: this.changeCount(), at: Date.now(), eventAt: eventTime(event) });
  }

  private onFocusIn(event: FocusEvent): void {
    // A synthetic focusin would set the value an edit is compared with and ask for a picture.
    // Focus moved by the page's own element.focus() is still trusted: only dispatchEvent is not.
    if (!event.isTrusted) return;
    const element = event.composedPath()[0];
    if (!(element instanceof Element)) return;
    const field = editableRoot(element);
    this.edits.entered(field);
    const kind = fieldKind(field);
    if (kind !== 'text' && kind !== 'select') return;
    // An edit's picture shows the field as it was when the user came to it.
    const changeCount = this.changeCount();
    if (!this.focusCounts.has(field)) this.focusCounts.set(field, changeCount);
    this.reports.intent(changeCount, Date.now(), eventTime(event));
    afterHandler(() => field.isConnected && warmSelectors(field));
  }

  private onFocusOut(event: FocusEvent): void {
    // Leaving a field commits its edit: a page dispatching focusout must not force a
    // partly typed value (a secret's first characters) out early.
    if (!event.isTrusted) return;
    const element = event.composedPath()[0];
    if (element instanceof Element) this.commitEdit(editableRoot(element));
  }

  private onInput(event: Event): void {
    // A script setting a value is not the user typing.
    if (!event.isTrusted) return;
    const element = event.composedPath()[0];
    if (!(element instanceof Element) || isIgnoredElement(element)) return;
    const field = editableRoot(element);
    if (fieldKind(field) !== 'text' && fieldKind(field) !== 'select') return;
    const finished = this.edits.edited(field);
    afterHandler(() => field.isConnected && warmSelectors(field));
    const draftId = this.drafts.end(finished);
    if (finished) this.report(finished.action, this.editCount(finished.field), finished.at, false, draftId);
    // So a tab closed mid-typing loses nothing.
    afterHandler(() => this.drafts.keep());
  }

  private onChange(event: Event): void {
    if (!event.isTrusted) return;
    const element = event.composedPath()[0];
    if (!(element instanceof HTMLInputElement) || isIgnoredElement(element)) return;
    // Text and select changes are handled as edits; here only checkboxes and radios.
    if (fieldKind(element) !== 'toggle') return;
    this.commitEdit();
    const quick = quickTarget(element);
    const checked = element.checked;
    const action = (): Action =>
      element.type === 'checkbox'
        ? { kind: 'check', target: completed(element, quick), checked }
        : { kind: 'choose', target: completed(element, quick), group: groupName(element) };
    this.report(action, this.togglePressCount ?? this.changeCount());
    this.togglePressCount = undefined;
  }

  /** `now`: the page is going away (submit, pagehide), so nothing can wait for later. */
  private commitEdit(field?: Element, now = false): Promise<unknown> | undefined {
    const edit = this.edits.commit(field);
    const draftId = this.drafts.end(edit);
    return edit ? this.report(edit.action, this.editCount(edit.field), edit.at, now, draftId) : undefined;
  }

  /** The change count an edit's picture is from: when its field was entered. */
  private editCount(field: Element): number {
    const count = this.focusCounts.get(field) ?? this.changeCount();
    // The next edit of the same field starts from the page as this one left it.
    this.focusCounts.delete(field);
    return count;
  }

  /** The page is left: what waits for after a handler (a click's report) goes first, then the open edit. */
  private leave(): void {
    runWaitingWork();
    void this.flush();
  }

  /** Sends any unfinished edit now (form submitted, page left, recording stopping). */
  private flush(): Promise<unknown> | undefined {
    return this.commitEdit(undefined, true);
  }

  /**
   * `at`: when the action happened (the press of a click, the last keystroke of an edit).
   * Sent after the handler: describing the target and the frames reads layout.
   */
  private report(action: Action | (() => Action), changeCount: number, at = Date.now(), now = false, outboxId?: string): Promise<unknown> {
    const url = this.win.location.href;
    const send_ = () => {
      const described = typeof action === 'function' ? action() : action;
      // A route change that happened before this action is reported first, to keep the order.
      if (described.kind !== 'navigate') this.reportNavigation();
      return post(described, { ...this.reports.context(changeCount, at), url }, outboxId);
    };
    if (now) return send_();
    return new Promise((resolve) => afterHandler(() => resolve(send_())));
  }
}
