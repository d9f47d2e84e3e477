/**
 * Reading a condition's run once it is over: the recording is stopped first, then its stored
 * steps are matched to the presses the driver made and their pictures judged by pixels (never
 * by the step's `shot` label). Nothing here runs while the driver acts, so it cannot pace it.
 * A press without a step, or a step without a picture, is a failure of that repetition.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { countColours, storedImage, type Rgb } from '../../support/pixels';

/** Each colour a picture is judged by (tests/fixtures/bench/pictures*.html, pictures-more.js). */
export const COLOURS = {
  panel: [0xe6, 0x00, 0xb4],
  check: [0x00, 0xaa, 0x3c],
  radio: [0xff, 0x8c, 0x00],
  select: [0x78, 0x28, 0xdc],
  key: [0x00, 0xbe, 0xc8],
  frame: [0xfa, 0xd2, 0x00],
  next: [0xb4, 0x14, 0x3c],
  route: [0x3c, 0x8c, 0x8c],
  'menu-item': [0x8c, 0xb4, 0x00],
  slide: [0x1e, 0x64, 0xff],
  below: [0xff, 0x5a, 0x5a],
  /** States the page must be in before the action, not effects: the open menu, the part below the fold. */
  'menu-open': [0x5a, 0x3c, 0x1e],
  'below-card': [0xc8, 0xa0, 0xdc],
} satisfies Record<string, Rgb>;
export type Colour = keyof typeof COLOURS;

/** The header band of the bench pages: a picture with less of it is not a picture of the page. */
const PAGE_BAND: Rgb = [0x28, 0x3c, 0x6e];
/**
 * How far a pixel may be from its colour on each channel. A tab stream's frame went through
 * video (4:2:0 chroma) and JPEG: its magenta lands ~30 off, beyond the default 24, and the
 * judge went blind (the control's picture, effect showing, had 27 px of it). Every two colours
 * above differ by more than this on some channel.
 */
const TOLERANCE = 48;
const PAGE_PIXELS = 20_000; // of ~55 000
/** More pixels than this of a colour: the picture shows it (a panel is ~30 000). */
export const EFFECT_PIXELS = 400;

/** A step as stored, the fields the judge needs. */
export interface StoredStep {
  kind?: string;
  name?: string;
  text: string;
  /** When the action happened (the page's clock), else when the step was saved. */
  at: number;
  createdAt: number;
  imageId?: string;
  hasImage: boolean;
  shot?: string;
}

/** The steps of a guide, with whether each one's picture is stored. */
export function readGuide(extensionPage: Page, guideId: string): Promise<StoredStep[]> {
  return extensionPage.evaluate(
    (id) =>
      new Promise<StoredStep[]>((resolve, reject) => {
        const open = indexedDB.open('waymark');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['steps', 'images']);
          const images = tx.objectStore('images');
          const out: StoredStep[] = [];
          const request = tx.objectStore('steps').index('guideId').getAll(id);
          request.onsuccess = () => {
            for (const s of request.result as Array<Record<string, any>>) {
              const step: StoredStep = {
                kind: s.action?.kind, name: s.action?.target?.name, text: s.text, at: s.at ?? s.createdAt,
                createdAt: s.createdAt, imageId: s.imageId, hasImage: false, shot: s.shot,
              };
              out.push(step);
              if (s.imageId) images.count(s.imageId).onsuccess = (e) => (step.hasImage = (e.target as IDBRequest<number>).result > 0);
            }
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(out.sort((a, b) => a.at - b.at));
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    guideId,
  );
}

/** Clock slack between the driver's Date.now() and the page's event time. */
const SLACK_MS = 30;

/**
 * The step each press made: the first matching step after it and before the next press.
 * `undefined` where a press made none.
 */
export function stepsOfPresses(steps: StoredStep[], presses: number[], matches: (s: StoredStep) => boolean): Array<StoredStep | undefined> {
  const mine = steps.filter(matches);
  return presses.map((at, i) => {
    const until = presses[i + 1] ?? Infinity;
    return mine.find((s) => s.at >= at - SLACK_MS && s.at < until - SLACK_MS);
  });
}

export interface Judged {
  /** Why there is nothing to judge (no step, no picture, the action had no effect). */
  missing?: string;
  /** Pixels of the effect's colour. */
  effect?: number;
  /** Pixels of the page's header band. */
  band?: number;
  /** Pixels of each colour the picture must show (the page's state before the action). */
  shows?: number[];
  shot?: string;
  imageId?: string;
  /** The press that made the step (its button or key going down) → step saved with its picture, ms. */
  latency?: number;
}

export async function judge(extensionPage: Page, step: StoredStep | undefined, pressedAt: number, effect: Colour, mustShow: Colour[] = []): Promise<Judged> {
  if (!step) return { missing: 'no step' };
  if (!step.imageId || !step.hasImage) return { missing: 'no picture', shot: step.shot };
  const [band, pixels, ...shows] = await countColours(extensionPage, step.imageId, [PAGE_BAND, COLOURS[effect], ...mustShow.map((c) => COLOURS[c])], TOLERANCE);
  return { effect: pixels, band, shows, shot: step.shot, imageId: step.imageId, latency: step.createdAt - pressedAt };
}

export const ofThePage = (j: Judged): boolean => (j.band ?? 0) > PAGE_PIXELS;
/** The picture shows the page as it was just before the action. */
export const before = (j: Judged): boolean =>
  !j.missing && ofThePage(j) && (j.effect ?? Infinity) <= EFFECT_PIXELS && (j.shows ?? []).every((n) => n > EFFECT_PIXELS);
/** The picture shows the effect (the control's must). */
export const showsEffect = (j: Judged): boolean => !j.missing && ofThePage(j) && (j.effect ?? 0) > EFFECT_PIXELS;

/** Waits, after the recording stopped, until its steps stop coming (at most `maxMs`). */
export async function settledGuide(extensionPage: Page, guideId: string, quietMs = 1000, maxMs = 10_000): Promise<StoredStep[]> {
  const deadline = Date.now() + maxMs;
  let steps = await readGuide(extensionPage, guideId);
  for (;;) {
    await new Promise((r) => setTimeout(r, quietMs));
    const now = await readGuide(extensionPage, guideId);
    const same = now.length === steps.length && now.every((s, i) => s.hasImage === steps[i]!.hasImage);
    steps = now;
    if (same || Date.now() > deadline) return steps;
  }
}

/** BENCH_SAVE_FAILED=<dir>: the pictures judged not "before" are written there, to look at. */
export async function keepIfFailed(extensionPage: Page, judged: Judged, label: string): Promise<void> {
  const dir = process.env.BENCH_SAVE_FAILED;
  if (!dir || before(judged) || !judged.imageId) return;
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, `${label}-${judged.shot}.jpg`), await storedImage(extensionPage, judged.imageId));
}
