/**
 * Names a reader can act on (issue 18). A control that shows its current value (a <select>, a
 * combobox, a button that opens a list) is named by its label alone: `Cost center`, not
 * `Cost center Choose…`, which stops matching as soon as the value changes. A control with no
 * name and no text is placed instead: the n-th of its role inside its nearest named region.
 */
import { getRole } from 'dom-accessibility-api';
import type { Place } from '@/lib/steps/types';

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Controls whose accessible name takes in the value they show. */
export function showsValue(element: Element): boolean {
  if (element instanceof HTMLSelectElement) return true;
  const role = element.getAttribute('role');
  if (role === 'combobox' || role === 'listbox') return true;
  const popup = element.getAttribute('aria-haspopup');
  return popup !== null && popup !== 'false';
}

/** The text of a label, without the controls inside it (their values are not the label). */
function labelText(label: Element): string {
  const copy = label.cloneNode(true) as Element;
  for (const inner of copy.querySelectorAll('input, select, textarea, button, [role=combobox], [role=listbox]')) inner.remove();
  return clean(copy.textContent ?? '');
}

/** What labels the control apart from its own content: aria-label, other labelling elements, <label>s. */
export function labelOf(element: Element): string {
  const ariaLabel = clean(element.getAttribute('aria-label') ?? '');
  if (ariaLabel) return ariaLabel;
  const root = element.getRootNode() as Document | ShadowRoot;
  const ids = (element.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter((id) => id && id !== element.id);
  const byIds = ids.map((id) => root.getElementById?.(id)).filter((e): e is HTMLElement => Boolean(e));
  if (byIds.length) return clean(byIds.map(labelText).join(' '));
  const labels = (element as HTMLInputElement).labels;
  return labels ? clean([...labels].map(labelText).join(' ')) : '';
}

/** The name to show for a control: its label when its full name would carry its value. */
export function controlName(element: Element, fullName: string): string {
  if (!showsValue(element)) return fullName;
  return labelOf(element) || fullName;
}

// Regions a reader can find and a sentence can name: `in the toolbar "Formatting"`.
const CONTAINER_ROLES = new Set([
  'navigation', 'banner', 'main', 'contentinfo', 'complementary', 'region', 'form', 'search', 'toolbar',
  'menu', 'menubar', 'tablist', 'dialog', 'alertdialog', 'group', 'radiogroup', 'listbox', 'tree', 'grid', 'table',
]);
const MAX_COUNTED = 5000;

function parentOf(element: Element): Element | undefined {
  if (element.parentElement) return element.parentElement;
  const root = element.getRootNode();
  return root instanceof ShadowRoot ? root.host : undefined;
}

function regionOf(element: Element): { element: Element; role: string } | undefined {
  for (let node = parentOf(element); node; node = parentOf(node)) {
    const role = getRole(node);
    if (role && CONTAINER_ROLES.has(role)) return { element: node, role };
  }
  return undefined;
}

/** Shown to a reader (as Playwright and screen readers count: not hidden, not aria-hidden). */
function isShown(element: Element): boolean {
  return element.getClientRects().length > 0 && !element.closest('[aria-hidden="true"]');
}

/** Where an element without a name or text is: its rank among the controls of its role. */
export function placeOf(element: Element, role: string): Place | undefined {
  if (!role) return undefined;
  const region = regionOf(element);
  const scope: ParentNode = region?.element ?? element.ownerDocument;
  const peers = [...scope.querySelectorAll('*')].slice(0, MAX_COUNTED).filter((e) => e === element || (getRole(e) === role && isShown(e)));
  const index = peers.indexOf(element) + 1;
  if (index === 0) return undefined;
  const container = region ? { role: region.role, ...(labelOf(region.element) ? { name: labelOf(region.element) } : {}) } : undefined;
  return { index, count: peers.length, ...(container ? { container } : {}) };
}
