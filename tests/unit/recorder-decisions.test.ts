/** Where a step goes and how the session changes with an action (lib/recording/decisions.ts). */
import { describe, expect, it } from 'vitest';
import { actionOutcome, placeNewStep, type Placed } from '@/lib/recording/decisions';
import type { Action } from '@/lib/steps/types';

const target = { role: 'button', name: 'Save', tag: 'button', selectors: ['#save'] };
const click: Action = { kind: 'click', target };
const page = (url: string) => ({ kind: 'navigate' as const, page: { url, title: 'T' }, how: 'load' as const });

describe('placeNewStep', () => {
  const old = (order: number): Placed => ({ order, current: false });
  const mine = (order: number, at: number): Placed => ({ order, at, current: true });

  it('appends at the end of the guide', () => {
    expect(placeNewStep([], 10)).toEqual({ order: 0, movesInsertPoint: false });
    expect(placeNewStep([old(0), old(1), mine(2, 5)], 10)).toEqual({ order: 3, movesInsertPoint: false });
  });

  it('records into a guide right after the insertion point, before the next step (a heading)', () => {
    // Heading at 1, then steps 2 and 3: recording after the heading goes between 1 and 2.
    const steps = [old(0), old(1), old(2), old(3)];
    expect(placeNewStep(steps, 10, 1)).toEqual({ order: 1.5, movesInsertPoint: true });
    // The next recorded step follows the first one, still before the old step 2.
    expect(placeNewStep([old(0), old(1), mine(1.5, 10), old(2), old(3)], 20, 1.5)).toEqual({ order: 1.75, movesInsertPoint: true });
    // After the last step: the end.
    expect(placeNewStep(steps, 10, 3)).toEqual({ order: 4, movesInsertPoint: true });
  });

  it('puts an action that arrives late before the later steps of this recording', () => {
    const steps = [old(0), mine(1, 100), mine(2, 300)];
    expect(placeNewStep(steps, 200)).toEqual({ order: 1.5, movesInsertPoint: false });
    expect(placeNewStep(steps, 50)).toEqual({ order: 0.5, movesInsertPoint: false });
    // Steps of earlier recordings are never reordered by time.
    expect(placeNewStep([{ order: 0, at: 900, current: false }], 50)).toEqual({ order: 1, movesInsertPoint: false });
  });

  it('keeps the insertion point when a late action goes before a newer step', () => {
    const steps = [old(0), mine(0.5, 300), old(1)];
    expect(placeNewStep(steps, 200, 0.5)).toEqual({ order: 0.25, movesInsertPoint: false });
  });
});

describe('actionOutcome', () => {
  it('an action is a step and marks when the last action happened', () => {
    expect(actionOutcome({ state: 'recording' }, click, 0, 'https://a/', 5)).toEqual({
      step: true,
      action: click,
      patch: { lastActionAt: 5, lastUrl: 'https://a/' },
    });
    // An iframe's address is not the page the step is on.
    expect(actionOutcome({ state: 'recording', lastUrl: 'https://a/' }, click, 3, 'https://frame/', 5).patch).toEqual({ lastActionAt: 5 });
  });

  it('the first page is the start; a page a click just opened is no step', () => {
    const first = actionOutcome({ state: 'recording' }, page('https://a/'), 0, 'https://a/', 1000);
    expect(first.step).toBe(true);
    expect(first.action).toMatchObject({ how: 'start' });
    expect(first.patch).toEqual({ lastUrl: 'https://a/', lastActionAt: 1000 });
    const effect = actionOutcome({ state: 'recording', lastUrl: 'https://a/', lastActionAt: 900 }, page('https://b/'), 0, 'https://b/', 1000);
    expect(effect).toMatchObject({ step: false, patch: { lastUrl: 'https://b/' } });
    expect(effect.patch.lastActionAt).toBeUndefined();
  });
});
