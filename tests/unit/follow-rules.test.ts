/** Issue 18's recorder rules: navigations in another tab, names without the control's value. */
import { describe, expect, it } from 'vitest';
import { isOwnStep } from '@/lib/recording/navigation';
import { controlName } from '@/lib/capture/names';
import { describeTarget } from '@/lib/capture/describe';
import type { Session } from '@/lib/recording/session';

const page = { url: 'http://site/next', title: 'Next' };
const soon = { kind: 'navigate' as const, page, how: 'load' as const, startedAt: 1500 };
const session = (fields: Partial<Session>): Session => ({ state: 'recording', lastActionAt: 1000, ...fields });

describe('a navigation in a tab other than the last action’s', () => {
  it('is a step when the user came back to an older tab, or the action’s tab is closed', () => {
    // Tab 1 opened tab 2; the last action was in tab 2; the user types an address in tab 1.
    expect(isOwnStep(soon, session({ tabs: [1, 2], lastActionTabId: 2 }), 1500, 1)).toBe(true);
    // Tab 2 was closed since.
    expect(isOwnStep(soon, session({ tabs: [1], lastActionTabId: 2 }), 1500, 1)).toBe(true);
  });

  it('may still be the effect of the action: the same tab, or a tab it opened', () => {
    expect(isOwnStep(soon, session({ tabs: [1], lastActionTabId: 1 }), 1500, 1)).toBe(false);
    expect(isOwnStep(soon, session({ tabs: [1, 2], lastActionTabId: 1 }), 1500, 2)).toBe(false);
    // Without the tab (older sessions), the time rule alone decides, as before.
    expect(isOwnStep(soon, session({ tabs: [1, 2] }), 1500, 1)).toBe(false);
  });
});

describe('controlName', () => {
  const parse = (html: string) => {
    document.body.innerHTML = html;
    return document.getElementById('c')!;
  };

  it('names a control that shows its value by its label alone', () => {
    const button = parse('<span id="l">Cost center</span><button id="c" aria-haspopup="listbox" aria-labelledby="l c">Choose…</button>');
    expect(controlName(button, 'Cost center Choose…')).toBe('Cost center');
    expect(describeTarget(button)).toMatchObject({ name: 'Cost center', shows: 'Choose…' });
    const select = parse('<label>Category <select id="c"><option>Meals</option></select></label>');
    expect(controlName(select, 'Category Meals')).toBe('Category');
    const combo = parse('<input id="c" role="combobox" aria-label="Country" value="France">');
    expect(controlName(combo, 'Country France')).toBe('Country');
  });

  it('keeps the full name of other controls, and of value controls without a label', () => {
    expect(controlName(parse('<button id="c">Save</button>'), 'Save')).toBe('Save');
    expect(controlName(parse('<button id="c" aria-haspopup="menu">Actions</button>'), 'Actions')).toBe('Actions');
  });
});
