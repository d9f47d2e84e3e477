/**
 * From a user's click to a saved step: the time until the step and its screenshot are in
 * IndexedDB, a burst of clicks faster than Chrome lets us capture, how often the picture was
 * a clean pre-action frame, and what a step costs on disk. All on the bench app, whose page
 * changes on every click (tests/fixtures/bench/app.html, quiet between clicks).
 */
import type { Page } from 'playwright-core';
import type { Figure } from '../report';
import { summarize } from '../stats';
import type { BenchSession } from '../session';
import { startStepWatch, stopStepWatch, storedBytes, waitForSeen, type SeenStep } from '../step-watch';

const SPACED_CLICKS = 30;
const SPACING_MS = 750; // > 600 ms: Chrome's 2 captures/s is never the cause of a wait
const BURST_CLICKS = 10;
const BURST_SPACING_MS = 100; // 10 clicks within one second
const BYTES_BUDGET_KB = 150;

const sleepUntil = (t: number) => new Promise((r) => setTimeout(r, Math.max(0, t - Date.now())));

/** The centres of the buttons that change the page, found once (the toolbar never moves). */
async function targets(page: Page): Promise<{ x: number; y: number }[]> {
  const names = ['Ship next', 'Mark reviewed', 'Add order'];
  return Promise.all(
    names.map(async (name) => {
      const box = (await page.getByRole('button', { name }).boundingBox())!;
      return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }),
  );
}

export async function captureFigures(session: BenchSession): Promise<Figure[]> {
  const watcher = await session.openExtensionPage('editor.html');
  await watcher.getByRole('heading', { name: 'Your guides' }).waitFor();
  const page = await session.openFixture('app.html');
  const points = await targets(page);
  const guideId = await session.api.startRecording(page);
  await startStepWatch(watcher, guideId);
  await page.waitForTimeout(1000); // the first settled frame of the page

  // Spaced clicks: each timed from just before the input is dispatched.
  const clickedAt: number[] = [];
  for (let i = 0; i < SPACED_CLICKS; i++) {
    const { x, y } = points[i % points.length]!;
    const next = Date.now() + SPACING_MS;
    clickedAt.push(Date.now());
    await page.mouse.click(x, y);
    await waitForSeen(watcher, i + 1, 10_000, 'click');
    await sleepUntil(next);
  }
  await page.waitForTimeout(1000);

  // Burst: ten clicks within one second.
  const burstStart = Date.now();
  for (let i = 0; i < BURST_CLICKS; i++) {
    await sleepUntil(burstStart + i * BURST_SPACING_MS);
    const { x, y } = points[i % points.length]!;
    await page.mouse.click(x, y);
  }
  const burstSent = Date.now() - burstStart;
  // Click steps only: the recording's first step is its start page ("Go to …").
  const all = await waitForSeen(watcher, SPACED_CLICKS + BURST_CLICKS, 30_000, 'click');
  await session.api.stop();
  await stopStepWatch(watcher);

  const clicks = all.filter((s) => s.kind === 'click');
  const spaced = clicks.slice(0, SPACED_CLICKS);
  const burst = clicks.slice(SPACED_CLICKS, SPACED_CLICKS + BURST_CLICKS);
  // The i-th click step belongs to the i-th click (one step per click, saved in order).
  const latencies = spaced.flatMap((s, i) => (s.hasImage ? [s.seenAt - clickedAt[i]!] : []));
  const settled = (steps: SeenStep[]) => steps.filter((s) => s.shot === 'settled').length;
  const burstWithImage = burst.filter((s) => s.hasImage).length;
  const burstDone = burst.length ? Math.max(...burst.map((s) => s.seenAt)) - burstStart : Number.NaN;
  const stored = await storedBytes(watcher, guideId);
  const perStepKB = (stored.imageBytes + stored.dataBytes) / Math.max(1, stored.steps) / 1024;

  const latency = summarize(latencies);
  const spacedNote = spaced.length < SPACED_CLICKS || latencies.length < spaced.length
    ? `only ${latencies.length}/${SPACED_CLICKS} clicks saved with an image` : `${SPACED_CLICKS} clicks ${SPACING_MS} ms apart`;
  return [
    {
      id: 'stepSavedMs',
      name: 'Click → step + image in IndexedDB',
      unit: 'ms',
      summary: latency,
      samples: latencies,
      budgets: [
        { on: 'median', kind: 'max', limit: 80 },
        { on: 'p95', kind: 'max', limit: 150 },
      ],
      note: spacedNote,
    },
    {
      id: 'burstStepsWithImage',
      name: `Burst: ${BURST_CLICKS} clicks in ${(burstSent / 1000).toFixed(2)} s → steps with image`,
      unit: 'steps',
      value: burstWithImage,
      budgets: [{ on: 'value', kind: 'min', limit: BURST_CLICKS }],
      note: `${burst.length} steps, all saved ${(burstDone / 1000).toFixed(1)} s after the first click (2 captures/s bound: ≥ ${((BURST_CLICKS - 1) / 2).toFixed(1)} s if every one is live), ${settled(burst)} settled`,
    },
    {
      id: 'settledShotPct',
      name: 'Clean pre-action frames (shot=settled)',
      unit: '%',
      value: spaced.length ? (100 * settled(spaced)) / spaced.length : Number.NaN,
      note: `spaced clicks ${settled(spaced)}/${spaced.length}; burst ${settled(burst)}/${burst.length}`,
    },
    {
      id: 'storedKBPerStep',
      name: 'Stored bytes per step (image + data)',
      unit: 'KB',
      value: perStepKB,
      budgets: [{ on: 'value', kind: 'max', limit: BYTES_BUDGET_KB }],
      note: `${stored.steps} steps, images ${stored.sizes.join(', ') || 'none'}, data ${(stored.dataBytes / Math.max(1, stored.steps) / 1024).toFixed(1)} KB/step`,
    },
  ];
}
