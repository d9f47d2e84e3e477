/**
 * Which form fields hold secrets (passwords, card numbers, one-time codes, …). Their values
 * never leave the content script unmasked, and their boxes are blurred in screenshots.
 *
 * A field stays secret once seen secret: a show/hide password toggle turns it into a plain
 * text field while the user types, and the value is no less secret for that.
 */
const SECRET_AUTOCOMPLETE = /^(cc-|one-time-code$|.*-password$)/;
const SECRET_WORDS =
  /(pass(word|wd|phrase|code)?|pwd|secret|token|otp|one.?time|\bpin\b|pin.?(code|number)|cvc|cvv|csc|security.?code|card|cc.?num|ssn|social.?security|iban|api.?key)/i;

const everSecret = new WeakSet<Element>();

function labelledBy(element: Element): string {
  const ids = element.getAttribute('aria-labelledby')?.split(/\s+/) ?? [];
  return ids.map((id) => element.ownerDocument.getElementById(id)?.textContent ?? '').join(' ');
}

function words(element: Element): string {
  const labels = (element as HTMLInputElement).labels;
  const labelText = labels ? Array.from(labels, (l) => l.textContent ?? '').join(' ') : '';
  return [
    element.getAttribute('name'),
    element.id,
    element.getAttribute('aria-label'),
    element.getAttribute('placeholder'),
    labelText,
    labelledBy(element),
  ]
    .filter(Boolean)
    .join(' ');
}

function looksSecret(element: HTMLInputElement | HTMLTextAreaElement): boolean {
  if (element instanceof HTMLInputElement && element.type === 'password') return true;
  const autocomplete = (element.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/);
  if (autocomplete.some((token) => SECRET_AUTOCOMPLETE.test(token))) return true;
  const view = element.ownerDocument.defaultView;
  const security = view?.getComputedStyle(element).getPropertyValue('-webkit-text-security');
  if (security && security !== 'none') return true;
  return SECRET_WORDS.test(words(element));
}

export function isSecretField(element: Element): boolean {
  if (everSecret.has(element)) return true;
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return false;
  if (!looksSecret(element)) return false;
  everSecret.add(element);
  return true;
}

/** A masked stand-in for a secret value: dots, and for card numbers the last four digits. */
export function maskSecret(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 13 && digits.length <= 19) return `•••• ${digits.slice(-4)}`;
  return '••••';
}
