/**
 * Which clicks are steps, and of what kind. A click into a text field, a <select> or on a
 * checkbox (or its label) is not a step of its own: the edit, choice or toggle it leads to
 * is. Custom ARIA checkboxes and radios have no `change` event, so their click is the toggle.
 */
import type { Action, Point, TargetDescription } from '@/lib/steps/types';
import { fieldKind, groupName } from './fields';

/** The control a label stands for (a click on a label acts on its control). */
function labelled(element: Element): Element {
  return element instanceof HTMLLabelElement && element.control ? element.control : element;
}

/** True when the click's step comes from the field's own edit or change event. */
export function isFieldClick(element: Element): boolean {
  const control = labelled(element);
  if (control instanceof HTMLOptionElement) return true;
  return fieldKind(control) !== 'none';
}

/** The action a click on `element` makes, given its description taken at the press. */
export function clickAction(element: Element, target: TargetDescription, point?: Point): Extract<Action, { kind: 'click' | 'check' | 'choose' }> {
  const role = element.getAttribute('role');
  if (role === 'checkbox' || role === 'switch') {
    // Read in the capture phase, before the page's handler flips aria-checked.
    return { kind: 'check', target, checked: element.getAttribute('aria-checked') !== 'true' };
  }
  if (role === 'radio') return { kind: 'choose', target, group: groupName(element) };
  return { kind: 'click', target, ...(point ? { point } : {}) };
}
