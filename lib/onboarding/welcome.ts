/**
 * The welcome page opens once, when Waymark is first installed (not on updates or browser
 * restarts), and again whenever the popup's "Welcome and tips" is chosen.
 */
import { browser } from 'wxt/browser';

export const WELCOME_PATH = '/welcome.html';

/** Only a first install greets; an update or a reload of the unpacked build does not. */
export function greetsOn(reason: string): boolean {
  return reason === 'install';
}

export async function openWelcome(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
}

/** Call synchronously at the background's start, so the install event is not missed. */
export function welcomeOnInstall(): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (greetsOn(reason)) void openWelcome();
  });
}
