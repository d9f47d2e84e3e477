/** Shared wording for the sentence templates: quoting names and naming unnamed elements. */
import type { Place, TargetDescription } from '../types';

const MAX_QUOTED = 80;

/** Folds white space and shortens a name for a sentence. */
export function shorten(value: string): string {
  const clean = value.replace(/\s+/g, ' ').trim();
  return clean.length > MAX_QUOTED ? `${clean.slice(0, MAX_QUOTED - 1)}…` : clean;
}

/**
 * Shortens and quotes a name for a sentence: `Click "Save"`. A name that holds straight
 * quotes itself goes between curly ones (`Click “Say "hi"”`), and one that holds both kinds
 * has its straight quotes escaped, so a reader always sees where the name starts and ends.
 */
export function quote(value: string): string {
  const name = shorten(value);
  if (!name.includes('"')) return `"${name}"`;
  if (!/[“”]/.test(name)) return `“${name}”`;
  return `"${name.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** The words of an element's name, or undefined when it has none. */
function nameOf(target: TargetDescription): string | undefined {
  return target.name || target.text || undefined;
}

function kindWord(target: TargetDescription): string {
  return target.role && target.role !== 'generic' ? target.role : target.tag;
}

const ORDINAL_SUFFIX: Record<string, string> = { one: 'st', two: 'nd', few: 'rd', other: 'th' };
const ordinalRules = new Intl.PluralRules('en', { type: 'ordinal' });

/** `3rd`, `11th`, `22nd`. */
export function ordinal(n: number): string {
  return `${n}${ORDINAL_SUFFIX[ordinalRules.select(n)] ?? 'th'}`;
}

/** Where the container of an unnamed control is: `the toolbar "Formatting"`, `the navigation`. */
function containerWords(place: Place): string {
  if (!place.container) return '';
  const { role, name } = place.container;
  return ` in the ${role}${name ? ` ${quote(name)}` : ''}`;
}

/**
 * An element without a name, said by its kind and place: `the button`, `the 3rd button in
 * the toolbar "Formatting"`, `the 2nd link on the page`.
 */
function kindOf(target: TargetDescription): string {
  const kind = kindWord(target);
  const place = target.place;
  if (!place) return `the ${kind}`;
  const nth = place.count > 1 ? `${ordinal(place.index)} ` : '';
  const where = containerWords(place) || (place.count > 1 ? ' on the page' : '');
  return `the ${nth}${kind}${where}`;
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
