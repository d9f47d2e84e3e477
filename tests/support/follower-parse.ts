/**
 * Reads a guide's sentence the way a new hire would, with the vocabulary the templates write
 * (lib/steps/templates): `Click "X"`, `Open "X" (shows "v")`, `Type "v" into X`, `Select "v" in X`, `Check "X"`,
 * `Uncheck "X"`, `Choose "X" (Group)`, `Press Enter in "X"`, `Press Escape`, `Go to "Page"`,
 * and controls without a name by their place: `Click the 3rd button in the toolbar "Edit"`.
 * Pure, so it is unit-tested (tests/unit/follower-parse.test.ts); the follower acts on it.
 */

/** A control as the sentence points at it: by name, or by kind and place. */
export type Target =
  | { name: string }
  | { kind: string; index: number; container?: { role: string; name?: string } };

export type Instruction =
  | { verb: 'goto'; page: string }
  | { verb: 'click'; target: Target }
  | { verb: 'type'; field: Target; value: string; masked: boolean }
  | { verb: 'select'; field: Target; option: string }
  | { verb: 'check'; target: Target; checked: boolean }
  | { verb: 'choose'; target: Target; group?: string }
  | { verb: 'press'; key: string; target?: Target };

/** A name between quotes at the start of `text`: "x", “x” or "x \"y\"". Returns it and the rest. */
export function readQuoted(text: string): { value: string; rest: string } | undefined {
  if (text.startsWith('“')) {
    const end = text.indexOf('”', 1);
    return end < 0 ? undefined : { value: text.slice(1, end), rest: text.slice(end + 1) };
  }
  if (!text.startsWith('"')) return undefined;
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && i + 1 < text.length) value += text[++i];
    else if (c === '"') return { value, rest: text.slice(i + 1) };
    else value += c;
  }
  return undefined;
}

const PLACED = /^the (?:(\d+)(?:st|nd|rd|th) )?(\S+)(?: (?:in the (\S+)(.*)|on the page))?$/;

/** `"Save"`, `the link`, `the 3rd button in the toolbar "Edit"`; `bare` also takes an unquoted label. */
export function readTarget(text: string, bare = false): Target | undefined {
  const quoted = readQuoted(text);
  if (quoted && quoted.rest === '') return { name: quoted.value };
  const placed = PLACED.exec(text);
  if (placed) {
    const [, nth, kind, containerRole, containerRest] = placed;
    const containerName = containerRest ? readQuoted(containerRest.trim()) : undefined;
    if (containerRest?.trim() && containerName?.rest !== '') return bare ? { name: text } : undefined;
    return {
      kind: kind!,
      index: nth ? Number(nth) : 1,
      ...(containerRole ? { container: { role: containerRole, ...(containerName ? { name: containerName.value } : {}) } } : {}),
    };
  }
  return bare && text ? { name: text } : undefined;
}

/** The instruction a sentence gives, or a reason why it cannot be read. */
export function parseSentence(sentence: string): Instruction | { error: string } {
  const text = sentence.replace(/\s+/g, ' ').trim();
  const [, verb = '', rest = ''] = /^(Go to|Click|Open|Type|Select|Check|Uncheck|Choose|Press) (.*)$/.exec(text) ?? [];
  switch (verb) {
    case 'Go to': {
      // The page by its quoted title (an address may follow it); the address itself is the step's link.
      const page = readQuoted(rest)?.value ?? rest;
      return page ? { verb: 'goto', page } : { error: `no page named in "${text}"` };
    }
    case 'Open': {
      // `Open "Cost center" (shows "Choose…")`: a list button, found by its label; what it shows may have changed.
      const named = readQuoted(rest);
      return named ? { verb: 'click', target: { name: named.value } } : { error: `no control named in "${text}"` };
    }
    case 'Click':
    case 'Check':
    case 'Uncheck': {
      const target = readTarget(rest);
      if (!target) return { error: `no control named in "${text}"` };
      return verb === 'Click' ? { verb: 'click', target } : { verb: 'check', target, checked: verb === 'Check' };
    }
    case 'Type': {
      const quoted = readQuoted(rest);
      const [value, masked, after] = quoted ? [quoted.value, false, quoted.rest] : maskedValue(rest);
      const field = after.startsWith(' into ') ? readTarget(after.slice(6), true) : undefined;
      return field ? { verb: 'type', field, value, masked } : { error: `no field to type into in "${text}"` };
    }
    case 'Select': {
      const option = readQuoted(rest);
      const field = option?.rest.startsWith(' in ') ? readTarget(option.rest.slice(4), true) : undefined;
      return option && field ? { verb: 'select', field, option: option.value } : { error: `no option and field in "${text}"` };
    }
    case 'Choose': {
      // `Choose "X" (Group)`: the group follows the name, in brackets that may nest.
      const quoted = readQuoted(rest);
      const tail = quoted ? quoted.rest : (/ \(.*\)$/.exec(rest)?.[0] ?? '');
      const group = /^ \((.*)\)$/.exec(tail)?.[1];
      const target = quoted ? { name: quoted.value } : readTarget(rest.slice(0, rest.length - tail.length));
      if (!target || (tail && group === undefined)) return { error: `no option named in "${text}"` };
      return { verb: 'choose', target, ...(group ? { group } : {}) };
    }
    case 'Press': {
      const [, key = '', field] = /^(\S+)(?: in (.*))?$/.exec(rest) ?? [];
      const target = field === undefined ? undefined : readTarget(field, true);
      return key ? { verb: 'press', key, ...(target ? { target } : {}) } : { error: `no key in "${text}"` };
    }
    default:
      return { error: `no verb this follower knows in "${text}"` };
  }
}

/** A masked secret is written as its mask (`••••`), unquoted. */
function maskedValue(rest: string): [string, boolean, string] {
  const [, mask = '', after = ''] = /^(\S+)(.*)$/.exec(rest) ?? [];
  return [mask, true, after];
}

/** A key as the sentence writes it (`Ctrl+K`) in Playwright's words (`Control+k`). */
export function playwrightKey(key: string): string {
  const parts = key.split('+');
  const modifiers = parts.slice(0, -1).map((m) => ({ Ctrl: 'Control', Cmd: 'Meta' })[m] ?? m);
  let last = parts[parts.length - 1]!;
  // `Ctrl+K` is the K key with Control, not Shift+K.
  if (last.length === 1 && modifiers.length && !modifiers.includes('Shift')) last = last.toLowerCase();
  return [...modifiers, last].join('+');
}
