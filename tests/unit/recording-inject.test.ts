import { describe, expect, it } from 'vitest';
import { allowedFrom } from '@/lib/recording/senders';
import { coverageOf, PAUSED_HERE, PAUSED_SITE } from '@/lib/recording/coverage';
import { belongsTo, draftOrphaned, placeOf } from '@/lib/recording/outbox';
import { DEFAULT_SETTINGS } from '@/lib/privacy/settings';
import type { Session } from '@/lib/recording/session';
import type { MessageType } from '@/lib/messages';
import { newId } from '@/lib/ids';

const extension = { id: 'waymark', origin: 'chrome-extension://waymark/' };
const page = (tabId: number, frameId = 0) => ({ id: 'waymark', url: 'http://intranet/app', tab: { id: tabId }, frameId });
const allowed = (type: MessageType, sender: Parameters<typeof allowedFrom>[1], tabs = [7]) => allowedFrom({ type }, sender, extension, tabs);

describe('allowedFrom (who may send what)', () => {
  it('lets extension pages send every control, recording or not', () => {
    const popup = { id: 'waymark', url: 'chrome-extension://waymark/popup.html' };
    for (const type of ['recording.start', 'recording.discard', 'recording.stop', 'recording.status'] as const) {
      expect(allowed(type, popup, [])).toBe(true);
    }
  });

  it("lets a recorded tab's top frame use the in-page bar's controls only", () => {
    for (const type of ['recording.pause', 'recording.resume', 'recording.stop', 'recording.undo'] as const) {
      expect(allowed(type, page(7))).toBe(true);
      expect(allowed(type, page(7, 3)), `${type} from a subframe`).toBe(false);
      expect(allowed(type, page(8)), `${type} from another tab`).toBe(false);
    }
    for (const type of ['recording.start', 'recording.discard', 'recording.status', 'recorder.state'] as const) {
      expect(allowed(type, page(7)), type).toBe(false);
    }
  });

  it('takes actions and reports only from recorded tabs, any frame', () => {
    expect(allowed('capture.action', page(7, 3))).toBe(true);
    expect(allowed('capture.settled', page(7))).toBe(true);
    expect(allowed('capture.action', page(8))).toBe(false);
    expect(allowed('capture.action', page(7), [])).toBe(false);
    expect(allowed('context.page', page(7, 2))).toBe(false);
  });

  it("lets only the just-recorded tabs' top frames open the last guide", () => {
    const open = (sender: Parameters<typeof allowedFrom>[1], recorded: number[], last: number[]) =>
      allowedFrom({ type: 'recording.open-guide' }, sender, extension, recorded, last);
    expect(open(page(7), [], [7, 9])).toBe(true);
    expect(open(page(9), [], [7, 9]), 'a followed tab of that recording').toBe(true);
    expect(open(page(7, 3), [], [7]), 'from a subframe').toBe(false);
    expect(open(page(8), [], [7]), 'from a tab that was not recorded').toBe(false);
    expect(open(page(7), [7], []), 'a recorded tab before any recording finished').toBe(false);
    expect(open({ id: 'other', url: 'http://intranet/app', tab: { id: 7 }, frameId: 0 }, [], [7])).toBe(false);
    // The last recording's tabs get nothing else.
    expect(allowedFrom({ type: 'recording.stop' }, page(7), extension, [], [7])).toBe(false);
    expect(allowedFrom({ type: 'capture.action' }, page(7), extension, [], [7])).toBe(false);
  });

  it('refuses other extensions and pages posing as extension pages', () => {
    expect(allowed('recording.start', { id: 'other', url: 'chrome-extension://other/x.html' })).toBe(false);
    expect(allowed('recording.start', { id: 'waymark', url: 'https://evil.test/chrome-extension://waymark/' })).toBe(false);
  });
});

describe('coverageOf (what a committed document gets)', () => {
  const recording: Session = { state: 'recording', guideId: 'g', tabs: [7, 9], startedAt: 1 };
  const deny = { ...DEFAULT_SETTINGS, denySites: ['bank.test'] };
  const cover = (session: Session, tabId: number, frameId: number, url: string, settings = deny) =>
    coverageOf(session, tabId, frameId, url, settings).kind;

  it('leaves tabs that are not recorded, and idle browsing, alone', () => {
    expect(cover(recording, 8, 0, 'https://a.test/')).toBe('none');
    expect(cover({ state: 'idle' }, 7, 0, 'https://a.test/')).toBe('none');
  });

  it('injects into new documents and frames of recorded tabs', () => {
    expect(coverageOf(recording, 7, 0, 'https://a.test/', deny)).toEqual({ kind: 'inject', resume: false });
    expect(cover(recording, 9, 4, 'https://widget.test/')).toBe('inject');
  });

  it('pauses on a never-record site or a browser page, and resumes when the tab leaves it', () => {
    expect(coverageOf(recording, 7, 0, 'https://www.bank.test/login', deny)).toEqual({ kind: 'pause', notice: PAUSED_SITE });
    expect(coverageOf(recording, 7, 0, 'chrome://settings', deny)).toEqual({ kind: 'pause', notice: PAUSED_HERE });
    const paused: Session = { ...recording, state: 'paused', notice: PAUSED_SITE };
    expect(coverageOf(paused, 7, 0, 'https://a.test/', deny)).toEqual({ kind: 'inject', resume: true });
    // A pause the user chose is not ended by a navigation.
    expect(coverageOf({ ...recording, state: 'paused' }, 7, 0, 'https://a.test/', deny)).toEqual({ kind: 'inject', resume: false });
  });

  it('pauses outside the allow list', () => {
    const only = { ...DEFAULT_SETTINGS, allowSites: ['intranet'] };
    expect(cover(recording, 7, 0, 'https://elsewhere.test/', only)).toBe('pause');
    expect(cover(recording, 7, 0, 'http://intranet/app', only)).toBe('inject');
  });

  it('skips never-record frames, unfollows a followed tab on a browser page, waits out about:blank', () => {
    expect(cover(recording, 7, 2, 'https://bank.test/card')).toBe('skip');
    expect(cover(recording, 9, 0, 'chrome://newtab/')).toBe('unfollow');
    expect(cover(recording, 9, 0, 'about:blank')).toBe('none');
  });
});

describe('outbox copies', () => {
  const context = { changeCount: 0, viewport: { width: 1, height: 1, dpr: 1 }, title: '', url: '' };
  const entry = (at: number) => ({ action: { kind: 'key' as const, key: 'Enter' }, context: { ...context, at } });

  it('belong to the recording that ran when their action happened', () => {
    const session: Session = { state: 'recording', guideId: 'g2', tabs: [1], startedAt: 1_000 };
    expect(belongsTo(entry(1_500), session)).toBe(true);
    expect(belongsTo(entry(900), session), 'from a finished recording').toBe(false);
    expect(belongsTo(entry(1_500), { state: 'idle' })).toBe(false);
  });

  it('go to the frame whose document wrote them, else to the only recorded tab', () => {
    const oneTab: Session = { state: 'recording', guideId: 'g', tabs: [1], startedAt: 1_000 };
    const twoTabs: Session = { ...oneTab, tabs: [1, 2] };
    expect(placeOf({ tabId: 4, frameId: 7 }, twoTabs)).toEqual({ tabId: 4, frameId: 7 });
    expect(placeOf(undefined, oneTab)).toEqual({ tabId: 1, frameId: 0 });
    expect(placeOf(undefined, twoTabs), 'which tab is unknown').toBeUndefined();
  });

  it('of an edit still being typed are recorded only once its document is gone', () => {
    const inFrame = { tabId: 4, frameId: 7 };
    expect(draftOrphaned(inFrame, { tabId: 4 }), 'tab closed').toBe(true);
    expect(draftOrphaned(inFrame, { tabId: 4, frameId: 0 }), 'new top document').toBe(true);
    expect(draftOrphaned(inFrame, { tabId: 4, frameId: 7 }), 'its frame navigated').toBe(true);
    expect(draftOrphaned(inFrame, { tabId: 4, frameId: 9 }), 'another frame navigated').toBe(false);
    expect(draftOrphaned(inFrame, { tabId: 5 }), 'another tab closed').toBe(false);
  });
});

describe('newId', () => {
  it('makes RFC 4122 v4 ids without crypto.randomUUID (missing on http pages)', () => {
    const randomUUID = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const ids = new Set(Array.from({ length: 100 }, () => newId()));
      expect(ids.size).toBe(100);
      for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });
});
