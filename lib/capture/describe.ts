/**
 * Describes the element an action was done to: its role and accessible name as a browser
 * computes them (accname 1.2 via dom-accessibility-api, not a hand-made guess), selectors
 * to find it again (@medv/finder), its visible text and its box on screen.
 */
import { computeAccessibleDescription, computeAccessibleName, getRole } from 'dom-accessibility-api';
import { finder } from '@medv/finder';
import type { Box, TargetDescription } from '@/lib/steps/types';
import { frameOffset, framePath } from './frames';
import { columnName } from './columns';
import { controlName, placeOf } from './names';

const MAX_TEXT = 120;

function shortText(element: Element): string | undefined {
  const text = (element as HTMLElement).innerText ?? element.textContent ?? '';
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean ? clean.slice(0, MAX_TEXT) : undefined;
}

// A unique selector costs the most of describing an element (finder queries the document
// many times), and the same control is often used again and again: finder's answer is reused
// while it still finds this element, and only it, in the same tree.
const knownSelectors = new WeakMap<Element, string[]>();

function stillFinds(element: Element, scope: ParentNode, selectors: string[]): boolean {
  try {
    return selectors.every((selector) => {
      const found = scope.querySelectorAll(selector);
      return found.length === 1 && found[0] === element;
    });
  } catch {
    return false;
  }
}

function selectorsOf(element: Element): string[] {
  // Inside a shadow root, finder searches that root.
  const root = element.getRootNode();
  const scope = root instanceof ShadowRoot ? root : element.ownerDocument;
  const known = knownSelectors.get(element);
  if (known && stillFinds(element, scope, known)) return known;
  const selectors: string[] = [];
  try {
    selectors.push(finder(element, { root: scope as unknown as Element, timeoutMs: 50 }));
  } catch {
    // finder gives up on some pages (huge DOMs, timeouts); the other locators remain.
  }
  // Kept only when finder answered: it may answer next time.
  const answered = selectors.length > 0;
  const byId = element.id ? `#${CSS.escape(element.id)}` : undefined;
  if (byId && !selectors.includes(byId)) selectors.push(byId);
  if (answered) knownSelectors.set(element, selectors);
  return selectors;
}

/** The element's box in the top frame's CSS pixels (best effort across frames). */
export function boxOf(element: Element): Box {
  const rect = element.getBoundingClientRect();
  const offset = frameOffset(element.ownerDocument.defaultView);
  return { x: rect.x + offset.x, y: rect.y + offset.y, width: rect.width, height: rect.height };
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();
const WORDS = /[\p{L}\p{N}]/u;

export function accessibleName(element: Element): string {
  try {
    const name = clean(computeAccessibleName(element));
    // An icon glyph ("🖨", "⚙", "×") names nothing for a reader: its tooltip says what it does.
    if (WORDS.test(name)) return name;
    const description = clean(computeAccessibleDescription(element));
    if (WORDS.test(description)) return description;
    // HTML-AAM names an unlabelled field by its placeholder; dom-accessibility-api does not.
    const placeholder = clean(element.getAttribute('placeholder') ?? element.getAttribute('aria-placeholder') ?? '');
    return name || placeholder;
  } catch {
    return '';
  }
}

/**
 * The name a step gives a control, and the follower looks for: its label when its full name
 * would carry the value it shows (names.ts); for a control with no name, in a table or grid,
 * its column's header (columns.ts).
 */
export function targetName(element: Element): string {
  return controlName(element, accessibleName(element)) || columnName(element);
}

function opensList(element: Element): boolean {
  const role = element.getAttribute('role');
  return role === 'combobox' || role === 'listbox' || element.getAttribute('aria-haspopup') === 'listbox';
}

/** What a control named by its label alone shows (`Choose…`, then `Sales`), if anything. */
function shownValue(element: Element, name: string): string | undefined {
  // A <select>'s step names the option chosen instead (`Select "Travel" in Category`). Only a
  // control that opens a list of values: a menu button's text ("3", a user's address) is no value to choose.
  if (!name || element.localName === 'select' || !opensList(element)) return undefined;
  const value = clean((element as HTMLElement).innerText ?? element.textContent ?? '').slice(0, MAX_TEXT);
  return value && value !== name ? value : undefined;
}

/**
 * What must be read in the event handler, before the page reacts: role, name, box. The rest
 * (selectors, text) comes from `completeTarget`, after the handler.
 */
export function quickTarget(element: Element): TargetDescription {
  const path = framePath(element.ownerDocument.defaultView);
  const role = getRole(element) ?? '';
  const name = targetName(element);
  const shows = shownValue(element, name);
  return {
    role,
    name,
    tag: element.tagName.toLowerCase(),
    selectors: [],
    ...(shows ? { shows } : {}),
    ...(path.length ? { framePath: path } : {}),
    box: boxOf(element),
  };
}

/**
 * Adds the costly parts to a quick description (while the element is still in the page):
 * selectors, text, and — without a name or text — where the control is, which needs a scan
 * of the page that must not run inside its event handler.
 */
export function completeTarget(element: Element, target: TargetDescription): TargetDescription {
  if (target.selectors.length > 0) return target;
  const text = shortText(element);
  const place = target.name || text ? undefined : placeOf(element, target.role);
  return { ...target, selectors: selectorsOf(element), text, ...(place ? { place } : {}) };
}

/** Computes the element's selectors now so a later description finds them cached. */
export function warmSelectors(element: Element): void {
  selectorsOf(element);
}

export function describeTarget(element: Element): TargetDescription {
  return completeTarget(element, quickTarget(element));
}
