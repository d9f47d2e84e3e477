/**
 * Is the recorder invisible to the page? The bench app (with its live clock: a busy page)
 * measures its own input-to-next-frame latency for every pointerdown, click, keydown and wheel
 * event, while Playwright clicks, types and scrolls. Blocks with and without a recording
 * alternate (ABBA…) in the same tab, so the machine's drift cancels out.
 *
 * The recorder's own synchronous work per event comes from the 'waymark:handler' performance
 * measures it records around its handlers: content scripts share the page's performance
 * timeline, so the page reads them from its main world.
 */
import type { Page } from 'playwright-core';
import type { Figure } from '../report';
import { bootstrapDifference, percentile, summarize } from '../stats';
import type { BenchSession } from '../session';

const ROUNDS = 10;
const HANDLER_MEASURE = 'waymark:handler';

interface Sample {
  type: string;
  ms: number;
}

declare global {
  interface Window {
    __bench: { samples: Sample[]; reset(): void };
  }
}

/** Clicks that change the page, typing that re-renders a 400-row table, scrolling. */
async function workload(page: Page, points: { x: number; y: number }[], filter: { x: number; y: number }): Promise<void> {
  for (let i = 0; i < 5; i++) await page.mouse.click(points[i % points.length]!.x, points[i % points.length]!.y);
  await page.mouse.click(filter.x, filter.y);
  await page.keyboard.type('verve');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
  await page.mouse.move(700, 600);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 300);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -300);
}

async function centre(page: Page, role: 'button' | 'textbox', name: string) {
  const box = (await page.getByRole(role, { name }).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

export async function responsivenessFigures(session: BenchSession): Promise<Figure[]> {
  const page = await session.openFixture('app.html?ticker');
  await page.bringToFront();
  const points = [await centre(page, 'button', 'Ship next'), await centre(page, 'button', 'Mark reviewed'), await centre(page, 'button', 'Add order')];
  const filter = await centre(page, 'textbox', 'Filter orders');
  // Per block, so the idle blocks can be split in two for an A/A estimate of the noise.
  const blocks: { recording: boolean; ms: number[] }[] = [];
  const handler: number[] = [];

  const block = async (recording: boolean) => {
    if (recording) await session.api.startRecording(page);
    await page.evaluate((name) => {
      window.__bench.reset();
      performance.clearMeasures(name);
    }, HANDLER_MEASURE);
    await workload(page, points, filter);
    await page.waitForTimeout(100); // the last frames
    const result = await page.evaluate((name) => ({
      samples: window.__bench.samples,
      handler: performance.getEntriesByName(name, 'measure').map((e) => e.duration),
    }), HANDLER_MEASURE);
    if (recording) await session.api.stop();
    blocks.push({ recording, ms: result.samples.map((s) => s.ms) });
    if (recording) handler.push(...result.handler);
  };
  await block(false); // warm-up, not counted
  blocks.length = 0;
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? [false, true] : [true, false];
    for (const recording of order) await block(recording);
  }

  const pooled = (which: (typeof blocks)[number][]) => which.flatMap((b) => b.ms);
  const idleBlocks = blocks.filter((b) => !b.recording);
  const samples = { idle: pooled(idleBlocks), recording: pooled(blocks.filter((b) => b.recording)) };
  const idle = summarize(samples.idle);
  const recording = summarize(samples.recording);
  const added = recording.p95 - idle.p95;
  const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(2)}`;
  const p95 = (samples: number[]) => percentile(samples, 95);
  const interval = bootstrapDifference(blocks.filter((b) => b.recording).map((b) => b.ms), idleBlocks.map((b) => b.ms), p95);
  // A/A: the same comparison between two halves of the idle blocks: how much of `added` may be
  // noise (half the samples each, so it overstates the noise by about √2).
  const noise = percentile(pooled(idleBlocks.filter((_, i) => i % 2 === 0)), 95) - percentile(pooled(idleBlocks.filter((_, i) => i % 2 === 1)), 95);
  const handlerSummary = summarize(handler);
  return [
    { id: 'inputToFrameIdleMs', name: 'Input → next frame, not recording', unit: 'ms', summary: idle, note: 'busy app: clicks, typing, wheel' },
    { id: 'inputToFrameRecordingMs', name: 'Input → next frame, recording', unit: 'ms', summary: recording, note: `${ROUNDS} interleaved rounds` },
    {
      id: 'inputToFrameAddedP95Ms',
      name: 'Input → next frame, added by recording (p95)',
      unit: 'ms',
      value: added,
      budgets: [{ on: 'value', kind: 'max', limit: 2 }],
      note: `90% CI ${interval.low.toFixed(1)} … ${interval.high.toFixed(1)} ms; p50 ${signed(recording.median - idle.median)} ms; A/A (idle vs idle) ${noise.toFixed(1)} ms`,
    },
    handler.length
      ? {
          id: 'recorderHandlerMs',
          name: 'Recorder sync work per event',
          unit: 'ms',
          summary: handlerSummary,
          budgets: [{ on: 'p95', kind: 'max', limit: 1 }],
          note: `'${HANDLER_MEASURE}' measures, max ${handlerSummary.max.toFixed(2)} ms`,
        }
      : { id: 'recorderHandlerMs', name: 'Recorder sync work per event', unit: 'ms', missing: 'n/a (no marks)', budgets: [{ on: 'p95', kind: 'max', limit: 1 }], note: `no '${HANDLER_MEASURE}' measures in the page` },
  ];
}
