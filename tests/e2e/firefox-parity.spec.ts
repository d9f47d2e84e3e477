/**
 * What the Firefox port must not lose, checked in both browsers: a recording's pictures, the
 * PDF export saved under the guide's name through an `<a download>` from the editor, and the
 * recording state read back from storage.session (Firefox's event page, like Chrome's service
 * worker, keeps nothing in memory that matters).
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { test, expect } from './fixtures';
import { EditorPage } from '../support/pages/editor';
import { FAST_SUSPEND, lifetime, stopBackground } from '../support/background';

const run = promisify(execFile);

test('records on a page and exports a PDF named after the guide, with every sentence in it', async ({
  browserWithExtension: { context, extensionId },
  api,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('expenses/index.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1); // the start page
  await page.getByRole('button', { name: 'New report' }).click();
  await api.waitForSteps(2);
  await page.getByRole('button', { name: 'Settings' }).click();
  await api.waitForSteps(3);
  expect(await api.stop()).toEqual({ guideId, stepCount: 3 });

  const editor = await EditorPage.open(context, extensionId, guideId);
  await expect(editor.steps()).toHaveCount(3);
  for (const step of await editor.steps().all()) {
    const picture = step.getByRole('img');
    await expect(picture).toBeVisible();
    // The editor draws the screenshot in an SVG (with its annotations): it must be decoded and laid out.
    const decoded = await picture.evaluate(async (el) => {
      const href = el instanceof SVGImageElement ? el.href.baseVal : (el as HTMLImageElement).src;
      const img = new Image();
      img.src = href;
      await img.decode();
      return img.naturalWidth;
    });
    expect(decoded).toBeGreaterThan(100);
    expect((await picture.boundingBox())?.width).toBeGreaterThan(100);
  }

  const { download, path } = await editor.export('PDF');
  expect(download.suggestedFilename()).toBe('Expenses – Acme.pdf');
  const bytes = await readFile(path);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const { stdout: text } = await run('pdftotext', ['-layout', path, '-']);
  expect(text).toContain('Click "New report"');
  expect(text).toContain('Click "Settings"');
});

test.describe('a background stopped by the browser', () => {
  test.use(FAST_SUSPEND);

  test('finds the recording in storage.session when it starts again', async ({ browserWithExtension, api, server }) => {
    const page = await browserWithExtension.context.newPage();
    await page.goto(server.url('expenses/index.html'));
    const guideId = await api.startRecording(page);
    await api.waitForSteps(1);
    const since = Date.now();
    const restarted = await stopBackground(browserWithExtension, api, page);
    // Asking wakes a new background, which answers from storage.session alone.
    expect(await restarted.status()).toMatchObject({ state: 'recording', guideId, stepCount: 1 });
    expect((await lifetime(restarted))!.startedAt, 'a new background answered').toBeGreaterThan(since);
    await restarted.stop();
    expect(await restarted.status()).toMatchObject({ state: 'idle', guideId, stepCount: 1 });
  });
});

test('opens, reloads and closes extension pages like any other tab', async ({
  browserWithExtension: { context, extensionId },
  api,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('expenses/index.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1); // the start page
  await page.getByRole('button', { name: 'New report' }).click();
  await api.waitForSteps(2);
  await api.stop();

  const editor = await EditorPage.open(context, extensionId, guideId);
  await expect(editor.steps()).toHaveCount(2);
  await editor.page.reload();
  await expect(editor.stepText(2)).toHaveValue('Click "New report"');
  await editor.page.close();
  expect(context.pages()).not.toContain(editor.page);
});
