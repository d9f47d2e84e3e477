/**
 * Navigation: the start page and pages the user goes to on their own are "Go to" steps;
 * a page opened by the click just recorded is context, not a second step. New tabs and
 * popups are followed; restricted pages pause the recording until the user comes back.
 */
import { test, expect, skipIn } from './fixtures';
import { CAUSED_WITHIN_MS } from '../../lib/recording/navigation';

test('single-page app routes: a click that changes the route is one step, Back is a Go to', async ({ browserWithExtension: { context, browserName }, api, server }) => {
  // Playwright's goBack in Firefox waits for a load that a same-document Back never has: there
  // the history is traversed from the page, which fires the same popstate as the Back button.
  const back = () => (browserName === 'firefox' ? page.evaluate(() => history.back()) : page.goBack());
  const page = await context.newPage();
  await page.goto(server.url('recorder/spa.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  await page.getByRole('link', { name: 'Report 42' }).click();
  await expect(page).toHaveTitle('Report 42 – Fixture');
  await api.waitForSteps(2);
  await page.getByRole('link', { name: 'Help' }).click();
  await api.waitForSteps(3);
  // Back, pressed by the user a moment later, is a navigation of its own (the pause is the
  // point of the test: a Back right after a click could be the click's own doing).
  await api.waitUntilLastActionIsOlderThan(CAUSED_WITHIN_MS['back-forward']);
  await back();
  await expect(page).toHaveTitle('Report 42 – Fixture');
  await api.waitForSteps(4);
  await back();
  await expect(page).toHaveTitle('Reports – Fixture');
  await expect.poll(() => api.sentences(guideId)).toEqual([
    'Go to "Reports – Fixture"',
    'Click "Report 42"',
    'Click "Help"',
    'Go to "Report 42 – Fixture"',
    'Go to "Reports – Fixture"',
  ]);
  await api.stop();
});

test('a page the user opens by address is a step; one opened by a link is not', async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/saved.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  await page.getByRole('link', { name: 'Add another' }).click();
  await page.waitForURL(/form\.html/);
  await api.waitForSteps(2);
  // The user types the next address a while after the click (sooner, it could be its effect).
  await api.waitUntilLastActionIsOlderThan(CAUSED_WITHIN_MS.load);
  await page.goto(server.url('recorder/results.html'));
  await api.waitForSteps(3);
  await api.stop();
  expect(await api.sentences(guideId)).toEqual([
    'Go to "Expense saved – Fixture"',
    'Click "Add another"',
    'Go to "Search results – Fixture"',
  ]);
});

test('follows a new tab and a popup window, and comes back to the first tab', async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/popup.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);

  const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: 'Open receipt' }).click()]);
  await api.waitForSteps(2);
  await tab.waitForLoadState();
  await tab.getByRole('button', { name: 'Approve receipt' }).click();
  await api.waitForSteps(3);
  await tab.close();

  await page.bringToFront();
  const [popup] = await Promise.all([context.waitForEvent('page'), page.getByRole('button', { name: 'Open calculator' }).click()]);
  await api.waitForSteps(4);
  await popup.waitForLoadState();
  await popup.getByRole('button', { name: 'Approve receipt' }).click();
  await api.waitForSteps(5);
  await popup.close();

  await page.bringToFront();
  await page.getByRole('button', { name: 'Back on the opener' }).click();
  await api.waitForSteps(6);
  expect(await api.status()).toMatchObject({ state: 'recording' });
  await api.stop();
  expect(await api.sentences(guideId)).toEqual([
    'Go to "Opener – Fixture"',
    'Click "Open receipt"',
    'Click "Approve receipt"',
    'Click "Open calculator"',
    'Click "Approve receipt"',
    'Click "Back on the opener"',
  ]);
});

test('pauses on a browser page with a notice and goes on when back on a normal page', async ({ browserWithExtension: { context, browserPageUrl }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/clicks.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  // Firefox's WebDriver BiDi reports no load for its own about: pages: the commit is enough.
  await page.goto(browserPageUrl, { waitUntil: 'commit' });
  await expect.poll(async () => (await api.status()).state).toBe('paused');
  expect((await api.status()).notice).toMatch(/can't record this page/);
  await page.goto(server.url('recorder/saved.html'));
  await expect.poll(async () => (await api.status()).state).toBe('recording');
  await api.waitForSteps(2);
  await page.getByRole('link', { name: 'Add another' }).click();
  await api.waitForSteps(3);
  await api.stop();
  expect(await api.sentences(guideId)).toEqual([
    'Go to "Clicks – Fixture"',
    'Go to "Expense saved – Fixture"',
    'Click "Add another"',
  ]);
});
