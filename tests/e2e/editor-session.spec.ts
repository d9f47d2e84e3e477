/**
 * The trainer's session, through the UI by accessible names: record four clicks, then
 * rename, edit a sentence, reorder, delete, annotate, blur, undo twice, redo once, reload,
 * and export: the file shows exactly that state.
 */
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { EditorPage } from '../support/pages/editor';

test('a trainer edits a recorded guide, undoes and redoes, reloads, and exports that state', async ({
  browserWithExtension: { context, extensionId },
  api,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('expenses/index.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1); // the start page: Go to "Expenses – Acme"
  await page.getByRole('button', { name: 'New report' }).click();
  await api.waitForSteps(2);
  await page.getByRole('button', { name: 'Settings' }).click();
  await api.waitForSteps(3);
  await page.getByRole('link', { name: 'Submit for approval' }).click();
  await page.waitForURL(/report\.html/);
  await api.waitForSteps(4);
  await page.getByRole('button', { name: 'Back to reports' }).click();
  await api.waitForSteps(5);
  await api.stop();

  const editor = await EditorPage.open(context, extensionId, guideId);
  const ui = editor.page;
  await expect(editor.steps()).toHaveCount(5);

  // Rename and edit a sentence: saved without a Save button.
  await editor.title().fill('File an expense report');
  await editor.stepText(3).fill('Open the settings');
  await editor.stepText(3).blur();
  // Reorder: step 4 goes up; delete the last step.
  await editor.button('Move step 4 up').click();
  await expect(editor.stepText(3)).toHaveValue('Click "Submit for approval"');
  await editor.button('Delete step 5').click();
  await expect(editor.steps()).toHaveCount(4);
  // Annotate and blur step 2.
  await editor.button('Add highlight to Step 2').click();
  await expect(editor.button('Highlight 1 on Step 2')).toBeVisible();
  await editor.button('Add blur box to Step 2').click();
  await expect(editor.button('Blur box 1 on Step 2')).toBeVisible();

  // Undo twice (blur, then highlight go), redo once (highlight is back).
  await editor.button('Undo').click();
  await expect(editor.button('Blur box 1 on Step 2')).toHaveCount(0);
  await editor.button('Undo').click();
  await expect(editor.button('Highlight 1 on Step 2')).toHaveCount(0);
  await editor.button('Redo').click();
  await expect(editor.button('Highlight 1 on Step 2')).toBeVisible();

  await ui.reload();
  await expect(editor.title()).toHaveValue('File an expense report');
  await expect(editor.heading()).toHaveText('File an expense report');
  await expect(editor.steps()).toHaveCount(4);
  await expect
    .poll(() => editor.stepTexts())
    .toEqual(['Go to "Expenses – Acme"', 'Click "New report"', 'Click "Submit for approval"', 'Open the settings']);
  await expect(editor.button('Highlight 1 on Step 2')).toBeVisible();
  await expect(editor.button('Blur box 1 on Step 2')).toHaveCount(0);

  const { download, path } = await editor.export('HTML');
  expect(download.suggestedFilename()).toBe('File an expense report.html');
  const reader = await context.newPage();
  await reader.setContent(await readFile(path, 'utf8'));
  expect(await reader.locator('ol > li .sentence').allTextContents()).toEqual([
    '1Go to "Expenses – Acme"',
    '2Click "New report"',
    '3Click "Submit for approval"',
    '4Open the settings',
  ]);
});
