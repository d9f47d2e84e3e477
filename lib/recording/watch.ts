/**
 * Browser-wide listeners (tabs opened by pages, tabs closed, documents committed), and the one
 * for the pages' outbox copies, exist only while a recording runs. Why not at the top level
 * of the background, as usual for MV3? Each of these events fires on every page load of the
 * whole browser, and a listener registered at the top level wakes the worker for each of them — recording or not. URL filters
 * (`webNavigation.onCommitted.addListener(fn, { url })`) cannot help: a recording is scoped by
 * tab, not by URL.
 *
 * So: they are added when a recording starts and removed when it ends (`followSession`, which sees
 * every session written), and the background's start-up code re-adds them when storage.session
 * says a recording runs. A listener added while the worker lives also makes the browser wake the
 * worker for its event later; an event that wakes it before the start-up code has re-added the
 * listener is dropped, which is why start-up also injects into every frame of the recorded tabs
 * (the recorder is idempotent). When idle, start-up removes them, which also clears registrations
 * a worker that died mid-recording left behind.
 */
import { browser } from 'wxt/browser';
import { documentReplaced, tabClosed, tabCreated } from './tabs';
import { restrictionOf } from './restricted';
import { copyWritten } from './outbox';
import type { Session } from './session';
import { OUTBOX_PREFIX, type OutboxEntry } from '@/lib/capture/outbox';

type Created = Parameters<Parameters<typeof browser.webNavigation.onCreatedNavigationTarget.addListener>[0]>[0];
type Committed = Parameters<Parameters<typeof browser.webNavigation.onCommitted.addListener>[0]>[0];

// A tab opened by a recorded tab's page (a link, window.open), not any tab with an opener:
// Chrome gives tabs opened by other means (DevTools, some shortcuts) the active tab as opener.
const onCreated = (details: Created) => void tabCreated({ id: details.tabId, openerTabId: details.sourceTabId });
const onRemoved = (tabId: number) => void tabClosed(tabId);
const onCommitted = (details: Committed) => void documentReplaced(details.tabId, details.frameId, details.url);
// Firefox reports no webNavigation events for its own pages (about:…): the tab's new address
// still tells that the recorded tab is on a page Waymark may not record.
const onUpdated = (tabId: number, change: { url?: string }) => {
  if (change.url && restrictionOf(change.url)) void documentReplaced(tabId, 0, change.url);
};

// The recorded pages' outbox copies (extension storage: only Waymark writes there). The local
// area's own event, not storage.onChanged: that fires for every storage.session write too (the
// session, the frames' reports: several per action), and in Firefox wakes a suspended event
// page for the background's own note of its suspension.
type Changes = Record<string, { newValue?: unknown }>;
const onStored = (changes: Changes) => {
  for (const [key, change] of Object.entries(changes)) {
    if (key.startsWith(OUTBOX_PREFIX) && change.newValue) void copyWritten(key.slice(OUTBOX_PREFIX.length), change.newValue as OutboxEntry);
  }
};

let watching = false;

export function watchTabs(): void {
  if (watching) return;
  watching = true;
  browser.webNavigation.onCreatedNavigationTarget.addListener(onCreated);
  browser.tabs.onRemoved.addListener(onRemoved);
  browser.webNavigation.onCommitted.addListener(onCommitted);
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.storage.local.onChanged.addListener(onStored);
}

export function unwatchTabs(): void {
  // Added first so that removing reaches the browser even in a worker that never added them.
  if (!watching) watchTabs();
  watching = false;
  browser.webNavigation.onCreatedNavigationTarget.removeListener(onCreated);
  browser.tabs.onRemoved.removeListener(onRemoved);
  browser.webNavigation.onCommitted.removeListener(onCommitted);
  browser.tabs.onUpdated.removeListener(onUpdated);
  browser.storage.local.onChanged.removeListener(onStored);
}

/**
 * The session observer (lib/recording/session.ts `onSessionChange`): listening while a recording
 * runs or is paused, from the write that starts it to the one that ends it.
 */
export function followSession(session: Session, before: Session): void {
  if (session.state !== 'idle') watchTabs();
  else if (before.state !== 'idle') unwatchTabs();
}
