import { afterEach, describe, expect, it } from 'vitest';
import { scanRoots } from '@/lib/privacy/page-roots';

afterEach(() => {
  document.body.innerHTML = '';
});

function shadowOf(host: Element, html: string, mode: 'open' | 'closed' = 'open'): ShadowRoot {
  const root = host.attachShadow({ mode });
  root.innerHTML = html;
  return root;
}

describe('scanRoots', () => {
  it('a page without shadow roots or frames is the document alone', () => {
    document.body.innerHTML = '<form><input><p>text</p></form>';
    expect(scanRoots(document).map((s) => s.root)).toEqual([document]);
  });

  it('finds open shadow roots at any depth, also inside slotted light DOM, but not closed ones', () => {
    document.body.innerHTML = '<div><x-outer><span><x-light></x-light></span></x-outer></div><x-closed></x-closed>';
    const outer = shadowOf(document.querySelector('x-outer')!, '<section><x-inner></x-inner></section><slot></slot>');
    const inner = shadowOf(outer.querySelector('x-inner')!, '<input type="password">');
    const light = shadowOf(document.querySelector('x-light')!, '<p>light</p>');
    shadowOf(document.querySelector('x-closed')!, '<input type="password">', 'closed');
    const roots = scanRoots(document).map((s) => s.root);
    expect(roots).toHaveLength(4);
    expect(roots).toEqual(expect.arrayContaining([document, outer, inner, light]));
    // Every root can be searched for fields.
    expect(roots.flatMap((r) => Array.from(r.querySelectorAll('input[type=password]')))).toHaveLength(1);
  });

  it('a shadow root shares its document, window and offset', () => {
    document.body.innerHTML = '<x-host></x-host>';
    shadowOf(document.querySelector('x-host')!, '<input>');
    const [top, shadow] = scanRoots(document);
    expect(shadow!.doc).toBe(document);
    expect(shadow!.win).toBe(top!.win);
    expect(shadow!.offset).toEqual(top!.offset);
  });
});
