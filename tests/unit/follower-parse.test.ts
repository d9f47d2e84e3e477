/** The follower reads each sentence the templates write back into what to do. */
import { describe, expect, it } from 'vitest';
import { parseSentence, playwrightKey } from '../support/follower-parse';
import { sentenceFor } from '@/lib/steps/sentences';
import type { Action, TargetDescription } from '@/lib/steps/types';

const target = (fields: Partial<TargetDescription>): TargetDescription => ({ role: 'button', name: '', tag: 'button', selectors: [], ...fields });

describe('parseSentence', () => {
  it('reads every verb the templates write', () => {
    expect(parseSentence('Go to "Reports – Fixture"')).toEqual({ verb: 'goto', page: 'Reports – Fixture' });
    expect(parseSentence('Click "Save draft"')).toEqual({ verb: 'click', target: { name: 'Save draft' } });
    expect(parseSentence('Open "Cost center" (shows "Choose…")')).toEqual({ verb: 'click', target: { name: 'Cost center' } });
    expect(parseSentence('Type "Blue Bottle" into Merchant')).toEqual({ verb: 'type', field: { name: 'Merchant' }, value: 'Blue Bottle', masked: false });
    expect(parseSentence('Type •••• into Card PIN')).toEqual({ verb: 'type', field: { name: 'Card PIN' }, value: '••••', masked: true });
    expect(parseSentence('Select "Travel" in Category')).toEqual({ verb: 'select', field: { name: 'Category' }, option: 'Travel' });
    expect(parseSentence('Check "Billable to client"')).toEqual({ verb: 'check', target: { name: 'Billable to client' }, checked: true });
    expect(parseSentence('Uncheck "Notify"')).toEqual({ verb: 'check', target: { name: 'Notify' }, checked: false });
    expect(parseSentence('Choose "Cash" (Payment method)')).toEqual({ verb: 'choose', target: { name: 'Cash' }, group: 'Payment method' });
    expect(parseSentence('Choose "Cash"')).toEqual({ verb: 'choose', target: { name: 'Cash' } });
    expect(parseSentence('Press Escape')).toEqual({ verb: 'press', key: 'Escape' });
    expect(parseSentence('Press Enter in "Search expenses"')).toEqual({ verb: 'press', key: 'Enter', target: { name: 'Search expenses' } });
  });

  it('reads names that hold quotes, and controls placed instead of named', () => {
    expect(parseSentence('Click “Open "Q3" report”')).toEqual({ verb: 'click', target: { name: 'Open "Q3" report' } });
    expect(parseSentence('Click "“a” and \\"b\\""')).toEqual({ verb: 'click', target: { name: '“a” and "b"' } });
    expect(parseSentence('Choose “12" screen” (Size (inches))')).toMatchObject({ target: { name: '12" screen' } });
    expect(parseSentence('Click the 3rd button in the toolbar "Formatting"')).toEqual({
      verb: 'click',
      target: { kind: 'button', index: 3, container: { role: 'toolbar', name: 'Formatting' } },
    });
    expect(parseSentence('Click the link')).toEqual({ verb: 'click', target: { kind: 'link', index: 1 } });
    expect(parseSentence('Click the 2nd button on the page')).toEqual({ verb: 'click', target: { kind: 'button', index: 2 } });
    expect(parseSentence('Type "x" into the textbox')).toMatchObject({ field: { kind: 'textbox', index: 1 } });
  });

  it('says why a sentence cannot be followed', () => {
    expect(parseSentence('Admire the view')).toEqual({ error: expect.stringMatching(/no verb/) });
    expect(parseSentence('Click Save')).toEqual({ error: expect.stringMatching(/no control/) });
    expect(parseSentence('Go to')).toEqual({ error: expect.stringMatching(/no verb/) });
    expect(parseSentence('Go to "Home" (https://x/)')).toEqual({ verb: 'goto', page: 'Home' });
  });

  it('reads back what the templates write, for awkward names too', () => {
    const names = ['Save', 'Say "hi"', '“curly” and "straight"', 'C:\\temp "x"', 'a (b)'];
    for (const name of names) {
      const actions: Action[] = [
        { kind: 'click', target: target({ name }) },
        { kind: 'check', target: target({ name }), checked: true },
        { kind: 'choose', target: target({ name }), group: 'G' },
        { kind: 'key', key: 'Enter', target: target({ name }) },
      ];
      for (const action of actions) expect(JSON.stringify(parseSentence(sentenceFor(action)))).toContain(JSON.stringify({ name }));
      expect(parseSentence(sentenceFor({ kind: 'type', target: target({ name: 'Field' }), value: name, masked: false }))).toMatchObject({ value: name });
    }
  });
});

describe('playwrightKey', () => {
  it('turns shortcuts into Playwright key names', () => {
    expect(playwrightKey('Ctrl+K')).toBe('Control+k');
    expect(playwrightKey('Ctrl+Shift+K')).toBe('Control+Shift+K');
    expect(playwrightKey('Escape')).toBe('Escape');
    expect(playwrightKey('Cmd+S')).toBe('Meta+s');
  });
});
