/**
 * The whole loop: record three clicks (one navigates) through the message API, stop, open
 * the guide in the editor, export HTML, and read the file as a new hire would.
 */
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { EditorPage } from '../support/pages/editor';

test('records clicks, shows them in the editor and exports them as one HTML file', async ({
  browserWithExtension: { context, extensionId },
  api,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('expenses/index.html'));
  const guideId = await api.startRecording(page);
  // The page recording starts on is the first step.
  await api.waitForSteps(1);

  await page.getByRole('button', { name: 'New report' }).locator('span').click();
  await api.waitForSteps(2);
  await page.getByRole('button', { name: 'Settings' }).click();
  await api.waitForSteps(3);
  await page.getByRole('link', { name: 'Submit for approval' }).click();
  await page.waitForURL(/report\.html/);
  await api.waitForSteps(4);
  await page.getByRole('button', { name: 'Back to reports' }).click();
  await api.waitForSteps(5);

  const stopped = await api.stop();
  expect(stopped).toEqual({ guideId, stepCount: 5 });
  expect(await api.status()).toMatchObject({ state: 'idle', stepCount: 5 });

  const editor = await EditorPage.open(context, extensionId, guideId);
  await expect(editor.steps()).toHaveCount(5);
  await expect(editor.steps().nth(0)).toContainText('Go to "Expenses – Acme"');
  await expect(editor.steps().nth(1)).toContainText('Click "New report"');
  await expect(editor.steps().nth(1).getByRole('img')).toBeVisible();

  const { download, path } = await editor.export('HTML');
  expect(download.suggestedFilename()).toBe('Expenses – Acme.html');
  const html = await readFile(path, 'utf8');

  // Read the export offline, as a new hire would.
  const reader = await context.newPage();
  await reader.setContent(html);
  const items = reader.locator('ol > li');
  await expect(items).toHaveCount(5);
  expect(await items.locator('.sentence').allTextContents()).toEqual([
    '1Go to "Expenses – Acme"',
    '2Click "New report"',
    '3Click "Settings"',
    '4Click "Submit for approval"',
    '5Click "Back to reports"',
  ]);
  for (const img of await items.locator('img').all()) {
    expect(await img.getAttribute('src')).toMatch(/^data:image\/(jpeg|webp|png);base64,/);
    expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(100);
  }
});

test('refuses to record a browser page, with a clear message and nothing saved', async ({
  browserWithExtension: { context, browserPageUrl },
  api,
}) => {
  const page = await context.newPage();
  // Firefox reports no load event for its own pages: the commit is enough here.
  await page.goto(browserPageUrl, { waitUntil: 'commit' });
  await page.bringToFront();
  const reply = await api.send<{ error?: string }>({ type: 'recording.start', tabId: await api.tabIdOf(page) });
  expect(reply.error).toMatch(/can't record on this page/);
  expect(await api.status()).toMatchObject({ state: 'idle', stepCount: 0 });
});
