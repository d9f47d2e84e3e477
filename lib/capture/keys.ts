/**
 * Which key presses are steps of their own: Enter in a field (it submits or searches),
 * Escape, and shortcuts with a modifier. Plain typing, Tab and arrows are not: typing is
 * recorded as the field's value, focus moves are not actions.
 */
import { fieldKind } from './fields';

const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph', 'CapsLock']);
// Editing shortcuts inside a field are part of typing, not actions.
const EDITING_KEYS = new Set(['a', 'c', 'v', 'x', 'z', 'y']);

function keyName(key: string): string {
  if (key === ' ') return 'Space';
  return key.length === 1 ? key.toUpperCase() : key;
}

export function shortcutName(event: KeyboardEvent): string {
  const parts: string[] = [];
  if (event.ctrlKey) parts.push('Ctrl');
  if (event.altKey) parts.push('Alt');
  if (event.shiftKey) parts.push('Shift');
  if (event.metaKey) parts.push(navigator.platform.startsWith('Mac') ? 'Cmd' : 'Meta');
  parts.push(keyName(event.key));
  return parts.join('+');
}

export type KeyStep = { key: string; inField: boolean } | undefined;

/** The key step this keydown makes, if any. `target` is the focused element. */
export function keyStep(event: KeyboardEvent, target: Element): KeyStep {
  if (event.repeat || MODIFIER_KEYS.has(event.key) || event.isComposing) return undefined;
  const kind = fieldKind(target);
  const inField = kind === 'text';
  const textarea = target instanceof HTMLTextAreaElement || (target as HTMLElement).isContentEditable;
  const modified = event.ctrlKey || event.altKey || event.metaKey;
  if (modified) {
    if (inField && !event.altKey && EDITING_KEYS.has(event.key.toLowerCase())) return undefined;
    return { key: shortcutName(event), inField };
  }
  if (event.key === 'Escape') return { key: 'Escape', inField: false };
  // Enter in a one-line field submits or searches; in a text area it is a new line.
  if (event.key === 'Enter' && inField && !textarea) return { key: 'Enter', inField: true };
  return undefined;
}
