/**
 * What the content script must leave alone: elements marked "never record" (by the page
 * author with `data-waymark-ignore`, or by the user) and secret fields. One entry point so
 * the recorder asks a single question per event.
 */
import { isSecretField, maskSecret } from './secret-fields';

const IGNORE_SELECTOR = '[data-waymark-ignore]';

/** True when events on this element must not become steps. */
export function isIgnoredElement(element: Element): boolean {
  return element.closest(IGNORE_SELECTOR) !== null;
}

/** The value to store for what was typed into a field: masked when the field is secret. */
export function storedValue(element: Element, value: string): { value: string; masked: boolean } {
  return isSecretField(element) ? { value: maskSecret(value), masked: true } : { value, masked: false };
}
