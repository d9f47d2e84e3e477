/**
 * Injected into the frames of recorded tabs only (lib/recording/inject.ts), and records from
 * the moment it is connected. It turns trusted DOM events into actions and sends them to the background. It listens in the
 * capture phase on the window, so pages that stop propagation still get recorded, and it
 * never cancels, delays or re-dispatches the page's own events. Each `if` that drops an
 * event says why.
 */
import { browser } from 'wxt/browser';
import { send, isMessage } from '@/lib/messages';
import type { Action, Point, TargetDescription } from '@/lib/steps/types';
import { isIgnoredElement } from '@/lib/privacy/policy';
import { secretBoxes } from '@/lib/privacy/secret-boxes';
import { trackChanges, type ChangeTracker } from './changes';
import { controlFromPath } from './controls';
import { describeTarget } from './describe';
import { frameOffset } from './frames';
import { PendingEdits } from './edits';
import { editableRoot, fieldKind, groupName } from './fields';
import { clickAction, isFieldClick } from './clicks';
import { keyStep } from './keys';
import { AddressWatch } from './navigation';
import { measured } from './measure';
import { post } from './outbox';

interface Press {
  element: Element;
  target: TargetDescription;
  point: Point;
  changeCount: number;
  at: number;
}

/** After Enter in a field, the browser "clicks" the form's submit button: not a second step. */
const IMPLICIT_SUBMIT_MS = 1000;

export class PageRecorder {
  private tracker?: ChangeTracker;
  private listeners?: AbortController;
  private press?: Press;
  private edits = new PendingEdits();
  private address: AddressWatch;
  private enterAt = 0;
  /** The change count at the press that toggled a checkbox (its `change` comes after the click). */
  private togglePressCount?: number;
  private readonly top: boolean;

  constructor(private readonly win: Window) {
    this.address = new AddressWatch(win);
    this.top = win === win.top;
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
    on_('submit', () => this.flush());
    on_('pagehide', () => this.flush());
    on_('popstate', () => this.address.notePopstate());
    this.win.document.addEventListener('DOMContentLoaded', () => this.reportNavigation(), options);
    this.tracker = trackChanges(this.win.document, (changeCount) => this.onSettled(changeCount));
  }

  private viewport() {
    return { width: this.win.innerWidth, height: this.win.innerHeight, dpr: this.win.devicePixelRatio };
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
    void send({
      type: 'capture.settled',
      changeCount,
      url: this.win.location.href,
      viewport: this.viewport(),
      secretBoxes: secretBoxes(this.win.document),
    }).catch(() => undefined);
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
    this.press = {
      element,
      target: describeTarget(element),
      point: { x: event.clientX + offset.x, y: event.clientY + offset.y },
      changeCount: this.changeCount(),
      at: Date.now(),
    };
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
    const action = clickAction(element, press?.target ?? describeTarget(element), point);
    this.report(action, press?.changeCount ?? this.changeCount(), press?.at);
  }

  private onKeyDown(event: KeyboardEvent): void {
    if (!event.isTrusted) return;
    const element = event.composedPath()[0];
    if (!(element instanceof Element) || isIgnoredElement(element)) return;
    const step = keyStep(event, element);
    // Typing, Tab and arrows are not steps; the field's value is.
    if (!step) return;
    const changeCount = this.changeCount();
    this.commitEdit();
    if (step.key === 'Enter') this.enterAt = performance.now();
    const target = step.inField ? describeTarget(editableRoot(element)) : undefined;
    this.report({ kind: 'key', key: step.key, ...(target ? { target } : {}) }, changeCount);
  }

  private onFocusIn(event: FocusEvent): void {
    const element = event.composedPath()[0];
    if (element instanceof Element) this.edits.entered(editableRoot(element));
  }

  private onFocusOut(event: FocusEvent): void {
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
    if (finished) this.report(finished.action, this.changeCount(), finished.at);
  }

  private onChange(event: Event): void {
    if (!event.isTrusted) return;
    const element = event.composedPath()[0];
    if (!(element instanceof HTMLInputElement) || isIgnoredElement(element)) return;
    // Text and select changes are handled as edits; here only checkboxes and radios.
    if (fieldKind(element) !== 'toggle') return;
    this.commitEdit();
    const target = describeTarget(element);
    const action: Action =
      element.type === 'checkbox'
        ? { kind: 'check', target, checked: element.checked }
        : { kind: 'choose', target, group: groupName(element) };
    this.report(action, this.togglePressCount ?? this.changeCount());
    this.togglePressCount = undefined;
  }

  private commitEdit(field?: Element): Promise<unknown> | undefined {
    const edit = this.edits.commit(field);
    return edit ? this.report(edit.action, this.changeCount(), edit.at) : undefined;
  }

  /** Sends any unfinished edit now (form submitted, page left, recording stopping). */
  private flush(): Promise<unknown> | undefined {
    return this.commitEdit();
  }

  /** `at`: when the action happened (the press of a click, the last keystroke of an edit). */
  private report(action: Action, changeCount: number, at = Date.now()): Promise<unknown> {
    // A route change that happened before this action is reported first, to keep the order.
    if (action.kind !== 'navigate') this.reportNavigation();
    const win = this.win;
    return post(action, {
      changeCount,
      at,
      url: win.location.href,
      title: win.document.title,
      viewport: this.viewport(),
      secretBoxes: secretBoxes(win.document),
    });
  }
}
