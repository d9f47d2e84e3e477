/**
 * Nothing is lost: the service worker killed mid-recording, the recorded tab closed, a page
 * that fights instrumentation. And the page's own behaviour is unchanged.
 */
import type { Page } from 'playwright-core';
import { test, expect } from './fixtures';
import { CLICKS_DRAWER_YELLOW, countColour } from '../support/pixels';
import { Person } from '../support/person';
import { FAST_SUSPEND, stopBackground } from '../support/background';

test.describe('a background stopped mid-recording', () => {
  // Chromium's worker is stopped by the DevTools protocol, Firefox's event page suspends itself
  // (only here: elsewhere a background that may sleep at any second is not what is tested).
  test.use(FAST_SUSPEND);

  test('after the worker was stopped, the first click still gets the picture from before it', async ({ browserWithExtension, api: popupApi, server }) => {
    const { context } = browserWithExtension;
    let api = popupApi;
    const page = await context.newPage();
    await page.goto(server.url('recorder/clicks.html'));
    const guideId = await api.startRecording(page);
    await api.waitForSteps(1);
    // A person reads the page for a moment (a human gap, not a wait for Waymark's picture).
    const person = new Person(page);
    await person.pause();
    api = await stopBackground(browserWithExtension, api, page);
    await person.press(page.getByRole('button', { name: 'Open drawer' }), { pressMs: 100 });
    await expect(page.getByText('Drawer opened')).toBeVisible();
    await api.waitForSteps(2);
    await page.getByRole('button', { name: 'Save draft' }).click({ delay: 100 });
    await api.waitForSteps(3);
    await api.stop();
    const [, click, next] = await api.steps(guideId);
    expect(click!.text).toBe('Click "Open drawer"');
    // Judged by pixels: the drawer the click opened (yellow) is not in the picture…
    expect(await countColour(api.page, click!.imageId!, CLICKS_DRAWER_YELLOW)).toBe(0);
    // …and the same check sees it in the next step's picture (the test can fail).
    expect(await countColour(api.page, next!.imageId!, CLICKS_DRAWER_YELLOW)).toBeGreaterThan(1000);
  });

  test('the service worker killed mid-recording loses nothing and recording goes on', async ({ browserWithExtension, api: popupApi, server }) => {
    const { context } = browserWithExtension;
    let api = popupApi;
    const page = await context.newPage();
    await page.goto(server.url('recorder/form.html'));
    const guideId = await api.startRecording(page);
    await api.waitForSteps(1);
    await page.getByLabel('Merchant').pressSequentially('Blue Bottle');
    await page.getByLabel('Billable to client').check();
    await api.waitForSteps(3);

    api = await stopBackground(browserWithExtension, api, page);
    // Typing while the worker is dead: the edit is sent when the field is left, waking it.
    await page.getByLabel('Amount').pressSequentially('7');
    await page.getByLabel('Corporate card').check();
    await api.waitForSteps(5);
    api = await stopBackground(browserWithExtension, api, page);
    await page.getByRole('button', { name: 'Save expense' }).click();
    await page.waitForURL(/saved\.html/);
    await api.waitForSteps(6);

    expect(await api.status()).toMatchObject({ state: 'recording', guideId });
    const stopped = await api.stop();
    expect(stopped).toEqual({ guideId, stepCount: 6 });
    expect(await api.sentences(guideId)).toEqual([
      'Go to "New expense – Fixture"',
      'Type "Blue Bottle" into Merchant',
      'Check "Billable to client"',
      'Type "7" into Amount',
      'Choose "Corporate card" (Payment method)',
      'Click "Save expense"',
    ]);
    for (const s of await api.steps(guideId)) expect(s.imageId, s.text).toBeTruthy();
  });
});

test('closing the recorded tab keeps every step and finishes the guide', async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/clicks.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await api.waitForSteps(2);
  await page.close();
  await expect.poll(async () => (await api.status()).state).toBe('idle');
  expect(await api.status()).toMatchObject({ guideId, stepCount: 2 });
});

test('an action whose message never came and whose copy landed after its page left is recorded', async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/clicks.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  // What Firefox can do on a form submit: the page unloads with its copy's write still on the
  // way, so the drain at the new page's commit finds nothing, and the message never leaves.
  // The copy comes from a document that is gone (never reported), and nothing follows it.
  await api.page.evaluate((url) => {
    const entry = {
      action: { kind: 'click', target: { role: 'button', name: 'Submit for approval', tag: 'button', selectors: ['#submit'] } },
      context: { changeCount: 0, at: Date.now(), viewport: { width: 1280, height: 800, dpr: 1 }, title: 'Gone', url, doc: 'a-document-that-is-gone' },
    };
    return chrome.storage.local.set({ 'waymark.outbox.late-copy': entry });
  }, page.url());
  await api.waitForSteps(2);
  await api.stop();
  expect(await api.sentences(guideId)).toEqual(['Go to "Clicks – Fixture"', 'Click "Submit for approval"']);
  expect(await api.page.evaluate(() => chrome.storage.local.get('waymark.outbox.late-copy'))).toEqual({});
});

test('a tab closed mid-typing keeps the edit; a half-typed number is stored masked meanwhile', async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/form.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  await page.getByLabel('Merchant').pressSequentially('Blue Bottle');
  const reference = page.getByPlaceholder('Reference number');
  await reference.pressSequentially('4242 42');
  await api.waitForSteps(2);
  // The edit is stored as it is typed (a closing tab may send nothing); a card number or a
  // code is recognised only once complete, so its beginning is stored masked.
  await expect.poll(() => storedDrafts(api.page)).toEqual([{ value: '••••' }]);
  expect(JSON.stringify(await api.page.evaluate(() => chrome.storage.local.get(null)))).not.toMatch(/4242/);
  // Undone (the field is as it was): nothing typed stays on disk.
  await reference.press('ControlOrMeta+A');
  await reference.press('Backspace');
  await expect.poll(() => storedDrafts(api.page)).toEqual([]);
  await reference.pressSequentially('Oat milk');
  await expect.poll(() => storedDrafts(api.page)).toEqual([{ value: 'Oat milk' }]);
  // The field is never left.
  await page.close();
  await expect.poll(async () => (await api.status()).state).toBe('idle');
  // When a step is missing, the message says what the recording said and what stayed on disk.
  const left = JSON.stringify({ status: await api.status(), stored: await api.page.evaluate(() => chrome.storage.local.get(null)) });
  expect(await api.sentences(guideId), left).toEqual(['Go to "New expense – Fixture"', 'Type "Blue Bottle" into Merchant', 'Type "Oat milk" into Reference number']);
});

test('a tab closed right after typing keeps the whole typed value', async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/form.html'));
  const guideId = await api.startRecording(page);
  await expect(page.getByLabel('Merchant')).toBeVisible();
  // As a person does, nothing of Waymark's waited for: a look at the page, a click, a fast
  // typist's keys (80 ms apart), and the tab closed at once with its unload handlers, as Ctrl+W does.
  await page.waitForTimeout(800);
  await page.getByLabel('Merchant').click({ delay: 100 });
  await page.keyboard.type('Blue Bottle', { delay: 80 });
  await page.close({ runBeforeUnload: true });
  await expect.poll(async () => (await api.status()).state).toBe('idle');
  expect(await api.sentences(guideId)).toEqual(['Go to "New expense – Fixture"', 'Type "Blue Bottle" into Merchant']);
});

/** The values of the edits being typed, as stored in the outbox. */
async function storedDrafts(page: Page): Promise<{ value?: string }[]> {
  const stored = (await page.evaluate(() => chrome.storage.local.get(null))) as Record<string, { draft?: boolean; action: { value?: string } }>;
  return Object.values(stored)
    .filter((entry) => entry.draft)
    .map((entry) => ({ value: entry.action.value }));
}

test('a page with strict CSP, patched prototypes and stopped events is recorded, unchanged', async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  const errors: string[] = [];
  // Firefox fetches /favicon.ico under the page's CSP and reports the block as the page's
  // error: the browser's own request, not Waymark's, so it is left out.
  page.on('pageerror', (e) => {
    if (!/img-src\) at \S+\/favicon\.ico /.test(e.message)) errors.push(e.message);
  });
  await page.goto(server.url('recorder/hostile.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  await page.getByRole('button', { name: 'Stops propagation' }).click();
  await api.waitForSteps(2);
  await page.getByRole('button', { name: 'Throws' }).click();
  await api.waitForSteps(3);
  await page.getByLabel('Code').pressSequentially('X1');
  await page.keyboard.press('Tab');
  await api.waitForSteps(4);
  await api.stop();
  expect(await api.sentences(guideId)).toEqual([
    'Go to "Hostile – Fixture"',
    'Click "Stops propagation"',
    'Click "Throws"',
    'Type "X1" into Code',
  ]);
  // The page saw its own events exactly as without Waymark: trusted, once each.
  await expect(page.locator('#log')).toHaveText('stop:true;throw:true;');
  expect(errors).toEqual(['page bug']);
});
