/**
 * Finds a recorded step's element on the live page, the way Testing Library and Playwright
 * find one: by role and accessible name first, then by the other clues the step stores
 * (selectors, visible text, place on screen). Each candidate gets a score; the verdict is
 *  - `found`: the same role and name (the best-scored one among duplicates),
 *  - `changed`: no element has that name, but one matches enough of the other clues
 *    (a renamed button keeps its id, its place, part of its words),
 *  - `missing`: nothing matches well enough.
 * Used by the walk (what to highlight) and by the health check (what to mark), so both
 * always agree. Runs in the frame the step was recorded in (see `framePath`).
 */
import { getRole, isInaccessible } from 'dom-accessibility-api';
import { boxOf, targetName } from '@/lib/capture/describe';
import type { Box, TargetDescription } from '@/lib/steps/types';

export type Verdict = 'found' | 'changed' | 'missing';

export interface FindResult {
  verdict: Verdict;
  element?: Element;
  score: number;
  /** What the candidate has now, for the trainer ("renamed to …"). */
  name?: string;
}

/** Below this, clues other than the name are coincidence (same tag, a positional selector). */
export const CHANGED_THRESHOLD = 35;

const WEIGHT = {
  name: 50,
  similarName: 20,
  role: 5,
  tag: 5,
  strongSelector: 30,
  /** `:nth-child` paths point at whatever now sits in that slot: a weak clue. */
  weakSelector: 10,
  text: 10,
  near: 10,
  close: 5,
};

const norm = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

function words(s: string): Set<string> {
  return new Set(norm(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean));
}

/** Share of words two names have in common (Jaccard), 0..1. */
export function nameSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  if (x.size === 0 || y.size === 0) return 0;
  let common = 0;
  for (const w of x) if (y.has(w)) common++;
  return common / (x.size + y.size - common);
}

/** The document and every open shadow root inside it (closed ones are out of reach). */
export function rootsOf(doc: Document): (Document | ShadowRoot)[] {
  const roots: (Document | ShadowRoot)[] = [doc];
  for (let i = 0; i < roots.length; i++) {
    for (const element of roots[i]!.querySelectorAll('*')) {
      if (element.shadowRoot) roots.push(element.shadowRoot);
    }
  }
  return roots;
}

function allElements(roots: (Document | ShadowRoot)[]): Element[] {
  return roots.flatMap((root) => [...root.querySelectorAll('*')]);
}

function isPositional(selector: string): boolean {
  return /:nth-(child|of-type)|:first-|:last-/.test(selector);
}

/** Elements each stored selector points at, in any root (a selector recorded in a shadow root is relative to it). */
function selectorHits(selectors: string[], roots: (Document | ShadowRoot)[]): Map<Element, number> {
  const hits = new Map<Element, number>();
  for (const selector of selectors) {
    const matches: Element[] = [];
    for (const root of roots) {
      try {
        matches.push(...root.querySelectorAll(selector));
      } catch {
        // A selector this engine cannot parse is no clue at all.
      }
    }
    // A selector that now matches several elements no longer identifies one.
    if (matches.length !== 1) continue;
    const weight = isPositional(selector) ? WEIGHT.weakSelector : WEIGHT.strongSelector;
    const element = matches[0]!;
    hits.set(element, Math.max(hits.get(element) ?? 0, weight));
  }
  return hits;
}

function distance(a: Box, b: Box): number {
  return Math.hypot(a.x + a.width / 2 - (b.x + b.width / 2), a.y + a.height / 2 - (b.y + b.height / 2));
}

function placeScore(element: Element, box: Box | undefined): number {
  if (!box || box.width === 0) return 0;
  const now = boxOf(element);
  if (now.width === 0 && now.height === 0) return 0;
  const d = distance(now, box);
  return d < 40 ? WEIGHT.near : d < 150 ? WEIGHT.close : 0;
}

/**
 * Hidden elements (display:none, [hidden], aria-hidden) are not what the user can act on.
 * `getComputedStyle` is passed bound to the element's window: by default the library calls it
 * unbound, which a Firefox content script refuses ("'getComputedStyle' called on an object that
 * does not implement interface Window"), so every lookup threw and the walk never ringed a step.
 */
function visible(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  const getComputedStyle = view ? (e: Element, pseudo?: string | null) => view.getComputedStyle(e, pseudo) : undefined;
  if (!isInaccessible(element, getComputedStyle ? { getComputedStyle } : {})) return true;
  // A native checkbox hidden behind a styled label is still the control the user toggles.
  return element instanceof HTMLInputElement && (element.type === 'checkbox' || element.type === 'radio') && !element.closest('[hidden]');
}

interface Scored {
  element: Element;
  score: number;
  name: string;
  sameName: boolean;
}

function scoreOf(element: Element, target: TargetDescription, selectorScore: number): Scored {
  const name = targetName(element);
  const role = getRole(element) ?? '';
  const sameRole = role === target.role;
  const sameName = sameRole && norm(name) === norm(target.name);
  let score = selectorScore;
  if (sameRole) score += WEIGHT.role;
  if (element.tagName.toLowerCase() === target.tag) score += WEIGHT.tag;
  if (sameName) score += WEIGHT.name;
  else if (sameRole && nameSimilarity(name, target.name) >= 0.34) score += WEIGHT.similarName;
  const text = norm((element as HTMLElement).innerText ?? element.textContent ?? '').slice(0, 120);
  if (target.text && text === norm(target.text)) score += WEIGHT.text;
  score += placeScore(element, target.box);
  return { element, score, name, sameName };
}

/**
 * Only elements with the stored role or tag, or hit by a selector, are scored: computing
 * accessible names for every node of a large page would be slow.
 */
function candidates(target: TargetDescription, roots: (Document | ShadowRoot)[]): Scored[] {
  const hits = selectorHits(target.selectors ?? [], roots);
  const scored: Scored[] = [];
  for (const element of allElements(roots)) {
    const selectorScore = hits.get(element) ?? 0;
    const plausible = selectorScore > 0 || element.tagName.toLowerCase() === target.tag || getRole(element) === target.role;
    if (!plausible || !visible(element)) continue;
    scored.push(scoreOf(element, target, selectorScore));
  }
  return scored;
}

/** Looks for the target once, in `doc` and its open shadow roots. */
export function findTarget(target: TargetDescription, doc: Document = document): FindResult {
  const scored = candidates(target, rootsOf(doc));
  const best = (list: Scored[]) => list.reduce<Scored | undefined>((a, b) => (!a || b.score > a.score ? b : a), undefined);
  const exact = best(scored.filter((s) => s.sameName && norm(target.name) !== ''));
  if (exact) return { verdict: 'found', element: exact.element, score: exact.score, name: exact.name };
  const other = best(scored);
  if (other && other.score >= CHANGED_THRESHOLD) {
    // A nameless target (an icon) found by strong clues is the same element, not a changed one.
    const verdict = norm(target.name) === '' && norm(other.name) === '' ? 'found' : 'changed';
    return { verdict, element: other.element, score: other.score, name: other.name };
  }
  return { verdict: 'missing', score: other?.score ?? 0 };
}

export interface WaitOptions {
  /** How long to keep looking for an exact match once the page has settled. */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Called with each new best guess while waiting (to highlight a changed element early). */
  onProgress?(result: FindResult): void;
}

/**
 * Looks for the target as the page renders: again after each batch of DOM changes, until it
 * is found, or `timeoutMs` passes (then the best guess: changed or missing).
 */
export function findWhenReady(target: TargetDescription, doc: Document = document, options: WaitOptions = {}): Promise<FindResult> {
  const { timeoutMs = 5000, signal, onProgress } = options;
  return new Promise((resolve) => {
    let last = findTarget(target, doc);
    if (last.verdict === 'found' || signal?.aborted) return resolve(last);
    onProgress?.(last);
    let scheduled: ReturnType<typeof setTimeout> | undefined;
    const finish = (result: FindResult) => {
      observer.disconnect();
      clearInterval(poll);
      clearTimeout(timer);
      clearTimeout(scheduled);
      resolve(result);
    };
    const look = () => {
      scheduled = undefined;
      last = findTarget(target, doc);
      if (last.verdict === 'found') finish(last);
      else onProgress?.(last);
    };
    // Batches of changes are looked at once per 100 ms: a page that never stops changing
    // must not make the lookup run on every mutation.
    const observer = new MutationObserver(() => {
      scheduled ??= setTimeout(look, 100);
    });
    observer.observe(doc, { childList: true, subtree: true, attributes: true, characterData: true });
    // Open shadow roots hide their changes from the observer: look again now and then too.
    const poll = setInterval(() => (scheduled ??= setTimeout(look, 0)), 500);
    const timer = setTimeout(() => finish(findTarget(target, doc)), timeoutMs);
    signal?.addEventListener('abort', () => finish(last), { once: true });
  });
}
