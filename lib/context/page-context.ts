/**
 * A default intro for a new guide, from the page where the recording starts: Mozilla's
 * Readability finds the page's description or first paragraph. It runs on a clone (never the
 * live DOM, which the page owns) and only in the recorded tab, injected once at the start
 * (entrypoints/page-context.ts), so no other page ever loads it.
 */
import { Readability } from '@mozilla/readability';
import { findSensitive } from '@/lib/privacy/detectors';
import { SENSITIVE_CATEGORIES } from '@/lib/privacy/settings';
import { readsAsProse } from '@/lib/editor/intro';

const MAX_INTRO = 300;

/** Sensitive text never goes into a guide's text: emails, card numbers and the like are masked. */
export function maskSensitive(text: string): string {
  const all = Object.fromEntries(SENSITIVE_CATEGORIES.map((c) => [c, true])) as Parameters<typeof findSensitive>[1];
  let out = text;
  for (const match of findSensitive(text, all).sort((a, b) => b.start - a.start)) {
    out = `${out.slice(0, match.start)}••••${out.slice(match.end)}`;
  }
  return out;
}

export function shorten(text: string, max = MAX_INTRO): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}

export function readPageContext(doc: Document): { excerpt: string } {
  try {
    const article = new Readability(doc.cloneNode(true) as Document).parse();
    const excerpt = shorten(article?.excerpt ?? '');
    // A lone field label or a menu is no intro: better none, and the editor asks for one.
    return { excerpt: readsAsProse(excerpt) ? maskSensitive(excerpt) : '' };
  } catch {
    return { excerpt: '' };
  }
}
