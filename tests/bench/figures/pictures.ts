/**
 * Does a step's picture show the page *before* its action, when a person acts? Judged by the
 * picture's pixels, never by the step's `shot` label, per condition and per press duration
 * (0 ms and 100 ms), as ARCHITECTURE.md ("the hard problem") and issue 24 ask.
 *
 * The driver (tests/support/person.ts) acts like a person: between actions it waits only human
 * gaps, 600–1200 ms after the previous effect shows on the page, never anything of Waymark's
 * (no settled picture, no step count, no outbox). The recording is read only after each run
 * (tests/bench/pictures/runner.ts), so reading cannot pace the actions either.
 *
 * On tests/fixtures/bench/pictures*.html each action's effect is painted in a colour of its own;
 * a picture is from before the action when it has at most EFFECT_PIXELS of that colour, shows
 * the page at all (its header band), and shows the state the page was in (an open menu, the
 * part scrolled to). Each run ends with a control: a press while the last effect still shows,
 * whose picture must show it, else the judge is blind and the row says so.
 *
 * Budgets (issue 24): at least 99 % in Chromium, 95 % in Firefox, every row. Also the press →
 * step saved with its picture time, p50/p95 per row and over every press of the group.
 */
import { measure, type Figure } from '../report';
import { summarize } from '../stats';
import { readyForEvaluate, type BenchSession } from '../session';
import { FAST_SUSPEND } from '../../support/background';
import type { LaunchOptions } from '../../support/extension';
import { ONE_PROCESS_FRAMES } from '../../support/firefox';
import { CONDITIONS } from '../pictures/conditions';
import { FIRST_ACTIONS, runFirstAction } from '../pictures/first-action';
import { before, ofThePage, showsEffect, type Judged } from '../pictures/judge';
import { REPEATS, runCondition, type Outcome } from '../pictures/runner';

const PRESSES_MS = [0, 100];
const BUDGET = { chromium: 99, firefox: 95 };
const LATENCY_ID = 'pressToStepMs';

/** Only some conditions, for a quick local run: BENCH_CONDITIONS=Checkbox,Link (parts of ids). */
const only = process.env.BENCH_CONDITIONS?.split(',').filter(Boolean);
const chosen = <T extends { id: string }>(list: T[]) => (only ? list.filter((c) => only.some((o) => c.id.toLowerCase().includes(o.toLowerCase()))) : list);

const rowId = (id: string, pressMs: number) => `${id}Press${pressMs}ms`;
const tally = (list: Judged[], key: (j: Judged) => string) => {
  const by = new Map<string, number>();
  for (const j of list) by.set(key(j), (by.get(key(j)) ?? 0) + 1);
  return [...by].map(([k, n]) => `${k} ${n}`).join(', ');
};
const ms = (n: number) => `${Math.round(n)} ms`;

/** One row: the share of pictures from before the action, what the others were, and the times. */
function shareFigure(id: string, name: string, budget: number, { judged, control }: Outcome): Figure {
  const pre = judged.filter(before).length;
  const latencies = judged.flatMap((j) => (j.latency === undefined ? [] : [j.latency]));
  const times = latencies.length ? summarize(latencies) : undefined;
  const wrong = judged.filter((j) => !before(j));
  const why = (j: Judged) =>
    j.missing ?? (!ofThePage(j) ? `not the page (${j.shot})` : (j.effect ?? 0) > 400 ? `effect shown (${j.shot})` : `state before missing (${j.shot})`);
  const figure: Figure = {
    id,
    name: `Pre-action picture: ${name}`,
    unit: '%',
    value: judged.length ? (100 * pre) / judged.length : Number.NaN,
    budgets: [{ on: 'value', kind: 'min', limit: budget }],
    samples: judged.map((j) => j.effect ?? -1),
    note: [
      `${pre}/${judged.length}`,
      times ? `click→step p50 ${ms(times.median)} p95 ${ms(times.p95)}` : 'no step saved',
      wrong.length ? `failed: ${tally(wrong, why)}` : '',
      `shots ${tally(judged, (j) => j.shot ?? '–')}`,
    ].filter(Boolean).join('; '),
  };
  // The same count must see the effect in a picture taken while it shows, or it proves nothing.
  if (!showsEffect(control)) {
    figure.error = `judge blind: the control's picture (taken with the effect showing) ${control.missing ?? `has ${control.effect} px of its colour, ${control.band} px of the page band`}`;
  }
  return figure;
}

function latencyFigure(latencies: number[]): Figure {
  return {
    id: LATENCY_ID,
    name: 'Press → step + image in IndexedDB, every press of the pictures runs',
    unit: 'ms',
    summary: summarize(latencies),
    samples: latencies,
    budgets: [
      { on: 'median', kind: 'max', limit: 80 },
      { on: 'p95', kind: 'max', limit: 150 },
    ],
    note: 'from the press that made the step (button or key down) to the step\'s saved time, person-paced; a 100 ms press is in it',
  };
}

const conditionRows = () => [...chosen(FIRST_ACTIONS), ...chosen(CONDITIONS)].flatMap((c) => PRESSES_MS.map((p) => ({ condition: c, pressMs: p })));

/** The group's figure ids, in the order of its rows. */
export const PICTURE_IDS = [...conditionRows().map(({ condition, pressMs }) => rowId(condition.id, pressMs)), LATENCY_ID];
export const FIREFOX_PICTURE_IDS = PICTURE_IDS.map((id) => `${id}Firefox`);
const inFirefox = (figure: Figure): Figure => ({ ...figure, id: `${figure.id}Firefox`, name: `${figure.name} (Firefox)` });

/**
 * Firefox suspends its idle event page after a second instead of thirty (FAST_SUSPEND), for the
 * condition after the background stopped: it is then suspended between the other actions too.
 * The cross-origin frame shares the page's process (ONE_PROCESS_FRAMES), so the click in it
 * can be made.
 */
export const FIREFOX_PICTURE_LAUNCH: LaunchOptions = { firefoxPrefs: { ...FAST_SUSPEND.firefoxPrefs, ...ONE_PROCESS_FRAMES } };

export async function pictureFigures(session: BenchSession): Promise<Figure[]> {
  const firefox = session.browser.browserName === 'firefox';
  // The popup asks for the status twice a second, which would wake a stopped background before
  // the click does: the options page asks nothing.
  await session.browser.gotoExtensionPage(session.api.page, '/options.html');
  await readyForEvaluate(session.api.page);
  const figures: Figure[] = [];
  const latencies: number[] = [];
  for (const { condition, pressMs } of conditionRows()) {
    const id = rowId(condition.id, pressMs);
    const name = `${condition.name}, ${pressMs} ms press (n=${REPEATS})`;
    const t = Date.now();
    figures.push(...(await measure([id], async () => {
      const outcome = 'delayMs' in condition ? await runFirstAction(session, condition, pressMs) : await runCondition(session, condition, pressMs);
      latencies.push(...outcome.judged.flatMap((j) => (j.latency === undefined ? [] : [j.latency])));
      return [shareFigure(id, name, firefox ? BUDGET.firefox : BUDGET.chromium, outcome)];
    })));
    process.stderr.write(`bench: ${id} ${((Date.now() - t) / 1000).toFixed(0)} s\n`);
  }
  figures.push(...(await measure([LATENCY_ID], async () => [latencyFigure(latencies)])));
  return firefox ? figures.map(inFirefox) : figures;
}
