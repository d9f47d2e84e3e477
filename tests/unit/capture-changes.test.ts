/** The page's change counter and its "settled" signal (lib/capture/changes.ts). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { trackChanges, type ChangeTracker } from '@/lib/capture/changes';

describe('trackChanges', () => {
  let settled: number[];
  let tracker: ChangeTracker;
  const change = () => window.dispatchEvent(new Event('scroll'));

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
    settled = [];
    tracker = trackChanges(document, (count) => settled.push(count));
  });
  afterEach(() => {
    tracker.stop();
    vi.useRealTimers();
  });

  it('settles at once when recording starts, and 200 ms after the last of a burst of changes', async () => {
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toEqual([0]);
    // A change every 50 ms for a second: the page is never quiet meanwhile.
    for (let i = 0; i < 20; i++) {
      change();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(settled).toEqual([0]);
    await vi.advanceTimersByTimeAsync(149);
    expect(settled).toEqual([0]);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toEqual([0, 20]);
    expect(tracker.count()).toBe(20);
  });

  it('a change before the first settle delays it until the page is quiet', async () => {
    change();
    await vi.advanceTimersByTimeAsync(199);
    expect(settled).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(settled).toEqual([1]);
  });

  it('a page that never stops changing still reports its start within a second, then only when quiet', async () => {
    for (let i = 0; i < 40; i++) {
      change();
      await vi.advanceTimersByTimeAsync(50);
    }
    expect(settled).toHaveLength(1);
    expect(settled[0]).toBeGreaterThanOrEqual(20);
    expect(settled[0]).toBeLessThanOrEqual(24);
    await vi.advanceTimersByTimeAsync(200);
    expect(settled).toEqual([settled[0], 40]);
  });

  it('nothing settles after it stops', async () => {
    change();
    tracker.stop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(settled).toEqual([]);
  });
});
