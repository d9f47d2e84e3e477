/**
 * Secret values in a copy of the page (html2canvas's, for a rendered picture: see
 * lib/screenshots/render-page.ts): the same fields are masked as in stored values
 * (`storedValue`: secret fields, card numbers typed into ordinary fields), with bullets.
 */
import { storedValue } from './policy';
import { maskSecret } from './secret-fields';
import { scanRoots } from './page-roots';

type Field = HTMLInputElement | HTMLTextAreaElement;

function fieldsIn(roots: readonly (Document | ShadowRoot)[]): Field[] {
  return roots.flatMap((root) => Array.from(root.querySelectorAll<Field>('input, textarea')));
}

/**
 * The values to mask, read from the page itself (its open shadow roots, its same-origin
 * about:blank frames): in the copy, a field that no longer looks secret (a "show password"
 * toggle, a shadow root flattened away) is still found by its value.
 */
export function secretValues(doc: Document): Set<string> {
  const values = new Set<string>();
  for (const field of fieldsIn(scanRoots(doc).map((scan) => scan.root))) {
    if (field.value && storedValue(field, field.value).masked) values.add(field.value);
  }
  return values;
}

/**
 * Replaces secret values by bullets in a copy of the page: fields whose value is one of
 * `secrets`, or that are secret themselves. Its same-origin iframes are masked too.
 */
export function maskSecrets(doc: Document, secrets: ReadonlySet<string>): void {
  for (const field of fieldsIn([doc])) {
    const value = field.value;
    if (value && (secrets.has(value) || storedValue(field, value).masked)) field.value = maskSecret(value);
  }
  for (const frame of Array.from(doc.querySelectorAll('iframe'))) {
    try {
      if (frame.contentDocument) maskSecrets(frame.contentDocument, secrets);
    } catch {
      // Cross-origin: not drawn either.
    }
  }
}
