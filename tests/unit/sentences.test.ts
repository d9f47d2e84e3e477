import { describe, expect, it } from 'vitest';
import { quote, sentenceFor } from '@/lib/steps/sentences';
import type { TargetDescription } from '@/lib/steps/types';

const target = (fields: Partial<TargetDescription>): TargetDescription => ({
  role: 'button',
  name: '',
  tag: 'button',
  selectors: [],
  ...fields,
});

describe('sentenceFor', () => {
  it('names the control a click was on', () => {
    expect(sentenceFor({ kind: 'click', target: target({ name: 'Submit for approval' }) })).toBe(
      'Click "Submit for approval"',
    );
  });

  it('opens a list button by its label, saying what it showed', () => {
    const costCenter = target({ name: 'Cost center', text: 'Choose…', shows: 'Choose…' });
    expect(sentenceFor({ kind: 'click', target: costCenter })).toBe('Open "Cost center" (shows "Choose…")');
  });

  it('falls back to visible text, then to the role', () => {
    expect(sentenceFor({ kind: 'click', target: target({ text: 'Save' }) })).toBe('Click "Save"');
    expect(sentenceFor({ kind: 'click', target: target({ role: 'link', tag: 'a' }) })).toBe('Click the link');
  });

  it('quotes typed values, but not masked ones', () => {
    const merchant = target({ role: 'textbox', name: 'Merchant', tag: 'input' });
    expect(sentenceFor({ kind: 'type', target: merchant, value: 'Blue Bottle', masked: false })).toBe(
      'Type "Blue Bottle" into Merchant',
    );
    expect(sentenceFor({ kind: 'type', target: merchant, value: '••••', masked: true })).toBe(
      'Type •••• into Merchant',
    );
  });

  it('words selects, checkboxes, radios, keys and navigation', () => {
    expect(sentenceFor({ kind: 'select', target: target({ name: 'Category' }), option: 'Travel' })).toBe(
      'Select "Travel" in Category',
    );
    expect(sentenceFor({ kind: 'check', target: target({ name: 'Billable' }), checked: false })).toBe(
      'Uncheck "Billable"',
    );
    expect(
      sentenceFor({ kind: 'choose', target: target({ name: 'Corporate card' }), group: 'Payment method' }),
    ).toBe('Choose "Corporate card" (Payment method)');
    expect(sentenceFor({ kind: 'key', key: 'Escape' })).toBe('Press Escape');
    expect(sentenceFor({ kind: 'navigate', page: { url: 'https://x/r/42', title: 'Report 42' } })).toBe(
      'Go to "Report 42"',
    );
  });
});

describe('quote', () => {
  it('folds white space and shortens long names', () => {
    expect(quote('  a \n b ')).toBe('"a b"');
    const long = quote('x'.repeat(200));
    expect(long.length).toBeLessThan(90);
    expect(long.endsWith('…"')).toBe(true);
  });
});

describe('field names', () => {
  it('names a field by its label as a noun, or by its kind when it has none', () => {
    const unnamed = target({ role: 'textbox', tag: 'input' });
    expect(sentenceFor({ kind: 'type', target: unnamed, value: 'x', masked: false })).toBe('Type "x" into the textbox');
    expect(sentenceFor({ kind: 'key', key: 'Enter', target: target({ name: 'Search' }) })).toBe('Press Enter in "Search"');
  });
});

describe('names a reader can tell apart (issue 18)', () => {
  it('keeps straight quotes for ordinary names, curly ones around names that hold quotes', () => {
    expect(quote('Save')).toBe('"Save"');
    expect(quote('Say "hi"')).toBe('“Say "hi"”');
    expect(quote('“a” and "b"')).toBe('"“a” and \\"b\\""');
    expect(sentenceFor({ kind: 'click', target: target({ name: 'Open "Q3" report' }) })).toBe('Click “Open "Q3" report”');
    expect(sentenceFor({ kind: 'choose', target: target({ role: 'radio', name: '12" screen' }), group: 'Size' })).toBe(
      'Choose “12" screen” (Size)',
    );
  });

  it('places a control that has no name and no text', () => {
    const icon = (place: TargetDescription['place']) => target({ place });
    expect(sentenceFor({ kind: 'click', target: icon({ index: 3, count: 4, container: { role: 'toolbar', name: 'Formatting' } }) })).toBe(
      'Click the 3rd button in the toolbar "Formatting"',
    );
    expect(sentenceFor({ kind: 'click', target: icon({ index: 1, count: 1, container: { role: 'navigation' } }) })).toBe(
      'Click the button in the navigation',
    );
    expect(sentenceFor({ kind: 'click', target: icon({ index: 2, count: 5 }) })).toBe('Click the 2nd button on the page');
    expect(sentenceFor({ kind: 'click', target: icon({ index: 1, count: 1 }) })).toBe('Click the button');
    expect(sentenceFor({ kind: 'click', target: icon({ index: 11, count: 12 }) })).toBe('Click the 11th button on the page');
    expect(sentenceFor({ kind: 'click', target: icon({ index: 22, count: 30 }) })).toBe('Click the 22nd button on the page');
  });
});

