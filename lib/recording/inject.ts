/**
 * The recorder runs only in recorded tabs: nothing is declared for every page. On start the
 * background injects `/recorder.js` (entrypoints/recorder.ts) into every frame of the tab;
 * while the recording runs, each new document of a recorded tab gets it as soon as it commits
 * (lib/recording/watch.ts). The script is idempotent: a second injection into the same
 * document turns the existing recorder back on instead of adding a second one.
 *
 * The walk (issue 14) can reuse `injectInto` with its own file.
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { sendToTab } from '@/lib/messaging';
import type { Session } from './session';

export const RECORDER_FILE: ScriptPublicPath = '/recorder.js';

/** Where to inject: a whole tab (every frame) or some of its frames. */
export type Where = { tabId: number; frameIds?: number[] };

/** Injects a file; false when the browser refused (a page extensions may not touch, a gone tab). */
export async function injectInto(where: Where, file: ScriptPublicPath = RECORDER_FILE): Promise<boolean> {
  const target = where.frameIds ? { tabId: where.tabId, frameIds: where.frameIds } : { tabId: where.tabId, allFrames: true };
  try {
    await browser.scripting.executeScript({ target, files: [file], injectImmediately: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Injects the recorder (it starts recording at once) and, when the recording is paused,
 * tells the new recorders so. The background drops actions while paused anyway; this only
 * saves the page the work.
 */
export async function coverFrames(where: Where, session: Session): Promise<boolean> {
  const done = await injectInto(where);
  if (done && session.state === 'paused') {
    const frames = where.frameIds ?? [undefined];
    await Promise.all(frames.map((frameId) => sendToTab(where.tabId, { type: 'recorder.state', recording: false }, frameId)));
  }
  return done;
}
