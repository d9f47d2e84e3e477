/**
 * How much work a page's main thread did, through the DevTools protocol: `Performance.getMetrics`
 * sums, per page, the time spent running script (`ScriptDuration`, every world: the page's own
 * and the extension's content scripts) and running tasks of any kind (`TaskDuration`).
 *
 * The same probe installs a calibration listener in an isolated world of its own (as a content
 * script has): it counts the person's input events and, when asked, busy-waits a set time in
 * each of them. A known 2 ms per event must come out of the measurement as 2 ms per event,
 * which proves the method sees work done in listeners of another world.
 */
import type { CDPSession, Page } from 'playwright-core';

/** The input events a person's clicks, typing and scrolling make; "per event" means per one of these. */
export const INPUT_EVENTS = ['pointerdown', 'click', 'keydown', 'input', 'wheel'] as const;

const WORLD = 'waymark-bench-calibration';

/** Runs in the isolated world: count trusted input events, busy-wait `busyMs` in each. */
const LISTENER = `(() => {
  const state = (globalThis.__calibration = { busyMs: 0, events: 0 });
  for (const type of ${JSON.stringify(INPUT_EVENTS)}) {
    addEventListener(type, (event) => {
      if (!event.isTrusted) return;
      state.events++;
      const until = performance.now() + state.busyMs;
      while (performance.now() < until);
    }, { capture: true, passive: true });
  }
})()`;

export interface MainThreadWork {
  /** Milliseconds of script on the page's main thread (all worlds). */
  scriptMs: number;
  /** Milliseconds of main-thread tasks (script, style, layout, paint, …). */
  taskMs: number;
}

export class MainThreadProbe {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly contextId: number,
  ) {}

  static async attach(page: Page): Promise<MainThreadProbe> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    const { executionContextId } = (await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: WORLD,
    })) as { executionContextId: number };
    const probe = new MainThreadProbe(cdp, executionContextId);
    await probe.evaluate(LISTENER);
    return probe;
  }

  /** Cumulative totals since the page started; subtract two readings for an interval. */
  async work(): Promise<MainThreadWork> {
    const { metrics } = (await this.cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    const seconds = (name: string) => {
      const metric = metrics.find((m) => m.name === name);
      if (!metric) throw new Error(`Performance.getMetrics has no ${name}`);
      return metric.value;
    };
    return { scriptMs: seconds('ScriptDuration') * 1000, taskMs: seconds('TaskDuration') * 1000 };
  }

  /** Starts counting input events from zero, busy-waiting `busyMs` in each (0: none). */
  async reset(busyMs: number): Promise<void> {
    await this.evaluate(`globalThis.__calibration.busyMs = ${Number(busyMs)}; globalThis.__calibration.events = 0;`);
  }

  /** Input events seen since the last reset. */
  async events(): Promise<number> {
    return (await this.evaluate('globalThis.__calibration.events')) as number;
  }

  async detach(): Promise<void> {
    await this.cdp.detach().catch(() => undefined);
  }

  private async evaluate(expression: string): Promise<unknown> {
    const reply = (await this.cdp.send('Runtime.evaluate', { expression, contextId: this.contextId, returnByValue: true })) as {
      result: { value?: unknown };
      exceptionDetails?: { text: string };
    };
    if (reply.exceptionDetails) throw new Error(`calibration world: ${reply.exceptionDetails.text}`);
    return reply.result.value;
  }
}
