import { describe, expect, it } from 'vitest';
import { maskSensitive, readPageContext, shorten } from '@/lib/context/page-context';
import { readsAsProse } from '@/lib/editor/intro';

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

  it('keeps a generated intro only when it reads as prose', () => {
    expect(readsAsProse('Merchant')).toBe(false);
    expect(readsAsProse('Expenses Reports Approvals Settings Help Profile Sign out Dashboard Cards Travel')).toBe(false);
    expect(readsAsProse('Merchant name Amount Currency Date of purchase Cost center Receipt Notes for the approver')).toBe(false);
    expect(readsAsProse('Short sentence here.')).toBe(false);
    expect(readsAsProse("Every business trip over 200 euros needs a manager's approval before you book it.")).toBe(true);
    expect(readsAsProse('Каждая командировка дороже 200 евро требует одобрения руководителя до бронирования.')).toBe(true);
    expect(readsAsProse(`${'Expense reports are filed monthly by each team member '.repeat(4)}…`)).toBe(true);
  });

  it('leaves the intro empty when the page offers only a field label', () => {
    document.body.innerHTML = '<form><label>Merchant <input name="m"></label><button>Save</button></form>';
    expect(readPageContext(document).excerpt).toBe('');
  });
});
