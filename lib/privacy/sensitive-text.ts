/**
 * Boxes of sensitive visible text (emails, card numbers, …) in a document, to blur in the
 * screenshot. Walks the text nodes once, runs the detectors on each and measures only the
 * matched substrings (Range.getClientRects), so a long page costs one pass of string tests
 * (remembered per text node between scans) and one measurement per node that matched.
 * Field values (an email typed into an ordinary field) are checked too: the field is blurred.
 */
import type { Box } from '@/lib/steps/types';
import { boxOf } from '@/lib/capture/describe';
import { frameOffset } from '@/lib/capture/frames';
import { findSensitive, mightBeSensitive, type SensitiveMatch } from './detectors';
import type { SensitiveCategory } from './settings';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'HEAD']);

export function onScreen(box: Box, win: Window): boolean {
  return box.width > 0 && box.height > 0 && box.x < win.innerWidth && box.y < win.innerHeight && box.x + box.width > 0 && box.y + box.height > 0;
}

/** Detector results per text node, reused while its text and the settings stay the same. */
const memo = new WeakMap<Text, { text: string; key: string; matches: SensitiveMatch[] }>();

function matchesOf(node: Text, enabled: Record<SensitiveCategory, boolean>, key: string): SensitiveMatch[] {
  const text = node.data;
  const known = memo.get(node);
  if (known && known.text === text && known.key === key) return known.matches;
  const matches = text.length < 7 || !mightBeSensitive(text) ? [] : findSensitive(text, enabled);
  memo.set(node, { text, key, matches });
  return matches;
}

function textBoxes(doc: Document, enabled: Record<SensitiveCategory, boolean>, out: Box[]): void {
  const root = doc.body ?? doc.documentElement;
  const win = doc.defaultView;
  if (!root || !win) return;
  const offset = frameOffset(win);
  const key = JSON.stringify(enabled);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    if (SKIPPED.has(node.parentElement?.tagName ?? '')) continue;
    const matches = matchesOf(node, enabled, key);
    if (matches.length === 0) continue;
    // One exact measurement of the whole node (overflow included) before measuring each match.
    range.selectNodeContents(node);
    if (!onScreen(range.getBoundingClientRect(), win)) continue;
    for (const match of matches) {
      range.setStart(node, match.start);
      range.setEnd(node, match.end);
      for (const rect of range.getClientRects()) {
        out.push({ x: rect.x + offset.x, y: rect.y + offset.y, width: rect.width, height: rect.height });
      }
    }
  }
}

function fieldBoxes(doc: Document, enabled: Record<SensitiveCategory, boolean>, out: Box[]): void {
  for (const field of doc.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')) {
    if (field.value.length >= 7 && findSensitive(field.value, enabled).length > 0) out.push(boxOf(field));
  }
}

/** Boxes (top-frame CSS px) of sensitive text visible in the viewport. */
export function sensitiveTextBoxes(doc: Document, enabled: Record<SensitiveCategory, boolean>): Box[] {
  const win = doc.defaultView;
  if (!win || !Object.values(enabled).some(Boolean)) return [];
  const boxes: Box[] = [];
  textBoxes(doc, enabled, boxes);
  fieldBoxes(doc, enabled, boxes);
  return boxes.filter((box) => onScreen(box, win));
}
