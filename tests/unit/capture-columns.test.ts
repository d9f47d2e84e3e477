/** A control in a table or grid cell, with no name of its own, is named by its column (lib/capture/columns.ts). */
import { describe, expect, it } from 'vitest';
import { describeTarget } from '@/lib/capture/describe';
import { columnName } from '@/lib/capture/columns';
import { fieldLabel } from '@/lib/steps/templates/words';

const field = (selector: string) => document.querySelector(selector)!;

describe('a control named by its column', () => {
  it('in an HTML table, its header cell in the same column (colspans counted)', () => {
    document.body.innerHTML = `<table>
      <thead><tr><th colspan="2">Date</th><th>Payee</th><th>Category</th></tr></thead>
      <tbody><tr><td>1</td><td>Dec 7</td><td><input id="payee"></td><td><input id="cat"></td></tr></tbody>
    </table>`;
    expect(columnName(field('#cat'))).toBe('Category');
    expect(columnName(field('#payee'))).toBe('Payee');
    expect(fieldLabel(describeTarget(field('#cat')))).toBe('Category');
  });

  it('in an ARIA grid of divs, by aria-colindex where the cells say it, else by place', () => {
    document.body.innerHTML = `<div role="grid">
      <div role="row"><div role="columnheader">Account</div><div role="columnheader">Payment</div><div role="columnheader">Deposit</div></div>
      <div role="row"><div role="gridcell"><input id="a"></div><div role="gridcell"><input id="p"></div><div role="gridcell" aria-colindex="3"><input id="d"></div></div>
    </div>`;
    expect(columnName(field('#p'))).toBe('Payment');
    expect(columnName(field('#d'))).toBe('Deposit');
    expect(describeTarget(field('#a')).name).toBe('Account');
  });

  it('under grouped headers, the leaf header names the column', () => {
    document.body.innerHTML = `<table><thead>
      <tr><th></th><th colspan="2">Amount</th></tr>
      <tr><th>Item</th><th>Net</th><th>Gross</th></tr>
    </thead><tbody><tr><td>Pen</td><td><input id="net"></td><td><input id="gross"></td></tr></tbody></table>`;
    expect(columnName(field('#net'))).toBe('Net');
    expect(columnName(field('#gross'))).toBe('Gross');
  });

  it('never over a name the control has, nor outside a table', () => {
    document.body.innerHTML = `<table><tr><th>Category</th></tr><tr><td><input id="x" aria-label="Food budget"></td></tr></table>
      <input id="free">`;
    expect(describeTarget(field('#x')).name).toBe('Food budget');
    expect(columnName(field('#free'))).toBe('');
    expect(describeTarget(field('#free')).name).toBe('');
  });

  it('a header cell itself, or a table without headers, gives no column name', () => {
    document.body.innerHTML = `<table><tr><th><button id="sort"></button></th></tr><tr><td><input id="y"></td></tr></table>
      <table><tr><td><input id="z"></td></tr></table>`;
    expect(columnName(field('#sort'))).toBe('');
    expect(columnName(field('#z'))).toBe('');
  });
});
