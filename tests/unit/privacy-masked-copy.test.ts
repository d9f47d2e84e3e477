/** Secret values in a copy of the page, for rendered pictures (lib/privacy/masked-copy.ts). */
import { afterEach, describe, expect, it } from 'vitest';
import { maskSecrets, secretValues } from '@/lib/privacy/masked-copy';

afterEach(() => {
  document.body.innerHTML = '';
});

/** A copy of the page's body, as html2canvas makes one: a document of its own. */
function copyOf(): Document {
  const copy = document.implementation.createHTMLDocument('copy');
  for (const field of Array.from(document.querySelectorAll<HTMLInputElement>('input, textarea'))) {
    const clone = copy.importNode(field, true) as HTMLInputElement;
    clone.value = field.value;
    copy.body.append(clone);
  }
  return copy;
}

const values = (doc: Document) => Array.from(doc.querySelectorAll<HTMLInputElement>('input, textarea'), (f) => f.value);

describe('maskSecrets', () => {
  it('masks what stored values mask, and leaves other fields as they are', () => {
    document.body.innerHTML = `
      <input type="password" name="pw"><input name="apikey"><input name="city">
      <input name="reference"><textarea name="notes"></textarea>`;
    const [pw, key, city, reference, notes] = Array.from(document.querySelectorAll<HTMLInputElement>('input, textarea'));
    pw!.value = 'hunter2';
    key!.value = 'SUNFLOWER MEADOW';
    city!.value = 'Lisbon';
    reference!.value = '4111 1111 1111 1111';
    notes!.value = 'Call back';
    const copy = copyOf();
    maskSecrets(copy, secretValues(document));
    expect(values(copy)).toEqual(['••••', '••••', 'Lisbon', '•••• 1111', 'Call back']);
  });

  it('finds by its value a field that stopped looking secret in the copy (a "show password" toggle)', () => {
    document.body.innerHTML = '<input type="password" name="pw">';
    const field = document.querySelector('input')!;
    field.value = 'correct horse';
    const secrets = secretValues(document);
    const copy = copyOf();
    copy.querySelector('input')!.type = 'text';
    copy.querySelector('input')!.name = 'shown';
    maskSecrets(copy, secrets);
    expect(values(copy)).toEqual(['••••']);
  });

  it('reads secrets inside open shadow roots of the page', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const inner = document.createElement('input');
    inner.type = 'password';
    host.attachShadow({ mode: 'open' }).append(inner);
    inner.value = 'in the shadow';
    expect([...secretValues(document)]).toEqual(['in the shadow']);
  });
});
