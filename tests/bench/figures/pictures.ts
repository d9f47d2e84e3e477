/**
 * Does a step's picture show the page *before* its action? Judged by the picture's pixels,
 * never by the step's `shot` label (which can be wrong), and per condition, as
 * ARCHITECTURE.md ("the hard problem") asks: one overall share hides the conditions that fail.
 *
 * On tests/fixtures/bench/pictures.html each action has an effect painted in a colour of its
 * own; a picture is from before the action when it has at most EFFECT_PIXELS of that colour,
 * and is a picture of the page at all (its header band, PAGE_BAND, is there: a blank picture
 * has no effect either).
 * Each condition is repeated REPEATS times, the effect cleared by script between repetitions
 * (and the page pictured settled again, as a person reading it leaves it), then ends with a
 * control: a click on "Done" while the last effect still shows, whose picture must show it —
 * else the judge is blind and the row says so instead of passing.
 *
 * Budgets: 100 % where the page was static and quiet before the action (nothing can excuse a
 * picture with the effect there); 95 % for the first action after start (it races the
 * recording's first picture) and for a page that never settles (a live picture within a
 * person's 100 ms press).
 *
 * Also: click → step saved with its picture on a page with a cross-origin iframe.
 */
import type { Frame, Page } from 'playwright-core';
import { measure, type Figure } from '../report';
import { summarize } from '../stats';
import { readyForEvaluate, type BenchSession } from '../session';
import { startStepWatch, stopStepWatch, waitForSeen, seenSteps, type SeenStep } from '../step-watch';
import { cleanSettledFrame, countColour, type Rgb } from '../../support/pixels';
import { FAST_SUSPEND, lifetime, stopBackground } from '../../support/background';
import type { LaunchOptions } from '../../support/extension';
import { ONE_PROCESS_FRAMES } from '../../support/firefox';

const REPEATS = 20;
/** More pixels than this of an effect's colour: the picture shows the effect (a panel is ~30 000). */
const EFFECT_PIXELS = 400;
/** A person's press: pointerdown to pointerup. */
const PRESS_MS = 100;
/** A page that never settles gives nothing to wait for but Chrome's 2 captures/s. */
const BUSY_SPACING_MS = 750;
const WAIT_MS = 10_000;

/** Each effect's colour in pictures.html (and pictures-frame.html). */
const COLOURS = {
  panel: [0xe6, 0x00, 0xb4],
  check: [0x00, 0xaa, 0x3c],
  radio: [0xff, 0x8c, 0x00],
  select: [0x78, 0x28, 0xdc],
  key: [0x00, 0xbe, 0xc8],
  frame: [0xfa, 0xd2, 0x00],
} satisfies Record<string, Rgb>;
type Effect = keyof typeof COLOURS;
/** The header band of pictures.html: a picture with less of it is not a picture of the page. */
const PAGE_BAND: Rgb = [0x28, 0x3c, 0x6e];
const PAGE_PIXELS = 20_000; // of ~55 000

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Polls `check` until it holds; throws naming `what` when it does not within WAIT_MS. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what}: not within ${WAIT_MS / 1000} s`);
    await sleep(50);
  }
}

interface Recording {
  session: BenchSession;
  guideId: string;
  page: Page;
  tabId: number;
  /** Steps of each kind already handed out by `nextStep`. */
  taken: Map<string, number>;
}

/** Starts recording `page` and watching its guide's steps (the api page is the watcher). */
async function record(session: BenchSession, page: Page): Promise<Recording> {
  const guideId = await session.api.startRecording(page);
  await startStepWatch(session.api.page, guideId);
  return { session, guideId, page, tabId: await session.api.tabIdOf(page), taken: new Map() };
}

async function finish(rec: Recording): Promise<void> {
  await rec.session.api.stop();
  await stopStepWatch(rec.session.api.page);
}

/** The next saved step of `kind` (with the time it was seen with its picture). */
async function nextStep(rec: Recording, kind: string): Promise<SeenStep> {
  const n = (rec.taken.get(kind) ?? 0) + 1;
  const seen = await waitForSeen(rec.session.api.page, n, WAIT_MS, kind);
  const step = seen.filter((s) => s.kind === kind)[n - 1];
  if (!step) throw new Error(`no ${kind} step saved within ${WAIT_MS / 1000} s (saved: ${seen.map((s) => s.kind).join(', ')})`);
  rec.taken.set(kind, n);
  return step;
}

/** Steps already saved are not the next ones (after a condition that broke midway). */
async function skipSaved(rec: Recording): Promise<void> {
  rec.taken.clear();
  for (const s of await seenSteps(rec.session.api.page)) rec.taken.set(s.kind ?? '', (rec.taken.get(s.kind ?? '') ?? 0) + 1);
}

/** Until Waymark holds a clean picture of the page as it is now: a person read it for a moment. */
const quiet = (rec: Recording) => until(() => cleanSettledFrame(rec.session.api.page, rec.tabId), 'a clean settled picture of the page as it is now');

/** Clears the effects in the page or its frame; returns the names of those that were on. */
const reset = (where: Page | Frame) => where.evaluate(() => (window as unknown as { __reset(): string[] }).__reset());

async function resetExpecting(where: Page | Frame, effect: Effect, what: string): Promise<void> {
  const on = await reset(where);
  if (!on.includes(effect)) throw new Error(`${what}: the action had no effect (effects on: ${on.join(', ') || 'none'})`);
}

const crossFrame = (page: Page): Frame => {
  const frame = page.frames().find((f) => f.url().includes('/bench/pictures-frame.html'));
  if (!frame) throw new Error('the cross-origin frame is not there');
  return frame;
};

/** Clicks an element of the cross-origin frame where it shows on screen, as a person does (the iframe has no border or padding). */
async function clickInFrame(page: Page, selector: string): Promise<void> {
  const frame = (await page.locator('iframe').boundingBox())!;
  const box = await crossFrame(page).evaluate((s) => {
    const rect = document.querySelector(s)!.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  }, selector);
  await page.mouse.click(frame.x + box.x, frame.y + box.y);
}

interface Condition {
  id: string;
  name: string;
  effect: Effect;
  /** The kind of step the action makes. */
  kind: string;
  /** Least share of pre-action pictures, in %. */
  budget: number;
  /** Performs the action; may return when exactly it began, if later than the call. */
  act(rec: Recording, repetition: number): Promise<number | void>;
  /** The effect lives in the cross-origin frame. */
  inFrame?: boolean;
  /** The page never settles: repetitions are spaced instead of waiting for a settled picture. */
  busy?: boolean;
  /** A figure made from the same repetitions. */
  alsoReport?: { id: string; figure(outcome: Outcome): Figure };
}

interface Judged {
  /** Pixels of the effect's colour; undefined: the step has no picture. */
  pixels?: number;
  /** Pixels of the page's header band. */
  page?: number;
  shot?: string;
}

interface Outcome {
  judged: Judged[];
  control: Judged;
  /** Action → step seen with its picture, per repetition that has one. */
  latencies: number[];
}

async function judge(rec: Recording, step: SeenStep, effect: Effect): Promise<Judged> {
  const { imageId, hasImage, shot } = step;
  if (!imageId || !hasImage) return { shot };
  const count = (colour: Rgb) => countColour(rec.session.api.page, imageId, colour);
  return { pixels: await count(COLOURS[effect]), page: await count(PAGE_BAND), shot };
}

const ofThePage = (j: Judged) => (j.page ?? 0) > PAGE_PIXELS;
const before = (j: Judged) => ofThePage(j) && (j.pixels ?? Infinity) <= EFFECT_PIXELS;

/** Clicks "Done" while the effect still shows (call once the page is ready): its picture must show it. */
async function control(rec: Recording, busy: boolean): Promise<SeenStep> {
  await rec.page.locator('#done').click(busy ? { delay: PRESS_MS } : {});
  return nextStep(rec, 'click');
}

/** REPEATS actions of one condition on a recording, then the control; judged by pixels. */
async function repeat(rec: Recording, condition: Condition): Promise<Outcome> {
  const where = () => (condition.inFrame ? crossFrame(rec.page) : rec.page);
  await reset(where());
  await skipSaved(rec);
  const steps: SeenStep[] = [];
  const latencies: number[] = [];
  // A busy page: one capture per action, so each waits for Chrome's quota after the one before.
  let next = Date.now() + BUSY_SPACING_MS;
  const ready = () => (condition.busy ? sleep(next - Date.now()) : quiet(rec));
  for (let i = 0; i < REPEATS; i++) {
    await ready();
    next = Date.now() + BUSY_SPACING_MS;
    const called = Date.now();
    const actedAt = (await condition.act(rec, i)) ?? called;
    const step = await nextStep(rec, condition.kind);
    steps.push(step);
    if (step.hasImage) latencies.push(step.seenAt - actedAt);
    // The last effect stays for the control.
    if (i < REPEATS - 1) await resetExpecting(where(), condition.effect, `repetition ${i + 1}`);
  }
  await ready();
  const controlStep = await control(rec, Boolean(condition.busy));
  await resetExpecting(where(), condition.effect, `repetition ${REPEATS}`);
  const judged = [];
  for (const step of steps) judged.push(await judge(rec, step, condition.effect));
  return { judged, control: await judge(rec, controlStep, condition.effect), latencies };
}

/** One row: the share of pictures without the effect, and what the others were labelled. */
function shareFigure(condition: Pick<Condition, 'id' | 'name' | 'budget'>, { judged, control: check }: Outcome): Figure {
  const pre = judged.filter(before).length;
  const count = (list: Judged[]) => {
    const by = new Map<string, number>();
    for (const j of list) by.set(j.shot ?? '?', (by.get(j.shot ?? '?') ?? 0) + 1);
    return [...by].map(([shot, n]) => `${shot} ${n}`).join(', ');
  };
  const showing = judged.filter((j) => ofThePage(j) && !before(j));
  const notOfPage = judged.filter((j) => !ofThePage(j));
  const figure: Figure = {
    id: condition.id,
    name: `Pre-action picture: ${condition.name}`,
    unit: '%',
    value: judged.length ? (100 * pre) / judged.length : Number.NaN,
    budgets: [{ on: 'value', kind: 'min', limit: condition.budget }],
    samples: judged.map((j) => j.pixels ?? -1),
    note: [
      `${pre}/${judged.length} of the page without the effect's colour`,
      `shots ${count(judged)}`,
      showing.length ? `effect shown by shot ${count(showing)}` : '',
      notOfPage.length ? `no picture of the page (blank, other or none) by shot ${count(notOfPage)}` : '',
      `control ${check.pixels ?? 'no picture'} px effect, ${check.page ?? 0} px band`,
    ].filter(Boolean).join('; '),
  };
  // The same count must see the effect in a picture taken while it shows, or it proves nothing.
  if (!ofThePage(check) || (check.pixels ?? 0) <= EFFECT_PIXELS) {
    figure.error = `judge blind: a picture taken with the effect showing has ${check.pixels ?? 'no'} px of its colour, ${check.page ?? 0} px of the page band`;
  }
  return figure;
}

const press = (locator: ReturnType<Page['locator']>) => locator.click({ delay: PRESS_MS });

/** The conditions on the static page, one recording. */
function staticConditions(): Condition[] {
  return [
    {
      id: 'prePictureCheckboxPct', name: 'checkbox', effect: 'check', kind: 'check', budget: 100,
      act: (rec) => rec.page.locator('#copy').click(),
    },
    {
      id: 'prePictureRadioPct', name: 'radio', effect: 'radio', kind: 'choose', budget: 100,
      act: (rec) => rec.page.locator('#express').click(),
    },
    {
      id: 'prePictureSelectPct', name: 'select (keyboard, then moves on)', effect: 'select', kind: 'select', budget: 100,
      async act(rec) {
        // A new option each time (an edit back to the value it had is no edit).
        await rec.page.locator('#region').focus();
        await rec.page.keyboard.press('ArrowDown');
        // A person sees what the choice did before moving on: the page settles and is pictured.
        await quiet(rec);
        await rec.page.keyboard.press('Tab');
      },
    },
    {
      id: 'prePictureKeyboardPct', name: 'Enter/Space on a button', effect: 'key', kind: 'click', budget: 100,
      async act(rec, i) {
        await rec.page.locator('#details').focus();
        await rec.page.keyboard.press(i % 2 ? 'Space' : 'Enter');
      },
    },
    {
      id: 'prePictureWorkerStoppedPct', name: 'first click after the worker stopped', effect: 'panel', kind: 'click', budget: 100,
      async act(rec) {
        const stoppedAt = Date.now();
        const api = await stopBackground(rec.session.browser, rec.session.api, rec.page);
        if (api !== rec.session.api) {
          // Firefox: a quiet extension page took the API page's place (see stopBackground), so
          // it watches the steps from now on.
          rec.session.api = api;
          await readyForEvaluate(api.page);
          await startStepWatch(api.page, rec.guideId);
        }
        await press(rec.page.locator('#show'));
        // Read from storage.session, which does not wake it: the press did.
        await until(async () => ((await lifetime(api))?.startedAt ?? 0) > stoppedAt, 'the worker started again after the stop');
      },
    },
  ];
}

/** A page with a cross-origin iframe: clicks in the frame, and in the top page (also timed). */
function frameConditions(): Condition[] {
  return [
    {
      id: 'prePictureInCrossFramePct', name: 'click inside a cross-origin iframe', effect: 'frame', kind: 'click', budget: 100, inFrame: true,
      act: (rec) => clickInFrame(rec.page, '#confirm'),
    },
    {
      id: 'prePictureCrossFramePagePct', name: 'click on a page with a cross-origin iframe', effect: 'panel', kind: 'click', budget: 100,
      // Timed from the mouse's click, as capture.ts times it: not from finding the button.
      async act(rec) {
        const box = (await rec.page.locator('#show').boundingBox())!;
        const at = Date.now();
        await rec.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
        return at;
      },
      alsoReport: { id: 'crossFrameStepSavedMs', figure: (outcome) => latencyFigure(outcome.latencies) },
    },
  ];
}

const BUSY: Condition = {
  id: 'prePictureBusyPagePct', name: "a page that never settles, a person's 100 ms press", effect: 'panel', kind: 'click', budget: 95, busy: true,
  act: (rec) => press(rec.page.locator('#show')),
};

const FIRST: Pick<Condition, 'id' | 'name' | 'budget'> = { id: 'prePictureFirstActionPct', name: 'first action after start', budget: 95 };

/**
 * REPEATS recordings, each of one click (a person's press) on the page as soon as the
 * recording bar shows; the page is loaded again in between. The last one adds the control.
 */
async function firstActions(session: BenchSession): Promise<Outcome> {
  const page = await session.openFixture('pictures.html');
  const judged: Judged[] = [];
  let check: Judged = {};
  for (let i = 0; i < REPEATS; i++) {
    const rec = await record(session, page);
    await page.locator('[data-waymark-bar]').waitFor({ state: 'visible' });
    await press(page.locator('#show'));
    const step = await nextStep(rec, 'click');
    let controlStep: SeenStep | undefined;
    if (i === REPEATS - 1) {
      await quiet(rec);
      controlStep = await control(rec, false);
    }
    await finish(rec);
    await resetExpecting(page, 'panel', `recording ${i + 1}`);
    judged.push(await judge(rec, step, 'panel'));
    if (controlStep) check = await judge(rec, controlStep, 'panel');
    await page.reload();
  }
  await page.close();
  return { judged, control: check, latencies: [] };
}

const idsOf = (conditions: Condition[]) => conditions.flatMap((c) => [c.id, ...(c.alsoReport ? [c.alsoReport.id] : [])]);

/**
 * Runs conditions one after the other on one recording of `path`, each with its own rows (one
 * that breaks keeps the others). `ready`: what to wait for before recording.
 */
async function onRecording(session: BenchSession, path: string, conditions: Condition[], ready?: (page: Page) => Promise<unknown>): Promise<Figure[]> {
  return measure(idsOf(conditions), async () => {
    const page = await session.openFixture(path);
    try {
      await ready?.(page);
      // No waiting for the start step: on a page that never settles it comes with the first action.
      const rec = await record(session, page);
      const figures: Figure[] = [];
      for (const condition of conditions) {
        figures.push(...(await measure(idsOf([condition]), async () => {
          const outcome = await repeat(rec, condition);
          return [shareFigure(condition, outcome), ...(condition.alsoReport ? [condition.alsoReport.figure(outcome)] : [])];
        })));
      }
      await finish(rec);
      return figures;
    } finally {
      await page.close();
    }
  });
}

function latencyFigure(latencies: number[]): Figure {
  return {
    id: 'crossFrameStepSavedMs',
    name: 'Click → step + image in IndexedDB, page with a cross-origin iframe',
    unit: 'ms',
    summary: summarize(latencies),
    samples: latencies,
    budgets: [
      { on: 'median', kind: 'max', limit: 80 },
      { on: 'p95', kind: 'max', limit: 150 },
    ],
    note: latencies.length < REPEATS ? `only ${latencies.length}/${REPEATS} clicks saved with an image` : 'clicks on a settled page',
  };
}

/** The group's figure ids, in the order of its rows. */
export const PICTURE_IDS = [FIRST.id, ...idsOf(staticConditions()), ...idsOf(frameConditions()), BUSY.id];

/** The same figures measured in Firefox ESR: their own ids and names. */
const inFirefox = (figure: Figure): Figure => ({ ...figure, id: `${figure.id}Firefox`, name: `${figure.name} (Firefox)` });
export const FIREFOX_PICTURE_IDS = PICTURE_IDS.map((id) => `${id}Firefox`);

/**
 * Firefox suspends its idle event page after a second instead of thirty (FAST_SUSPEND), for the
 * condition after the background stopped: it is then suspended between the other actions too.
 * The cross-origin frame shares the page's process (ONE_PROCESS_FRAMES), so the click in it
 * can be made.
 */
export const FIREFOX_PICTURE_LAUNCH: LaunchOptions = { firefoxPrefs: { ...FAST_SUSPEND.firefoxPrefs, ...ONE_PROCESS_FRAMES } };

export async function pictureFigures(session: BenchSession): Promise<Figure[]> {
  const figures = await pictureFiguresOf(session);
  return session.browser.browserName === 'firefox' ? figures.map(inFirefox) : figures;
}

async function pictureFiguresOf(session: BenchSession): Promise<Figure[]> {
  // The popup asks for the status twice a second, which would wake a stopped worker before the
  // click does: the options page asks nothing, and serves as the step watcher.
  await session.browser.gotoExtensionPage(session.api.page, '/options.html');
  await readyForEvaluate(session.api.page);
  return [
    ...(await measure([FIRST.id], async () => [shareFigure(FIRST, await firstActions(session))])),
    ...(await onRecording(session, 'pictures.html', staticConditions())),
    ...(await onRecording(session, 'pictures.html?frame', frameConditions(), (page) => page.frameLocator('iframe').locator('#confirm').waitFor())),
    ...(await onRecording(session, 'pictures.html?clock', [BUSY])),
  ];
}
