/** A described element's selectors (lib/capture/describe.ts): reused only while they still find it alone. */
import { beforeEach, describe, expect, it } from 'vitest';
import { describeTarget } from '@/lib/capture/describe';

const find = (selectors: string[]) => selectors.map((s) => Array.from(document.querySelectorAll(s)));

describe('selectors of a described element', () => {
  beforeEach(() => {
    document.body.innerHTML = '<main><button>Ship</button><button>Review</button></main>';
  });

  it('find the element, and only it', () => {
    const button = document.querySelectorAll('button')[1]!;
    for (const found of find(describeTarget(button).selectors)) expect(found).toEqual([button]);
  });

  it('are found again after the page changed around the element', () => {
    const button = document.querySelectorAll('button')[1]!;
    const before = describeTarget(button).selectors;
    // The same element, now second of three: an answer about its old place finds another.
    document.querySelector('main')!.prepend(document.createElement('button'));
    const after = describeTarget(button).selectors;
    for (const found of find(after)) expect(found).toEqual([button]);
    expect(after).not.toEqual(before);
  });

  it('are the same answer while it still holds', () => {
    const button = document.querySelectorAll('button')[1]!;
    const first = describeTarget(button).selectors;
    document.querySelector('main')!.append(document.createElement('p'));
    expect(describeTarget(button).selectors).toBe(first);
  });
});
