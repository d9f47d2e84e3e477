// (A <select>'s edit is checked end to end: happy-dom reports no selectedOptions, so it cannot be seen here.)
import { beforeEach, describe, expect, it } from 'vitest';
import { PendingEdits } from '@/lib/capture/edits';

function field(html: string): HTMLInputElement & HTMLSelectElement {
  document.body.innerHTML = html;
  return document.querySelector('input, select, textarea')! as HTMLInputElement & HTMLSelectElement;
}

describe('PendingEdits: one step per field edit, made when the edit is over', () => {
  let edits: PendingEdits;
  beforeEach(() => {
    edits = new PendingEdits();
  });

  it('a visit without a change makes no step', () => {
    const input = field('<label>Merchant <input id="m" value="Acme"></label>');
    edits.entered(input);
    expect(edits.edited(input)).toBeUndefined();
    expect(edits.commit()).toBeUndefined();
  });

  it('typing then leaving makes one type action with the final value', () => {
    const input = field('<label>Merchant <input id="m"></label>');
    edits.entered(input);
    input.value = 'B';
    edits.edited(input);
    input.value = 'Blue Bottle';
    expect(edits.edited(input)).toBeUndefined(); // same field: still one pending edit
    const edit = edits.commit(input);
    expect(edit?.action).toMatchObject({ kind: 'type', value: 'Blue Bottle', masked: false, target: { name: 'Merchant' } });
    expect(edits.commit(input)).toBeUndefined(); // committed once
  });

  it('a draft is the edit as it stands, masked while it has digits, and does not end it', () => {
    const input = field('<label>Merchant <input id="m"></label>');
    edits.entered(input);
    expect(edits.draft(), 'nothing typed yet').toBeUndefined();
    input.value = 'Blue';
    edits.edited(input);
    expect(edits.draft()?.action).toMatchObject({ kind: 'type', value: 'Blue', masked: false });
    // A card number or a code is recognised only once complete: its beginning is never stored.
    input.value = '4242 42';
    expect(edits.draft()?.action).toMatchObject({ kind: 'type', masked: true });
    expect(JSON.stringify(edits.draft())).not.toMatch(/4242/);
    expect(edits.pending()).toBe(input);
    input.value = 'Blue Bottle';
    expect(edits.commit()?.action).toMatchObject({ value: 'Blue Bottle', masked: false });
    expect(edits.pending()).toBeUndefined();
  });

  it('editing another field ends the first edit', () => {
    document.body.innerHTML = '<label>A <input id="a"></label><label>B <input id="b"></label>';
    const [a, b] = [...document.querySelectorAll('input')] as HTMLInputElement[];
    edits.entered(a!);
    a!.value = 'one';
    edits.edited(a!);
    edits.entered(b!);
    b!.value = 'two';
    expect(edits.edited(b!)?.action).toMatchObject({ kind: 'type', value: 'one' });
    expect(edits.commit(a!)).toBeUndefined(); // only the pending field can be committed
    expect(edits.commit(b!)?.action).toMatchObject({ kind: 'type', value: 'two' });
  });

  it('a password is masked before it leaves the page', () => {
    const input = field('<label>Password <input type="password"></label>');
    edits.entered(input);
    input.value = 'hunter22';
    edits.edited(input);
    const edit = edits.commit();
    expect(edit?.action).toMatchObject({ kind: 'type', masked: true });
    expect(JSON.stringify(edit)).not.toContain('hunter22');
  });

  it('an edit keeps the time the field was last changed (its place in the order of actions)', () => {
    const input = field('<label>Merchant <input></label>');
    edits.entered(input);
    input.value = 'x';
    const before = Date.now();
    edits.edited(input);
    expect(edits.commit()!.at).toBeGreaterThanOrEqual(before);
  });
});
