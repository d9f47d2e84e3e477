/**
 * Runs one condition with one press duration, as a person: a recording on a fresh page, the
 * condition's action REPEATS times, each after a human gap that starts when the previous
 * effect shows (and was cleared), then a control press while the last effect still shows.
 * Only then is the recording stopped and read (judge.ts): reading never paces the actions.
 */
import type { Page } from 'playwright-core';
import type { BenchSession } from '../session';
import { Person } from '../../support/person';
import { effectShown, on, resetEffects, type Condition, type Run } from './condition';
import { judge, keepIfFailed, settledGuide, stepsOfPresses, type Judged } from './judge';

/** Repetitions per condition and press duration (BENCH_REPEATS for quick local runs). */
export const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS) || 20);
/** After the bar shows, a person looks at the page a moment before the run's first action. */
const ORIENT_MS = 1000;

export interface Outcome {
  judged: Judged[];
  control: Judged;
}

/** A stable seed per condition and press, so a run's gaps can be drawn again. */
export function seedOf(id: string, pressMs: number): number {
  let h = pressMs + 1;
  for (const c of id) h = (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0;
  return h;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0]! : String(e));

/**
 * What the person sees when the recording starts: the in-page bar, or, in a streamed tab that
 * has none (Chromium), the toolbar button's REC badge, read as the eye reads it.
 */
export async function barShown(session: BenchSession, page: Page): Promise<void> {
  let shown = false;
  const badge = async () => {
    while (!shown && (await session.api.page.evaluate(() => chrome.action.getBadgeText({}))) !== 'REC') {
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  await Promise.race([page.locator('[data-waymark-bar]').waitFor({ state: 'visible' }), badge()]);
  shown = true;
}

/**
 * The automation contract's start and stop, asked again when Firefox's event page was being
 * suspended (1 s idle here) as the message came: the rig's control, not the product's readiness.
 */
export async function retried<T>(ask: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ask();
    } catch (error) {
      if (attempt >= 3 || !/Receiving end does not exist/.test(String(error))) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

export async function runCondition(session: BenchSession, condition: Condition, pressMs: number): Promise<Outcome> {
  const page = await session.openFixture(condition.path);
  try {
    await condition.ready?.(page);
    const guideId = await retried(() => session.api.startRecording(page));
    const run: Run = { session, page, person: new Person(page, seedOf(condition.id, pressMs)), pressMs, guideId, tabId: await session.api.tabIdOf(page) };
    await barShown(session, page);
    await new Promise((r) => setTimeout(r, ORIENT_MS));
    const presses: number[] = [];
    const released: number[] = [];
    const failed = new Map<number, string>();
    for (let i = 0; i < REPEATS; i++) {
      if (i > 0) await run.person.pause();
      const tried = Date.now();
      try {
        presses.push(await condition.act(run, i));
        released.push(run.person.pressedAt);
        await (condition.shown ? condition.shown(run) : effectShown(run, condition));
      } catch (error) {
        // The action or its effect failed: this repetition fails, the run goes on.
        if (presses.length === i) presses.push(tried);
        if (released.length === i) released.push(tried);
        failed.set(i, `no effect: ${errorText(error)}`);
      }
      // The last effect stays for the control.
      if (i < REPEATS - 1) await (condition.reset ? condition.reset(run) : resetEffects(run, condition)).catch(() => undefined);
    }
    await run.person.pause();
    const controlAt = await run.person.press(page.locator(condition.control ?? '#done'), run).catch(() => Date.now());
    const controlReleased = run.person.pressedAt;
    // The person finishes a moment later (the Finish button: the automation contract's stop).
    await run.person.pause();
    await retried(() => session.api.stop());
    await condition.finish?.(run);
    const steps = await settledGuide(session.api.page, guideId, 500);
    const mine = stepsOfPresses(steps, presses, condition.matches);
    const judged: Judged[] = [];
    for (const [i, step] of mine.entries()) {
      const failure = failed.get(i);
      judged.push(failure ? { missing: failure } : await judge(session.api.page, step, released[i]!, condition.effect, condition.mustShow));
      await keepIfFailed(session.api.page, judged[i]!, `${session.browser.browserName}-${condition.id}-${pressMs}ms-${i + 1}`);
    }
    const [controlStep] = stepsOfPresses(steps, [controlAt], on('Done', ['click']));
    return { judged, control: await judge(session.api.page, controlStep, controlReleased, condition.effect) };
  } finally {
    await page.close();
  }
}
