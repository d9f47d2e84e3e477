/**
 * Finds sensitive substrings in text: email addresses, card numbers (Luhn), IBANs (mod 97),
 * IP addresses and phone numbers. Pure and small: it runs in the content script on every
 * settle. Each candidate is checked (checksum, parser) so ordinary numbers stay readable.
 */
import type { SensitiveCategory } from './settings';

export interface SensitiveMatch {
  category: SensitiveCategory;
  start: number;
  end: number;
}

/** Luhn checksum, as card numbers carry. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(value: string): boolean {
  const iban = value.replace(/\s/g, '').toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  let remainder = 0;
  for (const ch of iban.slice(4) + iban.slice(0, 4)) {
    const n = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    remainder = (n > 9 ? remainder * 100 + n : remainder * 10 + n) % 97;
  }
  return remainder === 1;
}

/** The regex may run into a following word ("… 00 EUR"): keep the longest valid prefix. */
function ibanPrefix(candidate: string): number | false {
  for (let end = candidate.length; end >= 15; end--) {
    if (candidate[end - 1] !== ' ' && isValidIban(candidate.slice(0, end))) return end;
  }
  return false;
}

function isIpv6(candidate: string): boolean {
  if ((candidate.match(/:/g) ?? []).length < 2 || !/[0-9a-f]/i.test(candidate)) return false;
  try {
    new URL(`http://[${candidate}]/`);
    return true;
  } catch {
    return false;
  }
}

function digitCount(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) count++;
  }
  return count;
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

interface Detector {
  category: SensitiveCategory;
  /** A cheap test on the whole text (and its digit count) that skips the regex when it cannot match. */
  maybe: (text: string, digits: number) => boolean;
  pattern: RegExp;
  accept: (m: string) => boolean | number;
}

/** In priority order: a substring claimed by an earlier detector is not matched again. */
const DETECTORS: Detector[] = [
  {
    category: 'email',
    maybe: (text) => text.includes('@'),
    pattern: /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
    accept: () => true,
  },
  {
    category: 'card',
    maybe: (_, digits) => digits >= 13,
    pattern: /(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])/g,
    accept: (m) => passesLuhn(m.replace(/\D/g, '')),
  },
  {
    category: 'iban',
    maybe: (text, digits) => digits >= 4 && /[A-Z]{2}\d\d/.test(text),
    pattern: /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]){11,30}\b/g,
    accept: ibanPrefix,
  },
  {
    category: 'ip',
    maybe: (text, digits) => digits >= 4 && text.includes('.'),
    pattern: new RegExp(`(?<![\\d.])${OCTET}(?:\\.${OCTET}){3}(?![\\d.])`, 'g'),
    accept: () => true,
  },
  {
    category: 'ip',
    maybe: (text) => text.indexOf(':') !== text.lastIndexOf(':'),
    pattern: /(?<![0-9A-Za-z:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![0-9A-Za-z:])/g,
    accept: isIpv6,
  },
  {
    // International (+…) or grouped national numbers; 9+ digits so dates and amounts stay.
    category: 'phone',
    maybe: (_, digits) => digits >= 8,
    pattern: /(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,5}(?:[ .-]?\d{2,5}){1,4}(?!\w)/g,
    accept: (m) => {
      const n = digitCount(m);
      return n <= 15 && (n >= 9 || (m.startsWith('+') && n >= 8));
    },
  },
];

/** A cheap test that lets most text nodes skip the regular expressions. */
export function mightBeSensitive(text: string): boolean {
  return text.includes('@') || text.includes(':') || /\d{2}/.test(text);
}

export function findSensitive(text: string, enabled: Record<SensitiveCategory, boolean>): SensitiveMatch[] {
  if (!mightBeSensitive(text)) return [];
  const found: SensitiveMatch[] = [];
  const overlaps = (start: number, end: number) => found.some((f) => start < f.end && end > f.start);
  const digits = digitCount(text);
  for (const { category, maybe, pattern, accept } of DETECTORS) {
    if (!enabled[category] || !maybe(text, digits)) continue;
    for (const match of text.matchAll(pattern)) {
      const accepted = accept(match[0]);
      if (accepted === false) continue;
      const start = match.index;
      const end = start + (accepted === true ? match[0].length : accepted);
      if (!overlaps(start, end)) found.push({ category, start, end });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
