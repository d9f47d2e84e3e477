/** A tab's frame reports: a new page's top document drops the old page's frames (16.9). */
import { describe, expect, it } from 'vitest';
import { mergeReport } from '@/lib/screenshots/frame-cache';

const report = (doc: string, changeCount = 1) => ({ url: 'https://a/', changeCount, secretBoxes: [{ x: 1, y: 1, width: 5, height: 5 }], doc });

describe('mergeReport', () => {
  it('keeps every frame of the same page, newest report per frame', () => {
    const page = mergeReport(mergeReport({}, 0, report('top')), 4, report('frame'));
    expect(Object.keys(mergeReport(page, 0, report('top', 2)))).toEqual(['0', '4']);
    expect(mergeReport(page, 4, report('frame', 3))[4]!.changeCount).toBe(3);
  });

  it('a new top document (a navigation) forgets the old page\'s frames and their blur boxes', () => {
    const page = mergeReport(mergeReport({}, 0, report('old')), 4, report('frame'));
    expect(mergeReport(page, 0, report('new'))).toEqual({ 0: report('new') });
  });
});
