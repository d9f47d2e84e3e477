/**
 * Boxes of sensitive visible text (emails, card numbers, …) in a page, to blur in the
 * screenshot. Walks the text nodes once, runs the detectors on each and measures only the
 * matched substrings (Range.getClientRects), so a long page costs one pass of string tests
 * (remembered per text node between scans) and one measurement per node that matched.
 * Field values (an email typed into an ordinary field) are checked too: the field is blurred.
 * Open shadow roots and about:blank frames are searched as well (`page-roots.ts`).
 */
import type { Box } from '@/lib/steps/types';
import { findSensitive, mightBeSensitive, type SensitiveMatch } from './detectors';
import { placeRect, scanRoots, visible, type ScanRoot } from './page-roots';
import type { SensitiveCategory } from './settings';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'HEAD']);

/** Detector results per text node, reused while its text and the settings stay the same. */
const memo = new WeakMap<Text, { text: string; key: string; matches: SensitiveMatch[] }>();

const NONE: SensitiveMatch[] = [];
/** Shorter text (in a node or a field) is not tested: most of a page's text nodes are that short. */
const MIN_LENGTH = 7;

function matchesOf(node: Text, enabled: Record<SensitiveCategory, boolean>, key: string): SensitiveMatch[] {
  const text = node.data;
  const known = memo.get(node);
  if (known && known.text === text && known.key === key) return known.matches;
  const matches = mightBeSensitive(text) ? findSensitive(text, enabled) : NONE;
  memo.set(node, { text, key, matches });
  return matches;
}

function textBoxes(scan: ScanRoot, enabled: Record<SensitiveCategory, boolean>, key: string, out: Box[]): void {
  const { root, doc, win } = scan;
  const start = root === doc ? (doc.body ?? doc.documentElement) : root;
  if (!start) return;
  const walker = doc.createTreeWalker(start, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (node.length < MIN_LENGTH || SKIPPED.has(node.parentElement?.tagName ?? '')) continue;
    const matches = matchesOf(node, enabled, key);
    if (matches.length === 0) continue;
    // One exact measurement of the whole node (overflow included) before measuring each match.
    range.selectNodeContents(node);
    if (!visible(range.getBoundingClientRect(), win)) continue;
    for (const match of matches) {
      range.setStart(node, match.start);
      range.setEnd(node, match.end);
      for (const rect of range.getClientRects()) {
        const box = placeRect(rect, scan);
        if (box) out.push(box);
      }
    }
  }
}

function fieldBoxes(scan: ScanRoot, enabled: Record<SensitiveCategory, boolean>, out: Box[]): void {
  for (const field of scan.root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    if (field.value.length < MIN_LENGTH || findSensitive(field.value, enabled).length === 0) continue;
    const box = placeRect(field.getBoundingClientRect(), scan);
    if (box) out.push(box);
  }
}

/** Boxes (in the frame's reported coordinates) of sensitive text visible in these roots. */
export function sensitiveTextBoxesIn(roots: ScanRoot[], enabled: Record<SensitiveCategory, boolean>): Box[] {
  if (!Object.values(enabled).some(Boolean)) return [];
  const key = JSON.stringify(enabled);
  const boxes: Box[] = [];
  for (const scan of roots) {
    textBoxes(scan, enabled, key, boxes);
    fieldBoxes(scan, enabled, boxes);
  }
  return boxes;
}

/** Boxes of sensitive text visible in a document, its open shadow roots and about:blank frames. */
export function sensitiveTextBoxes(doc: Document, enabled: Record<SensitiveCategory, boolean>): Box[] {
  if (!Object.values(enabled).some(Boolean)) return [];
  return sensitiveTextBoxesIn(scanRoots(doc), enabled);
}
