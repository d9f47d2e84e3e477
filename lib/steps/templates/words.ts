/** Shared wording for the sentence templates: quoting names and naming unnamed elements. */
import type { TargetDescription } from '../types';

const MAX_QUOTED = 80;

/** Folds white space and shortens a name for a sentence. */
export function shorten(value: string): string {
  const clean = value.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_QUOTED ? `${clean.slice(0, MAX_QUOTED - 1)}…` : clean;
}

/** Shortens and quotes a name for a sentence: `Click "Save"`. */
export function quote(value: string): string {
  return `"${shorten(value)}"`;
}

/** The words of an element's name, or undefined when it has none. */
function nameOf(target: TargetDescription): string | undefined {
  return target.name || target.text || undefined;
}

function kindOf(target: TargetDescription): string {
  return `the ${target.role && target.role !== 'generic' ? target.role : target.tag}`;
}

/** A control the user acted on, quoted: `"Save"`, or `the link` when it has no name. */
export function targetLabel(target: TargetDescription): string {
  const name = nameOf(target);
  return name ? quote(name) : kindOf(target);
}

/** A field, by its label as a noun: `into Merchant`, or `into the textbox`. */
export function fieldLabel(target: TargetDescription): string {
  return target.name ? shorten(target.name) : kindOf(target);
}
