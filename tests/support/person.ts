/**
 * A driver that acts like a person (issue 24): it presses with the mouse or the keyboard for a
 * chosen time, hovers, scrolls, and between actions waits only a human gap, 600–1200 ms drawn
 * from a seeded generator, counted from when the previous action's effect shows on the page.
 * It never waits for anything of Waymark's (no settled picture, no step count, no outbox):
 * a driver that waits for the product's readiness measures the product's best case.
 *
 * Effects are seen from the page itself (`seen`: a page function that holds once the effect
 * is on screen, e.g. a panel's class or the page's URL). Shared by the bench
 * (tests/bench/pictures/) and the e2e specs that judge pictures.
 */
import type { Frame, Locator, Page } from 'playwright-core';

/** Where to press: an element (its centre), or a point in the top page's viewport. */
export type Target = Locator | { x: number; y: number };

export interface PressOptions {
  /** Button (or key) down to up, in ms: 0 for a tap, 100 for a person's ordinary press. */
  pressMs?: number;
}

export const HUMAN_GAP_MS = { min: 600, max: 1200 } as const;
const SEEN_TIMEOUT_MS = 10_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** mulberry32: small, seeded, so a run's gaps can be drawn again. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Person {
  private readonly random: () => number;
  /** Every gap waited, in order (to report what the driver did). */
  readonly gaps: number[] = [];
  /** Date.now() just before the last button or key went down: when the last press began. */
  pressedAt = 0;

  constructor(
    public page: Page,
    seed = 24,
  ) {
    this.random = seeded(seed);
  }

  /** A human gap: 600–1200 ms, uniformly. */
  nextGapMs(): number {
    return HUMAN_GAP_MS.min + Math.round(this.random() * (HUMAN_GAP_MS.max - HUMAN_GAP_MS.min));
  }

  /** Waits one human gap (call it once the previous action's effect is on screen). */
  async pause(): Promise<number> {
    const ms = this.nextGapMs();
    this.gaps.push(ms);
    await sleep(ms);
    return ms;
  }

  /**
   * Waits until `effect` holds in the page (or frame), as a person waits to see what their
   * action did; returns Date.now() when it was seen. Throws if it is not seen in time.
   */
  async seen<A>(effect: (arg: A) => unknown, arg?: A, where: Page | Frame = this.page): Promise<number> {
    // The page function runs in the page; its argument is plain data.
    await where.waitForFunction(effect as (arg: unknown) => unknown, arg as unknown, { polling: 20, timeout: SEEN_TIMEOUT_MS });
    return Date.now();
  }

  /** `seen`, then a human gap: what a person does between two actions. */
  async seenThenPause<A>(effect: (arg: A) => unknown, arg?: A, where?: Page | Frame): Promise<void> {
    await this.seen(effect, arg, where);
    await this.pause();
  }

  /** The centre of a target, in the top viewport. */
  async pointOf(target: Target): Promise<{ x: number; y: number }> {
    if (!('boundingBox' in target)) return target;
    const box = await target.boundingBox();
    if (!box) throw new Error(`${String(target)} is not on screen`);
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  }

  /**
   * A mouse press: the pointer moves onto the target, the button goes down, and up `pressMs`
   * later. Returns Date.now() just before the button went down.
   */
  async press(target: Target, { pressMs = 100 }: PressOptions = {}): Promise<number> {
    const { x, y } = await this.pointOf(target);
    await this.page.mouse.move(x, y);
    const at = Date.now();
    await this.page.mouse.down();
    if (pressMs > 0) await sleep(pressMs);
    await this.page.mouse.up();
    this.pressedAt = at;
    return at;
  }

  /** A key press held `pressMs` (Enter, Space, Tab, ArrowDown…); returns Date.now() before it went down. */
  async key(key: string, { pressMs = 100 }: PressOptions = {}): Promise<number> {
    const at = Date.now();
    await this.page.keyboard.down(key);
    if (pressMs > 0) await sleep(pressMs);
    await this.page.keyboard.up(key);
    this.pressedAt = at;
    return at;
  }

  /** The pointer moves onto the target (and stays there). */
  async hover(target: Target): Promise<void> {
    const { x, y } = await this.pointOf(target);
    await this.page.mouse.move(x, y);
  }

  /** A turn of the mouse wheel over the page, `dy` CSS pixels down. */
  async scroll(dy: number, over: Target = { x: 640, y: 400 }): Promise<void> {
    const { x, y } = await this.pointOf(over);
    await this.page.mouse.move(x, y);
    await this.page.mouse.wheel(0, dy);
  }
}
