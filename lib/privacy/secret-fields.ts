/**
 * Which form fields hold secrets (passwords, card numbers, one-time codes, …). Their values
 * never leave the content script unmasked, and their boxes are blurred in screenshots.
 */
const SECRET_AUTOCOMPLETE = /^(cc-|one-time-code$|(new|current)-password$)/;
const SECRET_WORDS =
  /(pass(word|wd|phrase)?|pwd|secret|token|otp|one.?time|pin\b|\bpin|cvc|cvv|csc|security.?code|card.?(number|no)|cc.?num|ssn|social.?security|iban|api.?key)/i;

function words(element: Element): string {
  const labels = (element as HTMLInputElement).labels;
  const labelText = labels ? Array.from(labels, (l) => l.textContent ?? '').join(' ') : '';
  return [
    element.getAttribute('name'),
    element.id,
    element.getAttribute('aria-label'),
    element.getAttribute('placeholder'),
    labelText,
  ]
    .filter(Boolean)
    .join(' ');
}

export function isSecretField(element: Element): boolean {
  if (!(element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement)) return false;
  if (element instanceof HTMLInputElement && element.type === 'password') return true;
  const autocomplete = (element.getAttribute('autocomplete') ?? '').toLowerCase().split(/\s+/);
  if (autocomplete.some((token) => SECRET_AUTOCOMPLETE.test(token))) return true;
  const security = getComputedStyle(element).getPropertyValue('-webkit-text-security');
  if (security && security !== 'none') return true;
  return SECRET_WORDS.test(words(element));
}

/** A masked stand-in for a secret value: dots, and for card numbers the last four digits. */
export function maskSecret(value: string): string {
  const digits = value.replace(/\D/g, '');
  if (digits.length >= 13 && digits.length <= 19) return `•••• ${digits.slice(-4)}`;
  return '••••';
}
