/**
 * The recorder costs nothing until recording starts: no script in pages that are not recorded
 * and no worker start for them. Measured with CDP: a Waymark script in a page shows up as an
 * isolated execution context named after the extension, and a worker start as a new service
 * worker target.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { test, expect, skipIn } from './fixtures';
import { ExtensionApi } from '../support/pages/extension-api';
import { CAUSED_WITHIN_MS } from '../../lib/recording/navigation';

skipIn('firefox', 'measured with Chromium DevTools Protocol events (isolated worlds, service worker targets)');

const PAGES = ['recorder/clicks.html', 'recorder/form.html', 'recorder/article.html', 'recorder/spa.html', 'expenses/index.html'];

/** A new tab whose Waymark isolated worlds are counted from its first document on. */
async function watchedPage(context: BrowserContext, extensionId: string): Promise<{ page: Page; waymarkWorlds: () => number }> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  let worlds = 0;
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
    const aux = created.auxData as { type?: string } | undefined;
    if (aux?.type === 'isolated' && (created.name === 'Waymark' || created.origin.includes(extensionId))) worlds++;
  });
  await cdp.send('Runtime.enable');
  return { page, waymarkWorlds: () => worlds };
}

/** Loads 20 pages in a new tab; returns how many Waymark isolated worlds they got. */
async function load20(context: BrowserContext, extensionId: string, url: (path: string) => string): Promise<number> {
  const { page, waymarkWorlds } = await watchedPage(context, extensionId);
  for (let i = 0; i < 20; i++) await page.goto(url(`${PAGES[i % PAGES.length]!}?visit=${i}`), { waitUntil: 'domcontentloaded' });
  const worlds = waymarkWorlds();
  await page.close();
  return worlds;
}

test('pages that are not recorded get no script and wake no worker, also while another tab records', async ({
  browserWithExtension: { context, extensionId },
  server,
}) => {
  // No `api` fixture here: its popup page asks for the status every second, waking the worker.
  // The options page sends nothing by itself; it is loaded before the worker is stopped.
  const api = await ExtensionApi.open(context, extensionId, '/options.html');
  const options = api.page;
  const send = <T>(message: Record<string, unknown>) => api.send<T>(message);
  const stepCount = async () => (await send<{ stepCount: number }>({ type: 'recording.status' })).stepCount;
  const first = await watchedPage(context, extensionId);
  await first.page.goto(server.url('recorder/clicks.html'));
  // The extension worker's running status, as DevTools sees it: a start is 'starting'/'running'.
  const cdp = await context.newCDPSession(first.page);
  let status = '';
  const starts: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (!version.scriptURL.includes(extensionId)) continue;
      if (version.runningStatus !== status && ['starting', 'running'].includes(version.runningStatus)) starts.push(version.runningStatus);
      status = version.runningStatus;
    }
  });
  await cdp.send('ServiceWorker.enable');
  await expect.poll(() => status).toBe('running');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => status).toBe('stopped');
  starts.length = 0;

  // No recording: 20 pages, no Waymark world in any, and the worker stays stopped.
  expect(await load20(context, extensionId, server.url)).toBe(0);
  expect(first.waymarkWorlds()).toBe(0);
  expect(starts).toEqual([]);
  expect(status).toBe('stopped');

  // The same measure sees a start and a recorder: a message from an extension page wakes
  // the worker, and recording puts the recorder into the recorded tab.
  await first.page.bringToFront();
  const tabId = await options.evaluate(async (url: string) => (await chrome.tabs.query({ url }))[0]?.id, first.page.url());
  const { guideId } = await send<{ guideId: string }>({ type: 'recording.start', tabId });
  await expect.poll(() => starts.length).toBeGreaterThan(0);
  expect(first.waymarkWorlds()).toBeGreaterThan(0);
  await expect.poll(stepCount).toBe(1);

  // While that tab records, 20 pages in other tabs get no Waymark world either.
  expect(await load20(context, extensionId, server.url)).toBe(0);

  // A new page in the recorded tab is covered as it loads, and is recorded. Opened sooner after
  // the start, it would be taken for the start page's redirect (no step): on a fast machine the
  // 20 pages above can load within that time.
  await api.waitUntilLastActionIsOlderThan(CAUSED_WITHIN_MS.load);
  const before = first.waymarkWorlds();
  await first.page.goto(server.url('recorder/form.html'));
  await expect.poll(() => first.waymarkWorlds()).toBeGreaterThan(before);
  await expect.poll(stepCount).toBe(2);
  await first.page.getByLabel('Billable to client').check();
  await expect.poll(stepCount).toBe(3);
  await send({ type: 'recording.stop' });
  const sentences = await options.evaluate(
    (id: string) =>
      new Promise<string[]>((resolve) => {
        indexedDB.open('waymark').onsuccess = (event) => {
          const db = (event.target as IDBOpenDBRequest).result;
          const request = db.transaction('steps').objectStore('steps').index('guideId').getAll(id);
          request.onsuccess = () => resolve((request.result as { order: number; text: string }[]).sort((a, b) => a.order - b.order).map((s) => s.text));
        };
      }),
    guideId,
  );
  expect(sentences).toEqual(['Go to "Clicks – Fixture"', 'Go to "New expense – Fixture"', 'Check "Billable to client"']);
});
