/** Finds the on-screen boxes of secrets in a document, to blur them in the screenshot. */
import type { Box } from '@/lib/steps/types';
import { boxOf } from '@/lib/capture/describe';
import { isSecretField } from './secret-fields';

function visible(box: Box, win: Window): boolean {
  return box.width > 0 && box.height > 0 && box.x < win.innerWidth && box.y < win.innerHeight && box.x + box.width > 0 && box.y + box.height > 0;
}

export function secretBoxes(doc: Document): Box[] {
  const win = doc.defaultView;
  if (!win) return [];
  const boxes: Box[] = [];
  for (const field of doc.querySelectorAll('input, textarea')) {
    if (!isSecretField(field)) continue;
    const box = boxOf(field);
    if (visible(box, win)) boxes.push(box);
  }
  return boxes;
}
