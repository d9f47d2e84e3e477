/**
 * Is the recorder invisible to the page? Two measures on the bench app (with its live clock: a
 * busy page) while Playwright clicks, types and scrolls, in blocks with and without a recording
 * that alternate in the same tab (rotated each round, so the machine's drift cancels out):
 *
 * - Main-thread work added by recording (the budgeted figure): script time summed by the
 *   DevTools protocol over the same scripted interaction, recording vs not, as a ratio and as
 *   ms per input event. A third arm of every round records with a deliberate 2 ms busy-wait
 *   in a listener of another world (tests/bench/main-thread.ts): the method must see it as
 *   ≈ 2 ms per event, or the figure cannot be trusted (the calibration row says so).
 * - Input → next frame (info): the app measures `event.timeStamp` → next
 *   `requestAnimationFrame` for pointerdown, click, keydown and wheel. On a loaded machine its
 *   tail is noise-bound; the A/A (idle vs idle) difference shows how much.
 *
 * The recorder's own synchronous work per event comes from the 'waymark:handler' performance
 * measures a bench build records around its handlers: content scripts share the page's
 * performance timeline, so the page reads them from its main world.
 */
import type { Page } from 'playwright-core';
import type { Figure } from '../report';
import { bootstrapDifference, bootstrapMean, mean, percentile, summarize } from '../stats';
import type { BenchSession } from '../session';
import { INPUT_EVENTS, MainThreadProbe } from '../main-thread';
import { settledFrames } from '../../support/pixels';

/** `BENCH_ROUNDS=20 npm run bench -- --only=responsiveness` narrows the intervals, at 10 s a round. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const HANDLER_MEASURE = 'waymark:handler';
/** The calibration: a known cost per input event that the method must find. */
const CALIBRATION_MS = 2;

interface Sample {
  type: string;
  ms: number;
}

declare global {
  interface Window {
    __bench: { samples: Sample[]; reset(): void };
  }
}

/** Clicks that change the page, typing that re-renders a 250-row table, scrolling. */
async function workload(page: Page, points: { x: number; y: number }[], filter: { x: number; y: number }): Promise<void> {
  for (let i = 0; i < 5; i++) await page.mouse.click(points[i % points.length]!.x, points[i % points.length]!.y);
  await page.mouse.click(filter.x, filter.y);
  await page.keyboard.type('verve');
  for (let i = 0; i < 5; i++) await page.keyboard.press('Backspace');
  await page.mouse.move(700, 600);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, 300);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -300);
}

/** Waits for a settled frame taken since `since` (the recorder's first report at the start). */
async function firstSettledFrame(session: BenchSession, since: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await settledFrames(session.api.page)).some((frame) => frame.takenAt >= since)) {
    if (Date.now() > deadline) throw new Error('No settled frame after the recording started');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function centre(page: Page, role: 'button' | 'textbox', name: string) {
  const box = (await page.getByRole(role, { name }).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * `calibration`: not recording, with the busy-wait (the method's proof: against `idle`).
 * `busyRecording`: recording, with the busy-wait (against `recording`; info: the recorder's own
 * work may change when the page's handlers are slower, so this one is not the proof).
 */
type Arm = 'idle' | 'recording' | 'calibration' | 'busyRecording';
const ARMS: Arm[] = ['idle', 'recording', 'calibration', 'busyRecording'];

interface Block {
  arm: Arm;
  round: number;
  /** Input → next frame samples. */
  ms: number[];
  scriptMs: number;
  taskMs: number;
  events: number;
}

export async function responsivenessFigures(session: BenchSession): Promise<Figure[]> {
  const page = await session.openFixture('app.html?ticker');
  await page.bringToFront();
  const points = [await centre(page, 'button', 'Ship next'), await centre(page, 'button', 'Mark reviewed'), await centre(page, 'button', 'Add order')];
  const filter = await centre(page, 'textbox', 'Filter orders');
  const probe = await MainThreadProbe.attach(page);
  const blocks: Block[] = [];
  const handler: number[] = [];

  const block = async (arm: Arm, round: number) => {
    const recording = arm === 'recording' || arm === 'busyRecording';
    if (recording) {
      const started = Date.now();
      await session.api.startRecording(page);
      // Per event, not per start: the recorder's start-up (injection, first scan, the bar, the
      // start page's step, the first settled picture) is over before the measured interaction
      // begins. On this page, which never stops changing, that first picture is the only one:
      // it is taken within a second of the start, often after the start page's step is saved.
      await session.api.waitForSteps(1);
      await firstSettledFrame(session, started);
    }
    await page.evaluate((name) => {
      window.__bench.reset();
      performance.clearMeasures(name);
    }, HANDLER_MEASURE);
    await probe.reset(arm === 'calibration' || arm === 'busyRecording' ? CALIBRATION_MS : 0);
    const before = await probe.work();
    await workload(page, points, filter);
    await page.waitForTimeout(100); // the last frames
    const after = await probe.work();
    const events = await probe.events();
    const result = await page.evaluate((name) => ({
      samples: window.__bench.samples,
      handler: performance.getEntriesByName(name, 'measure').map((e) => e.duration),
    }), HANDLER_MEASURE);
    if (recording) await session.api.stop();
    blocks.push({ arm, round, ms: result.samples.map((s) => s.ms), scriptMs: after.scriptMs - before.scriptMs, taskMs: after.taskMs - before.taskMs, events });
    if (arm === 'recording') handler.push(...result.handler);
  };
  await block('idle', -1); // warm-up, not counted
  await block('recording', -1);
  blocks.length = 0;
  for (let round = 0; round < ROUNDS; round++) {
    // Each round runs every arm, in an order rotated from round to round.
    for (let i = 0; i < ARMS.length; i++) await block(ARMS[(round + i) % ARMS.length]!, round);
  }
  await probe.detach();
  return [...cpuFigures(blocks), ...frameFigures(blocks), handlerFigure(handler)];
}

/** Main-thread script per input event, added by recording (and by the calibration's busy-wait). */
function cpuFigures(blocks: Block[]): Figure[] {
  const of = (arm: Arm, round: number) => blocks.find((b) => b.arm === arm && b.round === round)!;
  const perEvent = (b: Block, key: 'scriptMs' | 'taskMs') => b[key] / Math.max(1, b.events);
  const rounds = Array.from({ length: ROUNDS }, (_, r) => r);
  // Paired within a round: the drift of the machine between rounds cancels out.
  const added = (key: 'scriptMs' | 'taskMs') => rounds.map((r) => perEvent(of('recording', r), key) - perEvent(of('idle', r), key));
  const script = added('scriptMs');
  const task = added('taskMs');
  const calibration = rounds.map((r) => perEvent(of('calibration', r), 'scriptMs') - perEvent(of('idle', r), 'scriptMs'));
  const whileRecording = rounds.map((r) => perEvent(of('busyRecording', r), 'scriptMs') - perEvent(of('recording', r), 'scriptMs'));
  const total = (arm: Arm, key: 'scriptMs' | 'taskMs' | 'events') => blocks.filter((b) => b.arm === arm).reduce((sum, b) => sum + b[key], 0);
  const events = total('recording', 'events') / ROUNDS;
  const ci = bootstrapMean(script);
  const calibrationCi = bootstrapMean(calibration);
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  return [
    {
      id: 'recorderScriptPerEventMs',
      name: 'Main-thread script added by recording',
      unit: 'ms',
      value: mean(script),
      samples: script,
      budgets: [{ on: 'value', kind: 'max', limit: 1 }],
      note: `per input event (${INPUT_EVENTS.join(', ')}; ${Math.round(events)} a block), mean of ${ROUNDS} rounds paired with idle; 90% CI ${ms(ci.low)} … ${ms(ci.high)}; all main-thread tasks ${ms(mean(task))}`,
    },
    {
      id: 'recorderScriptRatio',
      name: 'Main-thread script, recording ÷ not',
      unit: '×',
      value: total('recording', 'scriptMs') / total('idle', 'scriptMs'),
      note: `${ms(total('recording', 'scriptMs') / ROUNDS)} vs ${ms(total('idle', 'scriptMs') / ROUNDS)} of script a block (the app re-renders a 250-row table per key)`,
    },
    {
      id: 'calibrationPerEventMs',
      name: `Calibration: ${CALIBRATION_MS} ms busy-wait per event, seen as`,
      unit: 'ms',
      value: mean(calibration),
      samples: calibration,
      // The method is trusted only if it finds the injected cost within ±25 %.
      budgets: [
        { on: 'value', kind: 'min', limit: CALIBRATION_MS * 0.75 },
        { on: 'value', kind: 'max', limit: CALIBRATION_MS * 1.25 },
      ],
      note: `a listener in its own isolated world busy-waits ${CALIBRATION_MS} ms per input event, not recording, against idle; 90% CI ${ms(calibrationCi.low)} … ${ms(calibrationCi.high)}`,
    },
    {
      id: 'calibrationWhileRecordingPerEventMs',
      name: `Calibration while recording: ${CALIBRATION_MS} ms busy-wait per event, seen as`,
      unit: 'ms',
      value: mean(whileRecording),
      samples: whileRecording,
      note: 'info: the same busy-wait while recording, against recording (more than the busy-wait means the recorder works more when the page is slower)',
    },
  ];
}

/** Input → next frame, recording vs idle (info: on a loaded machine its tail is noise). */
function frameFigures(blocks: Block[]): Figure[] {
  const pooled = (which: Block[]) => which.flatMap((b) => b.ms);
  const idleBlocks = blocks.filter((b) => b.arm === 'idle');
  const recordingBlocks = blocks.filter((b) => b.arm === 'recording');
  const idle = summarize(pooled(idleBlocks));
  const recording = summarize(pooled(recordingBlocks));
  const signed = (n: number) => `${n >= 0 ? '+' : ''}${n.toFixed(2)}`;
  const p95 = (samples: number[]) => percentile(samples, 95);
  const interval = bootstrapDifference(recordingBlocks.map((b) => b.ms), idleBlocks.map((b) => b.ms), p95);
  // A/A: the same comparison between two halves of the idle blocks: how much of the difference
  // may be noise (half the samples each, so it overstates the noise by about √2).
  const noise = p95(pooled(idleBlocks.filter((_, i) => i % 2 === 0))) - p95(pooled(idleBlocks.filter((_, i) => i % 2 === 1)));
  return [
    { id: 'inputToFrameIdleMs', name: 'Input → next frame, not recording', unit: 'ms', summary: idle, note: 'busy app: clicks, typing, wheel' },
    { id: 'inputToFrameRecordingMs', name: 'Input → next frame, recording', unit: 'ms', summary: recording, note: `${ROUNDS} interleaved rounds` },
    {
      id: 'inputToFrameAddedP95Ms',
      name: 'Input → next frame, added by recording (p95)',
      unit: 'ms',
      value: recording.p95 - idle.p95,
      note: `90% CI ${interval.low.toFixed(1)} … ${interval.high.toFixed(1)} ms; p50 ${signed(recording.median - idle.median)} ms; A/A (idle vs idle) ${noise.toFixed(1)} ms`,
    },
  ];
}

function handlerFigure(handler: number[]): Figure {
  const budgets = [{ on: 'p95' as const, kind: 'max' as const, limit: 1 }];
  if (!handler.length) {
    return { id: 'recorderHandlerMs', name: 'Recorder sync work per event', unit: 'ms', missing: 'n/a (no marks)', budgets, note: `no '${HANDLER_MEASURE}' measures in the page (a bench build records them)` };
  }
  const summary = summarize(handler);
  return {
    id: 'recorderHandlerMs',
    name: 'Recorder sync work per event',
    unit: 'ms',
    summary,
    budgets,
    note: `'${HANDLER_MEASURE}' measures, max ${summary.max.toFixed(2)} ms`,
  };
}
