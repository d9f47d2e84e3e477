/**
 * Whether a generated intro (Readability's excerpt of the first page) is worth keeping: on an
 * app page it is often a lone field label ("Merchant") or a menu's words, which would sit
 * under the title of every export as junk. Kept only when it reads as prose; otherwise the
 * intro stays empty and the editor invites the trainer to write one (issue 13).
 */
const MIN_LENGTH = 60;
const MIN_WORDS = 8;

export function readsAsProse(text: string): boolean {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length < MIN_LENGTH) return false;
  const words = clean.split(' ').filter((w) => /\p{L}/u.test(w));
  if (words.length < MIN_WORDS) return false;
  // A sentence ends somewhere (or the text was shortened mid-sentence, marked with "…").
  if (!/[.!?…。！？](\s|$)/u.test(clean)) return false;
  // Menus and label lists: mostly capitalised words, few small words joining them.
  const lower = words.filter((w) => /^\p{Ll}/u.test(w)).length;
  if (lower / words.length < 0.3) return false;
  // Scripts without spaces (CJK) are judged by length and punctuation only.
  return true;
}
