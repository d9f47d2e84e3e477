/** JS heap of one page through the DevTools protocol: now, after a GC, or the peak during a task. */
import type { CDPSession, Page } from 'playwright-core';

export class HeapProbe {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<HeapProbe> {
    return new HeapProbe(await page.context().newCDPSession(page));
  }

  async usedBytes(): Promise<number> {
    const { usedSize } = (await this.cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usedSize;
  }

  async afterGc(): Promise<number> {
    await this.cdp.send('HeapProfiler.collectGarbage');
    return this.usedBytes();
  }

  async domNodes(): Promise<number> {
    const { nodes } = (await this.cdp.send('Memory.getDOMCounters')) as { nodes: number };
    return nodes;
  }

  /**
   * Runs `task` while sampling the heap every few milliseconds. The protocol answers between
   * the page's tasks, so a peak inside one long synchronous task can be missed: a lower bound.
   */
  async peakDuring<T>(task: () => Promise<T>): Promise<{ result: T; peakBytes: number }> {
    let peakBytes = await this.usedBytes();
    let running = true;
    const sampler = (async () => {
      while (running) {
        peakBytes = Math.max(peakBytes, await this.usedBytes().catch(() => 0));
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    try {
      const result = await task();
      return { result, peakBytes };
    } finally {
      running = false;
      await sampler;
    }
  }

  detach(): Promise<void> {
    return this.cdp.detach().catch(() => undefined);
  }
}
