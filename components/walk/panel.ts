/**
 * The walk's in-page panel: the current step's sentence, "Step N of M", and Back, Skip,
 * Stop (plus Re-capture for a step the page no longer has). Like the recording bar it is
 * plain DOM in a CLOSED shadow root, fixed on top of the page, ignored by the recorder
 * (`data-waymark-ignore`). Page text reaches it only through `textContent`.
 */
import type { WalkView } from '@/lib/walk/view';
import type { PanelActions } from '@/lib/walk/page-walker';

const CSS = `
:host { all: initial; position: fixed !important; z-index: 2147483647; right: 16px; bottom: 16px; }
.panel { width: 320px; padding: 12px 14px; border-radius: 10px; background: #1f2937; color: #fff;
  font: 14px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px #0006; display: grid; gap: 8px; }
.count { font-size: 12px; color: #cbd5e1; }
.sentence { font-weight: 600; }
.hint:empty { display: none; }
.hint { font-size: 13px; color: #fde68a; }
.row { display: flex; gap: 6px; flex-wrap: wrap; align-items: center; }
button { font: inherit; font-size: 13px; color: #fff; background: #374151; border: 0; border-radius: 6px; padding: 4px 10px; cursor: pointer; }
button:hover, button:focus-visible { background: #4b5563; outline: 2px solid #93c5fd; }
button[hidden], label[hidden] { display: none; }
label { font-size: 12px; display: flex; gap: 4px; align-items: center; }
`;

function button(label: string, onClick: () => void): HTMLButtonElement {
  const element = document.createElement('button');
  element.type = 'button';
  element.textContent = label;
  // Only the user's own clicks: a page script must not skip or stop the walk (as in the recording bar).
  element.addEventListener('click', (event) => {
    if (event.isTrusted) onClick();
  });
  return element;
}

/** What the panel says under the sentence. */
export function hintFor(view: WalkView, onStepPage: boolean): string {
  if (view.state === 'done') return '';
  if (view.recapturing) return 'Do this step by hand now: Waymark records it in place of the old one.';
  if (view.mark === 'stale') return "Waymark can't find this on the page any more. Skip it, or re-capture it by doing it by hand.";
  if (view.mark === 'changed') return 'This seems to have changed on the page (highlighted). Do it there, or re-capture it.';
  if (view.action.kind === 'navigate') return 'Go to this page to continue.';
  if (!onStepPage) return `This step is on another page: ${view.pageUrl}`;
  if (view.masked) return 'Type your own value: Waymark never fills it in.';
  return '';
}

export class WalkPanel {
  private host?: HTMLElement;
  private parts?: {
    count: HTMLElement; sentence: HTMLElement; hint: HTMLElement; back: HTMLButtonElement; skip: HTMLButtonElement;
    stop: HTMLButtonElement; recapture: HTMLButtonElement; cancel: HTMLButtonElement; undo: HTMLButtonElement;
    newSentence: HTMLLabelElement; newSentenceBox: HTMLInputElement;
  };
  private undoStep?: string;

  constructor(private readonly actions: PanelActions) {}

  show(view: WalkView | undefined, onStepPage: boolean): void {
    if (!view) return this.remove();
    const p = this.build();
    const done = view.state === 'done';
    p.count.textContent = done ? `Done · ${view.count} ${view.count === 1 ? 'step' : 'steps'}` : `Step ${view.index + 1} of ${view.count}`;
    p.sentence.textContent = done ? 'Done! You have walked through the whole guide.' : view.text;
    p.hint.textContent = hintFor(view, onStepPage);
    p.back.hidden = done || view.index === 0;
    p.skip.hidden = done || view.recapturing;
    p.stop.textContent = done ? 'Close' : 'Stop';
    const canRecapture = !done && !view.recapturing && (view.mark === 'stale' || view.mark === 'changed');
    p.recapture.hidden = !canRecapture;
    p.newSentence.hidden = !canRecapture;
    p.cancel.hidden = !view.recapturing;
    this.undoStep = view.undoable;
    p.undo.hidden = !view.undoable;
  }

  /** Hidden while the tab is captured for a re-capture's picture. */
  conceal(hidden: boolean): void {
    if (!this.host) return;
    if (hidden) this.host.style.setProperty('display', 'none', 'important');
    else this.host.style.removeProperty('display');
  }

  remove(): void {
    this.host?.remove();
    this.host = undefined;
    this.parts = undefined;
  }

  private build(): NonNullable<WalkPanel['parts']> {
    if (this.host?.isConnected && this.parts) return this.parts;
    const host = document.createElement('waymark-walk');
    host.setAttribute('data-waymark-ignore', '');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = document.createElement('style');
    style.textContent = CSS;
    const root = document.createElement('div');
    root.className = 'panel';
    root.setAttribute('role', 'region');
    root.setAttribute('aria-label', 'Waymark walk-through');
    const count = document.createElement('div');
    count.className = 'count';
    const sentence = document.createElement('div');
    sentence.className = 'sentence';
    sentence.setAttribute('aria-live', 'polite');
    const hint = document.createElement('div');
    hint.className = 'hint';
    hint.setAttribute('role', 'status');
    const a = this.actions;
    const newSentenceBox = document.createElement('input');
    newSentenceBox.type = 'checkbox';
    const newSentence = document.createElement('label');
    newSentence.append(newSentenceBox, 'Use the new sentence');
    const parts = {
      count, sentence, hint, newSentence, newSentenceBox,
      back: button('Back', () => a.back()),
      skip: button('Skip', () => a.skip()),
      stop: button('Stop', () => a.stop()),
      recapture: button('Re-capture this step', () => a.recapture(newSentenceBox.checked)),
      cancel: button('Cancel re-capture', () => a.cancelRecapture()),
      undo: button('Undo re-capture', () => this.undoStep && a.undoRecapture(this.undoStep)),
    };
    const row = document.createElement('div');
    row.className = 'row';
    row.append(parts.back, parts.skip, parts.stop);
    const fix = document.createElement('div');
    fix.className = 'row';
    fix.append(parts.recapture, newSentence, parts.cancel, parts.undo);
    root.append(count, sentence, hint, fix, row);
    shadow.append(style, root);
    document.documentElement.append(host);
    this.host = host;
    this.parts = parts;
    return parts;
  }
}
