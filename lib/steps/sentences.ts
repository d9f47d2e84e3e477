/**
 * Sentence templates, one per action kind, so wording stays consistent (and translatable later).
 * The output is plain text: callers put it into the DOM as text, never as HTML.
 */
import type { Action, TargetDescription } from './types';

const MAX_QUOTED = 80;

/** Shortens and quotes a name for a sentence: `Click "Save"`. */
export function quote(value: string): string {
  const clean = value.replace(/\s+/g, ' ').trim();
  const short = clean.length > MAX_QUOTED ? `${clean.slice(0, MAX_QUOTED - 1)}…` : clean;
  return `"${short}"`;
}

/** What to call an element when it has no accessible name. */
export function targetLabel(target: TargetDescription): string {
  if (target.name) return quote(target.name);
  if (target.text) return quote(target.text);
  const kind = target.role && target.role !== 'generic' ? target.role : target.tag;
  return `the ${kind}`;
}

export function sentenceFor(action: Action): string {
  switch (action.kind) {
    case 'click':
      return `Click ${targetLabel(action.target)}`;
    case 'type':
      return `Type ${action.masked ? action.value : quote(action.value)} into ${targetLabel(action.target)}`;
    case 'select':
      return `Select ${quote(action.option)} in ${targetLabel(action.target)}`;
    case 'check':
      return `${action.checked ? 'Check' : 'Uncheck'} ${targetLabel(action.target)}`;
    case 'choose':
      return `Choose ${targetLabel(action.target)}${action.group ? ` (${action.group})` : ''}`;
    case 'key':
      return action.target ? `Press ${action.key} in ${targetLabel(action.target)}` : `Press ${action.key}`;
    case 'navigate':
      return `Go to ${quote(action.page.title || action.page.url)}`;
  }
}
