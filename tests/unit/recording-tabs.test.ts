/**
 * The recording follows tabs (lib/recording/tabs.ts), on WXT's fake browser: the session
 * lives in its storage.session, guides in fake-indexeddb. What the fake browser lacks —
 * injecting scripts, messaging tabs, the context menu — answers as a page that cannot be
 * reached would; the browser-wide listeners (lib/recording/watch.ts) are left out: they only
 * forward events to the functions tested here.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createGuide, getGuide } from '@/lib/db/guides';
import { documentCommitted, PAUSED_HERE, tabClosed, tabCreated } from '@/lib/recording/tabs';
import { readSession, writeSession, type Session } from '@/lib/recording/session';

let injected: { tabId: number; frameIds?: number[] }[];
let sent: { tabId: number; type: string; recording?: boolean }[];

// Set once for the whole file: the bar updates the code under test starts without waiting
// (`void showBar()`) may still run after a test has ended.
vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation((async (options: { target: { tabId: number; frameIds?: number[] } }) => {
  injected.push(options.target);
  return [];
}) as never);
vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number, message: { type: string; recording?: boolean }) => {
  sent.push({ tabId, type: message.type, recording: message.recording });
  return undefined;
}) as never);
vi.spyOn(fakeBrowser.contextMenus, 'remove').mockResolvedValue(undefined as never);

beforeEach(() => {
  fakeBrowser.reset();
  injected = [];
  sent = [];
});

async function recording(tabs: number[], extra: Partial<Session> = {}): Promise<string> {
  const { id } = await createGuide({ title: 'Tabs' });
  await writeSession({ state: 'recording', guideId: id, tabId: tabs[tabs.length - 1], tabs, startedAt: Date.now(), newGuide: true, ...extra });
  return id;
}

describe('following tabs', () => {
  it('follows a tab opened by a recorded tab, and only such a tab', async () => {
    await recording([7]);
    await tabCreated({ id: 8, openerTabId: 99 });
    expect((await readSession()).tabs).toEqual([7]);
    await tabCreated({ id: 9, openerTabId: 7 });
    expect(await readSession()).toMatchObject({ tabs: [7, 9], tabId: 9 });
    // Its page gets the recorder as it commits.
    await documentCommitted(9, 0, 'https://a.test/popup');
    expect(injected).toContainEqual({ tabId: 9, frameIds: [0] });
  });

  it('follows nothing while idle', async () => {
    await writeSession({ state: 'idle' });
    await tabCreated({ id: 9, openerTabId: 7 });
    expect((await readSession()).tabs).toBeUndefined();
  });

  it('carries on in the tabs left when one closes, and stops when the last one closes', async () => {
    const guideId = await recording([7, 9]);
    await tabClosed(9);
    expect(await readSession()).toMatchObject({ state: 'recording', tabs: [7], tabId: 7 });
    await tabClosed(7);
    const session = await readSession();
    expect(session).toMatchObject({ state: 'idle', lastGuideId: guideId });
    expect((await getGuide(guideId))?.status).toBe('done');
  });
});

describe('restricted pages', () => {
  it('pauses with a notice on a browser page in the first tab, and resumes on a normal page', async () => {
    await recording([7]);
    await documentCommitted(7, 0, 'chrome://settings/');
    expect(await readSession()).toMatchObject({ state: 'paused', notice: PAUSED_HERE });
    expect(injected).toEqual([]);

    await documentCommitted(7, 0, 'https://a.test/back');
    const session = await readSession();
    expect(session.state).toBe('recording');
    expect(session.notice).toBeUndefined();
    expect(sent).toContainEqual({ tabId: 7, type: 'recorder.state', recording: true });
    expect(injected).toContainEqual({ tabId: 7, frameIds: [0] });
  });

  it('leaves a pause the user chose alone', async () => {
    await recording([7], { state: 'paused' });
    await documentCommitted(7, 0, 'chrome://settings/');
    expect((await readSession()).notice).toBeUndefined();
    await documentCommitted(7, 0, 'https://a.test/');
    expect((await readSession()).state).toBe('paused');
  });
});
