/**
 * Did this event do the step? The same recognisers as the recorder (lib/capture/): the
 * control a click was meant for, a field's committed value, a toggle's change, a key step.
 * A field counts as typed when its edit is committed (change: on leaving it or pressing
 * Enter), whatever the value: the user may type their own.
 */
import type { Action } from '@/lib/steps/types';
import { controlFromPath } from '@/lib/capture/controls';
import { clickAction, isFieldClick } from '@/lib/capture/clicks';
import { describeTarget } from '@/lib/capture/describe';
import { editableRoot, fieldKind, fieldValue, groupName } from '@/lib/capture/fields';
import { storedValue } from '@/lib/privacy/policy';
import { keyStep } from '@/lib/capture/keys';
import { frameOffset } from '@/lib/capture/frames';

function related(a: Element, b: Element): boolean {
  return a === b || a.contains(b) || b.contains(a);
}

/** The control a label stands for. */
function controlOf(element: Element): Element {
  return element instanceof HTMLLabelElement && element.control ? element.control : element;
}

/** `element` is what the walk found for the step (absent: the step's element was not found). */
export function performs(action: Action, event: Event, element: Element | undefined): boolean {
  if (!event.isTrusted || action.kind === 'navigate') return false;
  // Without its element only a key step with no target (Escape, a shortcut) can be done.
  if (!element && !(action.kind === 'key' && !action.target)) return false;
  const origin = event.composedPath()[0];
  if (!(origin instanceof Element)) return false;
  switch (action.kind) {
    case 'click': {
      if (event.type !== 'click') return false;
      const control = controlFromPath(event.composedPath());
      return control !== undefined && related(control, element!);
    }
    case 'type':
      return committed(event, origin, element!) && fieldKind(element!) === 'text';
    case 'select':
      return event.type === 'change' && origin === element;
    case 'check':
    case 'choose':
      return toggled(event, origin, element!);
    case 'key': {
      if (event.type !== 'keydown') return false;
      const step = keyStep(event as KeyboardEvent, origin);
      if (step?.key !== action.key) return false;
      return !action.target || related(editableRoot(origin), element!);
    }
  }
}

function committed(event: Event, origin: Element, element: Element): boolean {
  const field = editableRoot(origin);
  if (field !== element) return false;
  if (event.type === 'change') return true;
  // A contenteditable editor has no change event: leaving it with text in it commits.
  if (event.type === 'focusout' && (field as HTMLElement).isContentEditable) return fieldValue(field).trim() !== '';
  return event.type === 'keydown' && (event as KeyboardEvent).key === 'Enter' && fieldValue(field) !== '';
}

function toggled(event: Event, origin: Element, element: Element): boolean {
  // Native checkboxes and radios report their toggle with `change`.
  if (event.type === 'change') return origin === element;
  // ARIA checkboxes, switches and radios have none: their click is the toggle.
  if (event.type !== 'click' || isFieldClick(controlOf(origin))) return false;
  const control = controlFromPath(event.composedPath());
  return control !== undefined && related(control, element);
}

/** Events that can do a step, listened to in the capture phase on the window. */
export const PERFORM_EVENTS = ['click', 'change', 'keydown', 'focusout'] as const;

/**
 * The action an event is, for a re-capture: a click on a control, or a field's committed
 * value (masked as the recorder masks it), described as the recorder describes targets.
 */
export function actionOf(event: Event): Action | undefined {
  if (!event.isTrusted) return undefined;
  const origin = event.composedPath()[0];
  if (!(origin instanceof Element)) return undefined;
  if (event.type === 'click') {
    const control = controlFromPath(event.composedPath());
    if (!control || isFieldClick(controlOf(control))) return undefined;
    const mouse = event as MouseEvent;
    const offset = frameOffset(origin.ownerDocument.defaultView);
    const point = mouse.detail > 0 ? { x: mouse.clientX + offset.x, y: mouse.clientY + offset.y } : undefined;
    return clickAction(control, describeTarget(control), point);
  }
  if (event.type !== 'change') return undefined;
  const target = describeTarget(origin);
  if (origin instanceof HTMLSelectElement) return { kind: 'select', target, option: fieldValue(origin) };
  if (origin instanceof HTMLInputElement && origin.type === 'checkbox') return { kind: 'check', target, checked: origin.checked };
  if (origin instanceof HTMLInputElement && origin.type === 'radio') return { kind: 'choose', target, group: groupName(origin) };
  if (fieldKind(origin) === 'text') return { kind: 'type', target, ...storedValue(origin, fieldValue(origin)) };
  return undefined;
}
