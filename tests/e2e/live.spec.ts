/** The editor shows steps while a recording is still adding them; the popup counts them. */
import { test, expect } from './fixtures';
import { EditorPage } from '../support/pages/editor';
import { PopupPage } from '../support/pages/popup';

test('the guide page updates live while recording', async ({ browserWithExtension: { context, extensionId }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('expenses/index.html'));
  const guideId = await api.startRecording(page);
  const editor = await EditorPage.open(context, extensionId, guideId);
  const popup = await PopupPage.open(context, extensionId);
  // The start page is step 1.
  await expect(editor.steps()).toHaveCount(1);
  await expect(editor.stepText(1)).toHaveValue('Go to "Expenses – Acme"');

  await page.bringToFront();
  await page.getByRole('button', { name: 'New report' }).click();
  await expect(editor.steps()).toHaveCount(2);
  await expect(editor.stepText(2)).toHaveValue('Click "New report"');
  await expect(popup.status()).toContainText('Recording');
  await expect(popup.status()).toContainText('2 steps');

  await page.bringToFront();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(editor.steps()).toHaveCount(3);
  await expect(popup.status()).toContainText('3 steps');

  await popup.button('Stop recording').click();
  await expect(popup.status()).toContainText('Not recording');
  const library = await EditorPage.open(context, extensionId);
  await expect(library.guideLinks()).toHaveText(['Expenses – Acme']);
});

test('the popup explains why a page cannot be recorded', async ({ browserWithExtension: { context, extensionId }, api }) => {
  // Opened as a tab, the popup's active tab is the extension page itself: a restricted page.
  const popup = await PopupPage.open(context, extensionId);
  await popup.button('Start recording').click();
  await expect(popup.alert()).toContainText("can't record on this page");
  expect(await api.status()).toMatchObject({ state: 'idle', stepCount: 0 });
  await expect(popup.button('Start recording')).toBeVisible();
});
