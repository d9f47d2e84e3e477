/**
 * Which form fields hold secrets (passwords, card numbers, one-time codes, PINs, …). Their
 * values never leave the content script unmasked, and their boxes are blurred in screenshots.
 *
 * A field stays secret once seen secret: a show/hide password toggle turns it into a plain
 * text field while the user types, and the value is no less secret for that. The boxes of a
 * split code (`code-groups.ts`) are one secret: all become secret together.
 *
 * Fields are recognised by tag name, not `instanceof`: those of a same-origin about:blank
 * frame come from another realm, where `instanceof HTMLInputElement` is false.
 */
import { codeGroupOf } from './code-groups';
import { namesSecret } from './secret-words';

const SECRET_AUTOCOMPLETE = /^(cc-|one-time-code$|.*-password$)/;
const HTML = 'http://www.w3.org/1999/xhtml';

/**
 * Fields seen secret, one set per frame for every Waymark script there: content scripts of
 * one extension share their isolated world, so the renderer (lib/screenshots/render-page.ts),
 * a bundle of its own injected later, knows what the recorder saw.
 */
const EVER_SECRET = Symbol.for('waymark.everSecret');
const everSecret: WeakSet<Element> = ((globalThis as { [EVER_SECRET]?: WeakSet<Element> })[EVER_SECRET] ??= new WeakSet());

export type TextField = HTMLInputElement | HTMLTextAreaElement;

export function isTextField(element: Element): element is TextField {
  return (element.localName === 'input' || element.localName === 'textarea') && element.namespaceURI === HTML;
}

/** Text of the elements named by aria-labelledby, looked up in the field's own tree (shadow root or document). */
function labelledBy(element: Element): string {
  const ids = element.getAttribute('aria-labelledby')?.split(/\s+/).filter(Boolean) ?? [];
  if (ids.length === 0) return '';
  const root = element.getRootNode() as Document | ShadowRoot;
  const find = (id: string) => (typeof root.getElementById === 'function' ? root.getElementById(id) : null);
  return ids.map((id) => find(id)?.textContent ?? '').join(' ');
}

function words(element: TextField): string {
  const labels = element.labels;
  const labelText = labels ? Array.from(labels, (l) => l.textContent ?? '').join(' ') : '';
  return [
    element.getAttribute('name'),
    element.id,
    element.getAttribute('aria-label'),
    element.getAttribute('placeholder'),
    element.getAttribute('title'),
    labelText,
    labelledBy(element),
  ]
    .filter(Boolean)
    .join(' ');
}

/** A password field, or one the page's autocomplete says holds a secret: cheap tests. */
function plainlySecret(element: TextField): boolean {
  if (element.localName === 'input' && (element as HTMLInputElement).type === 'password') return true;
  const autocomplete = (element.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/);
  return autocomplete.some((token) => SECRET_AUTOCOMPLETE.test(token));
}

function looksSecret(element: TextField): boolean {
  if (plainlySecret(element)) return true;
  // Dearer: a field's labels are found by a search of its document.
  if (namesSecret(words(element))) return true;
  // Last, as it is the dearest test: a field drawn as dots by CSS.
  const view = element.ownerDocument.defaultView;
  const security = view?.getComputedStyle(element).getPropertyValue('-webkit-text-security');
  return Boolean(security && security !== 'none');
}

export function isSecretField(element: Element): boolean {
  if (everSecret.has(element)) return true;
  if (!isTextField(element)) return false;
  if (looksSecret(element)) {
    everSecret.add(element);
    return true;
  }
  const group = codeGroupOf(element);
  if (!group) return false;
  for (const box of group) everSecret.add(box);
  return true;
}

/** A masked stand-in for a secret value: dots, and for card numbers the last four digits. */
export function maskSecret(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 13 && digits.length <= 19) return `•••• ${digits.slice(-4)}`;
  return '••••';
}

/**
 * The cheap half of `isSecretField`, for every event on a field: a password field is
 * remembered as secret, should a show-password toggle turn it plain later. The dearer tests
 * (labels, CSS) run where a value is stored and where a page's secret boxes are found, which
 * every settle and intent does for all fields.
 */
export function noteSecretField(element: Element): void {
  if (!everSecret.has(element) && isTextField(element) && plainlySecret(element)) everSecret.add(element);
}
