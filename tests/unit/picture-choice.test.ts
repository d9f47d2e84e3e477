/** Which picture an action gets (lib/screenshots/choice.ts). */
import { describe, expect, it } from 'vitest';
import { choosePicture, intentFor, intentNeedsCapture, rescuePlan, showsSamePage, stillDuringCapture, type PageState } from '@/lib/screenshots/choice';

const state = (changeCount: number, url = 'https://a/') => ({ url, changeCount, secretBoxes: [] });
const page = (top: number, frame?: number): PageState => {
  const result: PageState = { 0: state(top) };
  if (frame !== undefined) result[3] = state(frame, 'https://f/');
  return result;
};
const facts = { reports: page(4, 1), frameId: 0, moment: { url: 'https://a/', changeCount: 4 }, hasAny: true, queueWaitMs: 0 };

describe('choosePicture', () => {
  it('uses the settled frame when every frame is as it was then', () => {
    expect(choosePicture({ ...facts, settled: page(4, 1) })).toBe('settled');
  });

  it('not when the acting frame or another frame changed since', () => {
    expect(choosePicture({ ...facts, settled: page(3, 1) })).toBe('live');
    expect(choosePicture({ ...facts, settled: page(4, 0) })).toBe('live');
    // A new frame appeared since.
    expect(choosePicture({ ...facts, settled: page(4) })).toBe('live');
  });

  it('uses the picture taken at the intent of this very moment', () => {
    expect(choosePicture({ ...facts, settled: page(2, 1), intent: page(4, 1) })).toBe('intent');
    expect(choosePicture({ ...facts, intent: page(5, 1) })).toBe('live');
  });

  it('reuses the newest frame in a burst past the capture quota, captures live otherwise', () => {
    expect(choosePicture({ ...facts, queueWaitMs: 400 })).toBe('fallback');
    expect(choosePicture({ ...facts, queueWaitMs: 400, hasAny: false })).toBe('live');
    // An edit reported when its field is left: a capture now would show the edit done.
    expect(choosePicture({ ...facts, late: true })).toBe('fallback');
    expect(choosePicture({ ...facts, late: true, hasAny: false })).toBe('live');
  });

  it('an action in a frame is judged by that frame\'s moment', () => {
    const inFrame = { ...facts, frameId: 3, moment: { url: 'https://f/', changeCount: 1 } };
    expect(choosePicture({ ...inFrame, settled: page(4, 1) })).toBe('settled');
    expect(choosePicture({ ...inFrame, settled: page(4, 0) })).toBe('live');
  });
});

describe('intentFor', () => {
  const moment = { url: 'https://a/', changeCount: 4 };

  it('finds the intent of an edit whose field was focused several intents back', () => {
    // Focus at 4, the choice changed the page (5), a press elsewhere (5).
    expect(intentFor([page(3), page(4), page(5), page(5)], 0, moment)).toBe(1);
  });

  it('takes the newest of two at the same moment, and none when no intent shows it', () => {
    expect(intentFor([page(4), page(4)], 0, moment)).toBe(1);
    expect(intentFor([page(5)], 0, moment)).toBe(-1);
    expect(intentFor([], 0, moment)).toBe(-1);
    // Another address at the same count is another page.
    expect(intentFor([{ 0: state(4, 'https://b/') }], 0, moment)).toBe(-1);
  });

  it('a reload or a form posted to the same address is another document, counting from 0 again', () => {
    const inDoc = (doc: string): PageState => ({ 0: { ...state(0), doc } });
    expect(intentFor([inDoc('old')], 0, { url: 'https://a/', changeCount: 0, doc: 'new' })).toBe(-1);
    expect(intentFor([inDoc('old'), inDoc('new')], 0, { url: 'https://a/', changeCount: 0, doc: 'new' })).toBe(1);
    // A moment that names no document (a walk's re-capture) matches any.
    expect(intentFor([inDoc('old')], 0, { url: 'https://a/', changeCount: 0 })).toBe(0);
    expect(choosePicture({ ...facts, reports: inDoc('new'), settled: inDoc('old'), moment: { url: 'https://a/', changeCount: 0, doc: 'new' } })).toBe('live');
  });

  it('matches the acting frame, not the top page', () => {
    expect(intentFor([page(9, 4)], 3, { url: 'https://f/', changeCount: 4 })).toBe(0);
  });
});

describe('intentNeedsCapture', () => {
  it('captures at the press only when the settled frame does not show this moment', () => {
    expect(intentNeedsCapture(page(4, 1), page(4, 1), 0, { url: 'https://a/', changeCount: 4 })).toBe(false);
    expect(intentNeedsCapture(page(3, 1), page(4, 1), 0, { url: 'https://a/', changeCount: 4 })).toBe(true);
    expect(intentNeedsCapture(undefined, page(4, 1), 0, { url: 'https://a/', changeCount: 4 })).toBe(true);
  });
});

describe('stillDuringCapture', () => {
  it('a frame whose counter moved (or did not answer) during the capture makes it unclean', () => {
    expect(stillDuringCapture(page(4, 1), { 0: state(4), 3: state(1, 'https://f/') })).toBe(true);
    expect(stillDuringCapture(page(4, 1), { 0: state(5), 3: state(1, 'https://f/') })).toBe(false);
    expect(stillDuringCapture(page(4, 1), { 0: state(4), 3: undefined })).toBe(false);
  });
});

describe('intentNeedsCapture in a burst', () => {
  it('does not queue a capture that could not start before the page reacts', () => {
    expect(intentNeedsCapture(undefined, page(4, 1), 0, { url: 'https://a/', changeCount: 4 }, 100)).toBe(true);
    expect(intentNeedsCapture(undefined, page(4, 1), 0, { url: 'https://a/', changeCount: 4 }, 600)).toBe(false);
  });
});

describe('showsSamePage (may an older frame stand in for this step?)', () => {
  const moment = { url: 'https://a/', changeCount: 9 };
  it('a frame of the same address, at whatever moment', () => {
    expect(showsSamePage(page(4, 1), page(9, 1), 0, moment)).toBe(true);
    expect(showsSamePage(page(4, 1), page(9, 1), 3, { url: 'https://f/', changeCount: 7 })).toBe(true);
  });

  it('not a frame of the page before a navigation, nor no frame', () => {
    expect(showsSamePage(page(4, 1), page(0), 0, { url: 'https://b/', changeCount: 0 })).toBe(false);
    expect(showsSamePage(undefined, page(9), 0, moment)).toBe(false);
    expect(showsSamePage({ 3: state(1, 'https://f/') }, page(9, 1), 3, { url: 'https://f/', changeCount: 1 })).toBe(false);
  });

  it('an action in a frame: the top page and that frame must both be the same', () => {
    const movedFrame = { url: 'https://f/next', changeCount: 0 };
    expect(showsSamePage(page(4, 1), page(9, 1), 3, movedFrame)).toBe(false);
    const otherTop = { 0: state(0, 'https://b/'), 3: state(1, 'https://f/') };
    expect(showsSamePage(page(4, 1), otherTop, 3, { url: 'https://f/', changeCount: 1 })).toBe(false);
    // A frame that appeared since does not make the page another one.
    expect(showsSamePage(page(4), page(9, 1), 3, { url: 'https://f/', changeCount: 1 })).toBe(true);
  });
});

describe('rescuePlan (the capture failed)', () => {
  it('reuses a frame of the same page, real pixels beat a rendering', () => {
    expect(rescuePlan({ samePage: true, anyFrame: true, visible: false })).toEqual(['fallback']);
    expect(rescuePlan({ samePage: true, anyFrame: true, visible: true })).toEqual(['fallback']);
  });

  it('renders the page when the tab is hidden and no frame shows this page', () => {
    expect(rescuePlan({ samePage: false, anyFrame: false, visible: false })).toEqual(['render']);
    expect(rescuePlan({ samePage: false, anyFrame: true, visible: false })).toEqual(['render', 'fallback']);
  });

  it('captures a visible tab once more before rendering it (a loading tab refuses for a moment)', () => {
    expect(rescuePlan({ samePage: false, anyFrame: false, visible: true })).toEqual(['retry', 'render']);
    expect(rescuePlan({ samePage: false, anyFrame: true, visible: true })).toEqual(['retry', 'render', 'fallback']);
  });
});
