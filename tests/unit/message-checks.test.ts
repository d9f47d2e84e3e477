/**
 * The background's listener (lib/message-checks.ts): a message of a known type with the
 * wrong shape is answered `{error}` naming the field, and never reaches a handler.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { malformed, onMessage } from '@/lib/message-checks';
import type { Message } from '@/lib/messages';

/** Delivers a message as the browser would, and resolves with the answer sent back (if any). */
async function deliver(message: unknown): Promise<unknown> {
  let answer: unknown = 'no answer';
  const sent = new Promise<void>((resolve) => {
    void fakeBrowser.runtime.onMessage
      .trigger(message, {}, (reply: unknown) => {
        answer = reply;
        resolve();
      })
      .then((kept: unknown[]) => kept.includes(true) || resolve());
  });
  await sent;
  return answer;
}

describe('messages entering the background', () => {
  const handler = vi.fn((message: Message) => Promise.resolve({ handled: message.type }));

  beforeEach(() => {
    fakeBrowser.reset();
    handler.mockClear();
    onMessage(handler);
  });

  it('hands well-formed messages to the handler', async () => {
    await expect(deliver({ type: 'recording.start', tabId: 3 })).resolves.toEqual({ handled: 'recording.start' });
    await expect(deliver({ type: 'walk.recapture', phase: 'cancel' })).resolves.toEqual({ handled: 'walk.recapture' });
    await expect(deliver({ type: 'recording.stop' })).resolves.toEqual({ handled: 'recording.stop' });
  });

  it('answers a malformed message with an error naming the field, without calling the handler', async () => {
    await expect(deliver({ type: 'recording.start' })).resolves.toEqual({
      error: expect.stringMatching(/^Malformed recording\.start message: tabId: /),
    });
    await expect(deliver({ type: 'walk.start', guideId: 7, tabId: 1 })).resolves.toEqual({
      error: expect.stringMatching(/walk\.start message: guideId: /),
    });
    await expect(deliver({ type: 'walk.recapture', phase: 'explode' })).resolves.toEqual({
      error: expect.stringMatching(/walk\.recapture message: phase: /),
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('ignores what is not a message of the protocol', async () => {
    for (const noise of [null, 'recording.start', { type: 'recording.explode' }, { type: 'toString' }, { tabId: 1 }]) {
      await expect(deliver(noise)).resolves.toBe('no answer');
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('checks content-script reports down to the action and frame boxes', () => {
    const target = { role: 'button', name: 'Save', tag: 'button', selectors: ['#s'] };
    const context = { changeCount: 1, viewport: { width: 10, height: 10, dpr: 1 }, title: 'T', url: 'https://a.test/' };
    const action: Message<'capture.action'> = { type: 'capture.action', action: { kind: 'click', target }, context };
    expect(malformed(action)).toBeUndefined();
    const noSelectors = { ...action, action: { kind: 'click', target: { ...target, selectors: 'x' } } };
    expect(malformed(noSelectors as unknown as Message)).toMatch(/action\.target\.selectors/);
    const report = { type: 'capture.settled', changeCount: 1, url: '', viewport: context.viewport, secretBoxes: [{ x: 1 }] };
    expect(malformed(report as unknown as Message)).toMatch(/secretBoxes\.0\.y/);
  });

  it('leaves messages only the background sends unchecked', () => {
    expect(malformed({ type: 'recorder.count' })).toBeUndefined();
  });
});
