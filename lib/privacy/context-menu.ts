/**
 * The page context menu: "Never record this element" and "Never record this site" (issue 5).
 * Runs in the background. "Never record this site" needs only the page's address and is always
 * there. "Never record this element" needs the element the user right-clicked, which only the
 * recorder knows (lib/privacy/context-target.ts) — and the recorder runs only in recorded tabs,
 * so that item exists only while a recording runs. Outside a recording, the options page adds
 * elements by selector. What the user chooses is saved in the privacy settings, where the
 * options page lists it and can undo it.
 *
 * Try it: while recording, right-click anything on the page → Waymark → Never record this
 * element, then open the options page: the element's selector is listed under "Never-record
 * elements".
 */
import { browser } from 'wxt/browser';
import type { Response } from '@/lib/messages';
import { savePrivacySettings } from './settings';
import { normalizeSite } from './sites';

const ELEMENT = 'waymark-never-record-element';
const SITE = 'waymark-never-record-site';

function hostOf(url: string | undefined): string | undefined {
  try {
    return url ? normalizeSite(new URL(url).host) || undefined : undefined;
  } catch {
    return undefined;
  }
}

export async function neverRecordSite(url: string | undefined): Promise<void> {
  const site = hostOf(url);
  if (!site) return;
  await savePrivacySettings((s) => (s.denySites.includes(site) ? s : { ...s, denySites: [...s.denySites, site] }));
}

export async function neverRecordElement(tabId: number, frameId: number): Promise<void> {
  const reply = (await browser.tabs
    .sendMessage(tabId, { type: 'privacy.context-target' }, { frameId })
    .catch(() => undefined)) as Response<'privacy.context-target'> | undefined;
  const site = hostOf(reply?.url);
  const selector = reply?.selector;
  if (!site || !selector) return;
  await savePrivacySettings((s) =>
    s.markedElements.some((m) => m.site === site && m.selector === selector)
      ? s
      : { ...s, markedElements: [...s.markedElements, { site, selector }] },
  );
}

/** Creates a menu item; an item already there (the worker restarted) is fine. */
function createItem(id: string, title: string): Promise<void> {
  return new Promise((resolve) => {
    browser.contextMenus.create({ id, title, contexts: ['all'] }, () => {
      void browser.runtime.lastError;
      resolve();
    });
  });
}

/** Shows "Never record this element" while a recording runs, and removes it after. */
export async function showElementMenu(shown: boolean): Promise<void> {
  if (shown) return createItem(ELEMENT, 'Never record this element');
  await browser.contextMenus.remove(ELEMENT).catch(() => undefined);
}

/** Called once from the background entrypoint. */
export function registerPrivacyMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => createItem(SITE, 'Never record this site'));
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SITE) void neverRecordSite(info.frameUrl ?? info.pageUrl ?? tab?.url);
    if (info.menuItemId === ELEMENT && tab?.id !== undefined) void neverRecordElement(tab.id, info.frameId ?? 0);
  });
}
