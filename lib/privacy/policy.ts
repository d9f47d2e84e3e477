/**
 * What the content script must leave alone: elements marked "never record" (by the page
 * author with `data-waymark-ignore`, or by the user in the options or the context menu),
 * whole sites the user excluded, and secret fields. One entry point so the recorder asks a
 * single question per event; settings come from a cache, never a storage read per event.
 */
import { findSensitive } from './detectors';
import { isSecretField, maskSecret, noteSecretField } from './secret-fields';
import { currentPrivacySettings, type PrivacySettings } from './settings';
import { siteAllowedBy, siteMatches } from './sites';

const IGNORE_SELECTOR = '[data-waymark-ignore]';
const CARDS_ONLY = { email: false, card: true, phone: false, iban: false, ip: false };

/** Selectors the user marked on the site of this URL. */
export function markedSelectorsFor(url: string, settings: PrivacySettings): string[] {
  return settings.markedElements.filter((m) => siteMatches(url, m.site)).map((m) => m.selector);
}

function closestSafe(element: Element, selector: string): boolean {
  try {
    return element.closest(selector) !== null;
  } catch {
    return false;
  }
}

/** True when events on this element must not become steps. */
export function isIgnoredElement(element: Element): boolean {
  // Seeing the field now remembers it as secret, should it turn into a plain field later.
  noteSecretField(element);
  if (element.closest(IGNORE_SELECTOR) !== null) return true;
  const url = element.ownerDocument.defaultView?.location.href ?? '';
  const settings = currentPrivacySettings();
  if (!siteAllowedBy(settings, url)) return true;
  return markedSelectorsFor(url, settings).some((selector) => closestSafe(element, selector));
}

/**
 * The value to store for what was typed into a field: masked when the field is secret, and
 * when a card number (Luhn-valid) was typed into an ordinary field.
 */
export function storedValue(element: Element, value: string): { value: string; masked: boolean } {
  const secret = isSecretField(element) || findSensitive(value, CARDS_ONLY).length > 0;
  return secret ? { value: maskSecret(value), masked: true } : { value, masked: false };
}
