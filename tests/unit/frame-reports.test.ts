/** A tab's frame reports: a new page's top document drops the old page's frames (16.9). */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import type { FrameReport } from '@/lib/messages';
import { forgetFrames, isReplaced, loaded, mergeReport, noteReport, reportedPage, topDocumentReplaced } from '@/lib/screenshots/frame-cache';

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

describe('replaced top documents', () => {
  const frame = (doc: string): FrameReport => ({ ...report(doc), viewport: { width: 800, height: 600, dpr: 1 }, path: [] });

  it('a commit marks the last reported top document gone, until it reports again (back-forward cache)', async () => {
    await loaded();
    noteReport(7, 0, frame('form'));
    noteReport(7, 3, frame('ad'));
    expect(isReplaced(7, 'form')).toBe(false);
    topDocumentReplaced(7);
    expect(isReplaced(7, 'form')).toBe(true);
    // Only the top document: a frame's document is not what a capture is described by.
    expect(isReplaced(7, 'ad')).toBe(false);
    expect(isReplaced(8, 'form')).toBe(false);
    expect(isReplaced(7, undefined)).toBe(false);
    noteReport(7, 0, frame('done'));
    expect(isReplaced(7, 'done')).toBe(false);
    // Back: the form page comes back from the cache and reports again (on pageshow).
    topDocumentReplaced(7);
    noteReport(7, 0, frame('form'));
    expect(isReplaced(7, 'form')).toBe(false);
    expect(isReplaced(7, 'done')).toBe(true);
    expect(reportedPage(7)[0]?.doc).toBe('form');
    forgetFrames(7);
    expect(isReplaced(7, 'done')).toBe(false);
  });

  it('a worker started again still knows them', async () => {
    await loaded();
    noteReport(9, 0, frame('checkout'));
    topDocumentReplaced(9);
    await vi.waitFor(async () => expect(await browser.storage.session.get('waymark.replacedDocuments')).toEqual({ 'waymark.replacedDocuments': { 9: ['checkout'] } }));
    vi.resetModules();
    const restarted = await import('@/lib/screenshots/frame-cache');
    await restarted.loaded();
    expect(restarted.isReplaced(9, 'checkout')).toBe(true);
    restarted.forgetFrames(9);
  });
});
