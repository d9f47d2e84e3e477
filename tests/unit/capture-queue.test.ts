import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { captureVisible } from '@/lib/screenshots/capture-queue';

describe('capture queue', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('gives up on a capture that never answers, and the next capture still runs', async () => {
    vi.useFakeTimers();
    const capture = vi
      .spyOn(fakeBrowser.tabs, 'captureVisibleTab')
      .mockImplementationOnce(() => new Promise<string>(() => undefined))
      .mockResolvedValueOnce('data:image/jpeg;base64,AA==' as never);
    const hung = captureVisible(1);
    const next = captureVisible(1);
    const failed = expect(hung).rejects.toThrow(/no answer/);
    await vi.advanceTimersByTimeAsync(6_000);
    await failed;
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(next).resolves.toBe('data:image/jpeg;base64,AA==');
    expect(capture).toHaveBeenCalledTimes(2);
  });
});

describe('capture priority', () => {
  it('intent captures go before settled-frame captures', async () => {
    const { nextJobIndex } = await import('@/lib/screenshots/capture-queue');
    expect(nextJobIndex(['settled', 'settled', 'intent', 'intent'])).toBe(2);
    expect(nextJobIndex(['settled', undefined])).toBe(0);
  });
});
