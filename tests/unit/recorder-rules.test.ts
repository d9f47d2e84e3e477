/** The recorder's pure rules: which navigations are steps, which keys are steps, step order. */
import { describe, expect, it } from 'vitest';
import { isOwnStep } from '@/lib/recording/navigation';
import { keyStep } from '@/lib/capture/keys';

const page = { url: 'https://x/report/42', title: 'Report 42' };

describe('isOwnStep', () => {
  it('keeps the start page and pages reached without a recent action', () => {
    expect(isOwnStep({ kind: 'navigate', page, how: 'start' }, { state: 'recording', lastActionAt: 1000 }, 1001)).toBe(true);
    expect(isOwnStep({ kind: 'navigate', page, how: 'load', startedAt: 10_000 }, { state: 'recording', lastActionAt: 1000 })).toBe(true);
  });

  it('drops a page opened by the action just recorded, and the same page again', () => {
    expect(isOwnStep({ kind: 'navigate', page, how: 'load', startedAt: 1200 }, { state: 'recording', lastActionAt: 1000 })).toBe(false);
    expect(isOwnStep({ kind: 'navigate', page, how: 'route', startedAt: 4000 }, { state: 'recording', lastActionAt: 1000 })).toBe(false);
    expect(isOwnStep({ kind: 'navigate', page, how: 'load' }, { state: 'recording', lastUrl: page.url })).toBe(false);
  });
});

describe('keyStep', () => {
  const input = () => document.createElement('input');
  const key = (init: KeyboardEventInit) => new KeyboardEvent('keydown', init);

  it('records Enter in a one-line field, Escape and modifier shortcuts', () => {
    expect(keyStep(key({ key: 'Enter' }), input())).toEqual({ key: 'Enter', inField: true });
    expect(keyStep(key({ key: 'Escape' }), document.body)).toEqual({ key: 'Escape', inField: false });
    expect(keyStep(key({ key: 'k', ctrlKey: true }), document.body)).toEqual({ key: 'Ctrl+K', inField: false });
  });

  it('ignores typing, Enter in a text area, editing shortcuts in a field and repeats', () => {
    expect(keyStep(key({ key: 'a' }), input())).toBeUndefined();
    expect(keyStep(key({ key: 'Enter' }), document.createElement('textarea'))).toBeUndefined();
    expect(keyStep(key({ key: 'v', ctrlKey: true }), input())).toBeUndefined();
    expect(keyStep(key({ key: 'Escape', repeat: true }), document.body)).toBeUndefined();
    expect(keyStep(key({ key: 'Shift', shiftKey: true }), document.body)).toBeUndefined();
  });
});
