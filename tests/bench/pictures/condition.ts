/**
 * What a picture condition is, and the helpers its actions share. A condition's `act` is one
 * repetition as a person does it, starting after a human gap on a page whose previous effect
 * was cleared; it returns when the judged press began. Between its own moves (a hover, then
 * the click in the menu) it waits only human gaps after what the page shows.
 */
import type { Frame, Page } from 'playwright-core';
import type { BenchSession } from '../session';
import type { Person } from '../../support/person';
import type { Colour, StoredStep } from './judge';

export interface Run {
  session: BenchSession;
  page: Page;
  person: Person;
  /** How long each press is held: 0 or 100 ms. */
  pressMs: number;
  guideId: string;
  tabId: number;
}

export interface Condition {
  /** Figure id stem; the row is `${id}Press${pressMs}ms`. */
  id: string;
  name: string;
  /** The fixture page, under tests/fixtures/bench/. */
  path: string;
  /** The colour of the action's effect: a picture from before has none of it. */
  effect: Colour;
  /** Colours of the page's state just before the action, which its picture must show. */
  mustShow?: Colour[];
  /** Is this stored step the one the action made? */
  matches(step: StoredStep): boolean;
  act(run: Run, repetition: number): Promise<number>;
  /** Resolves once the effect is on screen (default: the page's __on() names it). */
  shown?(run: Run): Promise<unknown>;
  /** Clears the effect (default: the page's __reset()). */
  reset?(run: Run): Promise<unknown>;
  /** The effect lives in the cross-origin frame. */
  inFrame?: boolean;
  /** The button pressed for the control, while the last effect shows (default #done). */
  control?: string;
  /** Called once the run's recording stopped (to close what `act` opened). */
  finish?(run: Run): Promise<unknown>;
  /** What to wait for once the page is loaded, before recording. */
  ready?(page: Page): Promise<unknown>;
}

/** A step made by an action on the element named `name` (not a page load). */
export const on = (name: string, kinds?: string[]) => (step: StoredStep) =>
  step.name === name && step.kind !== 'navigate' && (!kinds || kinds.includes(step.kind ?? ''));

export const crossFrame = (page: Page): Frame => {
  const frame = page.frames().find((f) => f.url().includes('/bench/pictures-frame.html'));
  if (!frame) throw new Error('the cross-origin frame is not there');
  return frame;
};

/** Where an element of the cross-origin frame shows on screen (the iframe has no border or padding). */
export async function pointInFrame(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const frame = (await page.locator('iframe').boundingBox())!;
  const box = await crossFrame(page).evaluate((s) => {
    const rect = document.querySelector(s)!.getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  }, selector);
  return { x: frame.x + box.x, y: frame.y + box.y };
}

/** The effect shows once the page (or its frame) names it in __on(). */
export function effectShown(run: Run, condition: Condition): Promise<number> {
  const where = condition.inFrame ? crossFrame(run.page) : run.page;
  return run.person.seen((name) => (window as unknown as { __on(): string[] }).__on().includes(name), condition.effect, where);
}

export function resetEffects(run: Run, condition: Condition): Promise<string[]> {
  const where = condition.inFrame ? crossFrame(run.page) : run.page;
  return where.evaluate(() => (window as unknown as { __reset(): string[] }).__reset());
}
