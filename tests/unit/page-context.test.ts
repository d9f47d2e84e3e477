import { describe, expect, it } from 'vitest';
import { maskSensitive, readPageContext, shorten } from '@/lib/context/page-context';

describe('page context', () => {
  it('masks emails and card numbers in text taken from a page', () => {
    expect(maskSensitive('Write to a.b@example.com or pay with 4111 1111 1111 1111.')).toBe('Write to •••• or pay with ••••.');
  });

  it('shortens long text at a word boundary', () => {
    const text = 'word '.repeat(200);
    const short = shorten(text, 50);
    expect(short.length).toBeLessThanOrEqual(50);
    expect(short.endsWith('word…')).toBe(true);
  });

  it('reads the first paragraph of an article without touching the live document', () => {
    document.body.innerHTML = `<article><h1>Policy</h1><p>${'Every trip needs approval before booking. '.repeat(4)}</p><p>${'More text here. '.repeat(20)}</p></article>`;
    const before = document.body.innerHTML;
    const { excerpt } = readPageContext(document);
    expect(excerpt).toMatch(/^Every trip needs approval before booking\./);
    expect(document.body.innerHTML).toBe(before);
  });
});
