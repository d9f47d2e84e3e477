/** Messages to a tab's pages (lib/messages.ts `sendToTab`): a page going away never holds the caller. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { sendToTab, TAB_ANSWER_MS } from '@/lib/messaging';

describe('sendToTab', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('counts a page that never answers as no answer once its time is up', async () => {
    vi.useFakeTimers();
    // Firefox keeps the call of a page unloaded mid-answer open until that page is collected.
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation(() => new Promise(() => undefined));
    let answer: unknown = 'pending';
    void sendToTab(1, { type: 'recorder.conceal', hidden: true }, 0).then((a) => (answer = a));
    await vi.advanceTimersByTimeAsync(TAB_ANSWER_MS - 1);
    expect(answer).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    expect(answer).toBeUndefined();
  });

  it('passes on a prompt answer, and gives a slow task the time it asks for', async () => {
    vi.useFakeTimers();
    vi.spyOn(fakeBrowser.tabs, 'sendMessage')
      .mockResolvedValueOnce({ ok: true } as never)
      .mockImplementationOnce(() => new Promise((resolve) => setTimeout(() => resolve({ ok: true }), TAB_ANSWER_MS + 1_000)));
    await expect(sendToTab(1, { type: 'recorder.conceal', hidden: true }, 0)).resolves.toEqual({ ok: true });
    const slow = sendToTab(1, { type: 'recorder.conceal', hidden: true }, 0, TAB_ANSWER_MS * 2);
    await vi.advanceTimersByTimeAsync(TAB_ANSWER_MS + 1_000);
    await expect(slow).resolves.toEqual({ ok: true });
  });

  it('answers undefined when the tab has no listener', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    await expect(sendToTab(1, { type: 'recorder.count' }, 0)).resolves.toBeUndefined();
  });
});
