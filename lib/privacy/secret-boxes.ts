/**
 * Finds the on-screen boxes to blur in a screenshot: secret fields, elements the user marked
 * "never record", and sensitive visible text of the categories switched on in the options —
 * in the document, its open shadow roots and its same-origin about:blank/srcdoc frames.
 * Called by the content script at every settle and intent, and when the background asks
 * before a capture for an action, so it must stay cheap.
 */
import type { Box } from '@/lib/steps/types';
import { isSecretField } from './secret-fields';
import { markedSelectorsFor } from './policy';
import { placeRect, scanRoots, type ScanRoot } from './page-roots';
import { sensitiveTextBoxesIn } from './sensitive-text';
import { currentPrivacySettings } from './settings';

function push(out: Box[], element: Element, scan: ScanRoot): void {
  const box = placeRect(element.getBoundingClientRect(), scan);
  if (box) out.push(box);
}

export function secretBoxes(doc: Document): Box[] {
  const win = doc.defaultView;
  if (!win) return [];
  const settings = currentPrivacySettings();
  // The user marks elements per site: the page's address, also for its about:blank frames.
  const selectors = markedSelectorsFor(win.location.href, settings);
  const roots = scanRoots(doc);
  const boxes: Box[] = [];
  for (const scan of roots) {
    for (const field of scan.root.querySelectorAll('input, textarea')) {
      if (isSecretField(field)) push(boxes, field, scan);
    }
    for (const selector of selectors) {
      for (const element of safeQueryAll(scan.root, selector)) push(boxes, element, scan);
    }
  }
  boxes.push(...sensitiveTextBoxesIn(roots, settings.categories));
  return boxes;
}

/** Selectors come from storage; a broken one must not stop the others. */
function safeQueryAll(root: ParentNode, selector: string): Element[] {
  try {
    return Array.from(root.querySelectorAll(selector));
  } catch {
    return [];
  }
}
