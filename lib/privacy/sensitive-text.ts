/**
 * Boxes of sensitive visible text (emails, card numbers, …) in a document, to blur in the
 * screenshot. Walks the text nodes once, runs the detectors on each and measures only the
 * matched substrings (Range.getClientRects), so a long page costs one pass of string tests.
 * Field values (an email typed into an ordinary field) are checked too: the field is blurred.
 */
import type { Box } from '@/lib/steps/types';
import { boxOf } from '@/lib/capture/describe';
import { frameOffset } from '@/lib/capture/frames';
import { findSensitive, mightBeSensitive } from './detectors';
import type { SensitiveCategory } from './settings';

const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'HEAD']);

export function onScreen(box: Box, win: Window): boolean {
  return box.width > 0 && box.height > 0 && box.x < win.innerWidth && box.y < win.innerHeight && box.x + box.width > 0 && box.y + box.height > 0;
}

/**
 * Can the text of this node be on screen? Its parent's box tells cheaply, except when the
 * parent has no box (display: contents) or its content overflows it; then measure exactly.
 */
function mayBeOnScreen(node: Node, win: Window): boolean {
  const parent = node.parentElement;
  if (!parent) return true;
  const rect = parent.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return true;
  const inside = rect.bottom > 0 && rect.top < win.innerHeight && rect.right > 0 && rect.left < win.innerWidth;
  return inside || parent.scrollHeight > parent.clientHeight + 1 || parent.scrollWidth > parent.clientWidth + 1;
}

function textBoxes(doc: Document, enabled: Record<SensitiveCategory, boolean>, out: Box[]): void {
  const root = doc.body ?? doc.documentElement;
  if (!root) return;
  const offset = frameOffset(doc.defaultView);
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      SKIPPED.has(node.parentElement?.tagName ?? '') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const range = doc.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.length < 7 || !mightBeSensitive(text)) continue;
    const matches = findSensitive(text, enabled);
    if (matches.length === 0 || !mayBeOnScreen(node, doc.defaultView!)) continue;
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
