/**
 * Real input from the operating system, for Firefox as users run it (Fission on: a cross-origin
 * frame in a process of its own). WebDriver BiDi synthesizes mouse and key events in the top
 * document's process, so they never reach such a frame: a click where its button shows lands on
 * the <iframe> element of the top document instead. Here a headful Firefox runs on a virtual X
 * display (Xvfb) and `xdotool` moves the pointer and presses keys there, as a person's hand does;
 * the browser routes them to whichever process draws that point.
 *
 * Debian's `xvfb` and `xdotool` (installed by .ci/run).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { promisify } from 'node:util';
import type { Locator, Page } from 'playwright-core';

const run = promisify(execFile);

export interface VirtualDisplay {
  /** The X display name, e.g. `:99`. */
  name: string;
  stop(): void;
}

/** Starts Xvfb on a free display number (it reports the one it took through -displayfd). */
export function startVirtualDisplay(): Promise<VirtualDisplay> {
  return new Promise((resolve, reject) => {
    let xvfb: ChildProcess;
    try {
      xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1600x1000x24', '-nolisten', 'tcp'], {
        stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      reject(error);
      return;
    }
    let stderr = '';
    xvfb.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    xvfb.once('error', (error) => reject(new Error(`Xvfb could not start (apt-get install xvfb): ${error.message}`)));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited with ${code}: ${stderr.trim()}`)));
    const fd = xvfb.stdio[3] as NodeJS.ReadableStream;
    fd.once('data', (chunk) => resolve({ name: `:${String(chunk).trim()}`, stop: () => xvfb.kill() }));
  });
}

function xdotool(display: VirtualDisplay, ...args: string[]): Promise<unknown> {
  return run('xdotool', args, { env: { ...process.env, DISPLAY: display.name } });
}

/** The element's centre in screen pixels: the content area's place on screen plus the element's box in it. */
async function screenPoint(page: Page, target: Locator): Promise<{ x: number; y: number }> {
  // Playwright gives the box in the top viewport's CSS pixels, whichever frame the element is in.
  const box = await target.boundingBox();
  if (!box) throw new Error(`not on screen: ${target}`);
  // Firefox's own window properties: where the viewport is on the screen, in CSS pixels.
  const origin = await page.evaluate(() => {
    const w = window as Window & { mozInnerScreenX?: number; mozInnerScreenY?: number };
    return { x: w.mozInnerScreenX ?? 0, y: w.mozInnerScreenY ?? 0, dpr: devicePixelRatio };
  });
  return {
    x: Math.round((origin.x + box.x + box.width / 2) * origin.dpr),
    y: Math.round((origin.y + box.y + box.height / 2) * origin.dpr),
  };
}

/**
 * Puts the page's window on top. Each Playwright page is a window of its own, all at the
 * screen's corner, and an X server with no window manager keeps the last one opened on top
 * (an extension page opened after the recorded one, say), whatever Playwright brings to front.
 * The window is found by its title, which Firefox makes of the page's.
 */
async function raise(display: VirtualDisplay, page: Page): Promise<void> {
  await page.bringToFront();
  const title = (await page.title()).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (!title) throw new Error(`a page without a title cannot be found among the windows: ${page.url()}`);
  // Its window is as tall as the viewport Playwright set, toolbars not counted: made taller, or
  // the viewport's bottom would be off the window, where no click lands.
  const size = await page.evaluate(() => {
    const top = (window as Window & { mozInnerScreenY?: number }).mozInnerScreenY ?? 0;
    return { width: Math.ceil(outerWidth * devicePixelRatio), height: Math.ceil((top + innerHeight) * devicePixelRatio) };
  });
  await xdotool(display, 'search', '--name', `^${title}`, 'windowsize', '%@', String(size.width), String(size.height), 'windowraise', '%@');
}

/** A click with the real pointer: down, held `pressMs` (a person's ~100 ms; 0 for a tap), up. */
export async function osClick(display: VirtualDisplay, page: Page, target: Locator, pressMs = 100): Promise<void> {
  await raise(display, page);
  const { x, y } = await screenPoint(page, target);
  await xdotool(display, 'mousemove', '--sync', String(x), String(y), 'mousedown', '1', 'sleep', String(pressMs / 1000), 'mouseup', '1');
}

/** Types into whatever has the keyboard focus, `delayMs` between keys (xdotool's own pacing). */
export async function osType(display: VirtualDisplay, text: string, delayMs = 80): Promise<void> {
  await xdotool(display, 'type', '--delay', String(delayMs), '--', text);
}

export interface Hands {
  /** Presses `target` for `pressMs` where it shows. */
  click(target: Locator, pressMs?: number): Promise<void>;
  /** Clicks into `target`, then types `text` key by key, `delayMs` apart. */
  type(target: Locator, text: string, delayMs?: number): Promise<void>;
}

/**
 * A person's hands on `page`: the OS's on a virtual display when one is given (Firefox, see
 * above), else Playwright's, which reach every frame in Chromium.
 */
export function handsOn(page: Page, screen?: VirtualDisplay): Hands {
  const click = (target: Locator, pressMs = 100) => (screen ? osClick(screen, page, target, pressMs) : target.click({ delay: pressMs }));
  return {
    click,
    async type(target, text, delayMs = 80) {
      await click(target);
      await (screen ? osType(screen, text, delayMs) : page.keyboard.type(text, { delay: delayMs }));
    },
  };
}
