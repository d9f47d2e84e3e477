/**
 * Split codes: a one-time code typed into six one-digit boxes, a PIN into four, a card number
 * into four boxes of four digits. No single box says "secret" (often only the first carries
 * `autocomplete=one-time-code`, and "4" alone is no card number), so the boxes are judged
 * together: three or more short inputs of the same width, next to each other in the same
 * group of fields, are one secret.
 *
 * A box is short when it accepts at most four characters (maxlength, or size when no
 * maxlength is set), and it takes digits (inputmode, type or pattern) or a single character.
 * Equal widths keep a phone number split 3-3-4 and a date split 2-2-4 readable.
 */

const BOX_TYPES = new Set(['text', 'tel', 'number', 'password', 'search', '']);
const MAX_WIDTH = 4;
const MIN_BOXES = 3;
/** How far up from a box to look for its siblings (boxes are often each wrapped in a div). */
const MAX_LEVELS = 3;

function isInput(element: Element): element is HTMLInputElement {
  return element.localName === 'input' && element.namespaceURI === 'http://www.w3.org/1999/xhtml';
}

/** The number of characters a box takes, when it is a short box (else 0). */
function boxWidth(element: Element): number {
  if (!isInput(element) || !BOX_TYPES.has(element.type)) return 0;
  const max = element.maxLength;
  const size = element.hasAttribute('size') ? element.size : 0;
  const width = max > 0 ? max : size;
  if (width < 1 || width > MAX_WIDTH) return 0;
  return width === 1 || takesDigits(element) ? width : 0;
}

function takesDigits(input: HTMLInputElement): boolean {
  if (input.type === 'tel' || input.type === 'number') return true;
  if (/^(numeric|decimal|tel)$/i.test(input.inputMode || input.getAttribute('inputmode') || '')) return true;
  const pattern = input.getAttribute('pattern') ?? '';
  return /^\^?(\\d|\[0-9\])(\*|\+|\{\d+(,\d*)?\})?\$?$/.test(pattern);
}

/** Inputs a person can type into, in document order. */
function inputsIn(container: ParentNode): Element[] {
  return Array.from(container.querySelectorAll('input')).filter((i) => i.type !== 'hidden');
}

/** The run of boxes of the same width around `index` in `inputs`. */
function runAround(inputs: Element[], index: number, width: number): Element[] {
  let start = index;
  let end = index;
  while (start > 0 && boxWidth(inputs[start - 1]!) === width) start--;
  while (end < inputs.length - 1 && boxWidth(inputs[end + 1]!) === width) end++;
  return inputs.slice(start, end + 1);
}

/**
 * The boxes of the split code `element` belongs to, or undefined when it is not part of one.
 * Looks at the nearest container holding other inputs (up to a form or fieldset).
 */
export function codeGroupOf(element: Element): Element[] | undefined {
  const width = boxWidth(element);
  if (width === 0) return undefined;
  // Up through elements, and into the shadow root the boxes may sit in directly.
  let container = element.parentNode;
  for (let level = 0; container && level < MAX_LEVELS; level++, container = container.parentNode) {
    if (container.nodeType !== Node.ELEMENT_NODE && container.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) break;
    const inputs = inputsIn(container as ParentNode);
    if (inputs.length >= MIN_BOXES) {
      const run = runAround(inputs, inputs.indexOf(element), width);
      return run.length >= MIN_BOXES ? run : undefined;
    }
    const name = (container as Element).localName;
    if (name === 'form' || name === 'fieldset') break;
  }
  return undefined;
}
