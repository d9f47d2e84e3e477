/**
 * Finds the on-screen boxes to blur in a screenshot: secret fields, elements the user marked
 * "never record", and sensitive visible text of the categories switched on in the options.
 * Called by the content script with every action and every settle, so it must stay cheap.
 */
import type { Box } from '@/lib/steps/types';
import { boxOf } from '@/lib/capture/describe';
import { isSecretField } from './secret-fields';
import { markedSelectorsFor } from './policy';
import { onScreen, sensitiveTextBoxes } from './sensitive-text';
import { currentPrivacySettings } from './settings';

export function secretBoxes(doc: Document): Box[] {
  const win = doc.defaultView;
  if (!win) return [];
  const settings = currentPrivacySettings();
  const boxes: Box[] = [];
  for (const field of doc.querySelectorAll('input, textarea')) {
    if (!isSecretField(field)) continue;
    const box = boxOf(field);
    if (onScreen(box, win)) boxes.push(box);
  }
  for (const selector of markedSelectorsFor(win.location.href, settings)) {
    for (const element of safeQueryAll(doc, selector)) {
      const box = boxOf(element);
      if (onScreen(box, win)) boxes.push(box);
    }
  }
  boxes.push(...sensitiveTextBoxes(doc, settings.categories));
  return boxes;
}

/** Selectors come from storage; a broken one must not stop the others. */
export function safeQueryAll(doc: Document, selector: string): Element[] {
  try {
    return Array.from(doc.querySelectorAll(selector));
  } catch {
    return [];
  }
}
