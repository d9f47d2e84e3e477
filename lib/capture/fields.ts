/**
 * Form fields as the recorder sees them: what kind of edit a field gets (typed text, a
 * choice in a <select>, a toggle) and its current value in words a reader understands.
 */
import { accessibleName } from './describe';

export type FieldKind = 'text' | 'select' | 'toggle' | 'none';

// Inputs that are pressed, not edited: a click on them is the step.
const BUTTON_INPUTS = new Set(['button', 'submit', 'reset', 'image', 'file']);

export function fieldKind(element: Element): FieldKind {
  if (element instanceof HTMLInputElement) {
    if (element.type === 'checkbox' || element.type === 'radio') return 'toggle';
    return BUTTON_INPUTS.has(element.type) ? 'none' : 'text';
  }
  if (element instanceof HTMLTextAreaElement) return 'text';
  if (element instanceof HTMLSelectElement) return 'select';
  if (element instanceof HTMLElement && (element.isContentEditable || element.getAttribute('role') === 'textbox')) {
    return 'text';
  }
  return 'none';
}

/** The editable root a node belongs to (a contenteditable editor's root, not a <p> in it). */
export function editableRoot(element: Element): Element {
  if (!(element instanceof HTMLElement) || !element.isContentEditable) return element;
  let root: HTMLElement = element;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}

export function fieldValue(element: Element): string {
  if (element instanceof HTMLSelectElement) {
    return [...element.selectedOptions].map((o) => o.label || o.text).join(', ');
  }
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) return element.value;
  return (element as HTMLElement).innerText ?? element.textContent ?? '';
}

/** The name of a radio button's group: its <fieldset>'s legend or its radiogroup's name. */
export function groupName(element: Element): string | undefined {
  const group = element.closest('fieldset, [role="radiogroup"]');
  if (!group) return undefined;
  const legend = group instanceof HTMLFieldSetElement ? group.querySelector(':scope > legend') : null;
  const name = legend ? (legend.textContent ?? '') : accessibleName(group);
  return name.replace(/\s+/g, ' ').trim() || undefined;
}

/** A form control inside a form: Enter there may submit it and leave the page. */
export function isFormField(element: Element): boolean {
  return 'form' in element && (element as HTMLInputElement).form instanceof HTMLFormElement;
}
