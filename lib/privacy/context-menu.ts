/**
 * The page context menu: "Never record this element" and "Never record this site" (issue 5).
 * Runs in the background. The element is found by the content script that saw the right-click
 * (lib/privacy/context-target.ts); what the user chooses is saved in the privacy settings,
 * where the options page lists it and can undo it.
 *
 * Try it: right-click anything on a web page → Waymark → Never record this element, then
 * open the options page: the element's selector is listed under "Never-record elements".
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

/** Called once from the background entrypoint. */
export function registerPrivacyMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({ id: ELEMENT, title: 'Never record this element', contexts: ['all'] });
      browser.contextMenus.create({ id: SITE, title: 'Never record this site', contexts: ['all'] });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SITE) void neverRecordSite(info.frameUrl ?? info.pageUrl ?? tab?.url);
    if (info.menuItemId === ELEMENT && tab?.id !== undefined) void neverRecordElement(tab.id, info.frameId ?? 0);
  });
}
