/** The guide library: empty state, list with counts and thumbnails, search, rename, duplicate, delete + undo. */
import { test, expect } from './fixtures';
import { EditorPage } from '../support/pages/editor';

test('a first-time user is told how to record', async ({ browserWithExtension: { context, extensionId } }) => {
  const editor = await EditorPage.open(context, extensionId);
  await expect(editor.heading()).toHaveText('Your guides');
  await expect(editor.page.getByText('No guides yet')).toBeVisible();
  await expect(editor.page.getByText(/press Start recording/)).toBeVisible();
});

test('lists guides last changed first with step counts and thumbnails; search, rename, duplicate, delete and undo', async ({
  browserWithExtension: { context, extensionId },
}) => {
  const editor = await EditorPage.open(context, extensionId);
  const ui = editor.page;
  await editor.seed([
    { title: 'Approve an invoice', steps: [{ text: 'Click "Invoices"' }, { text: 'Click "Approve"' }] },
    { title: 'Book a meeting room', steps: [{ text: 'Click "Rooms"' }, { text: 'Click "Book"' }, { text: 'Click "Confirm"' }] },
  ]);
  await expect(editor.guideLinks()).toHaveText(['Book a meeting room', 'Approve an invoice']);
  const cards = ui.getByRole('list', { name: 'Guides' }).getByRole('listitem');
  await expect(cards.nth(0)).toContainText('3 steps');
  await expect(cards.nth(1)).toContainText('2 steps');
  await expect(cards.nth(0).locator('img')).toHaveJSProperty('complete', true);
  expect(await cards.nth(0).locator('img').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(640);

  // Search looks into the steps' sentences too.
  await ui.getByRole('searchbox', { name: 'Search guides' }).fill('approve');
  await expect(editor.guideLinks()).toHaveText(['Approve an invoice']);
  await ui.getByRole('searchbox', { name: 'Search guides' }).fill('confirm');
  await expect(editor.guideLinks()).toHaveText(['Book a meeting room']);
  await ui.getByRole('searchbox', { name: 'Search guides' }).fill('');

  await editor.button('Rename Approve an invoice').click();
  await ui.getByRole('textbox', { name: 'New title for Approve an invoice' }).fill('Approve a supplier invoice');
  await ui.keyboard.press('Enter');
  // Renamed is changed last, so it comes first.
  await expect(editor.guideLinks()).toHaveText(['Approve a supplier invoice', 'Book a meeting room']);

  await editor.button('Duplicate Book a meeting room').click();
  await expect(editor.guideLinks()).toHaveText(['Book a meeting room (copy)', 'Approve a supplier invoice', 'Book a meeting room']);
  await expect(cards.nth(0)).toContainText('3 steps');

  await editor.button('Delete Book a meeting room', ).click();
  await expect(editor.guideLinks()).toHaveText(['Book a meeting room (copy)', 'Approve a supplier invoice']);
  await expect(ui.getByText('Deleted “Book a meeting room”')).toBeVisible();
  await editor.button('Restore Book a meeting room').click();
  await expect(editor.guideLinks()).toContainText(['Book a meeting room']);
  await expect(editor.guideLinks()).toHaveCount(3);

  // The restored guide has its steps and screenshots back.
  await ui.getByRole('link', { name: 'Book a meeting room', exact: true }).click();
  await expect(editor.steps()).toHaveCount(3);
  await expect(editor.screenshotOf('Step 1').getByRole('img')).toBeVisible();
});

test('every guide is listed again right after going back from a guide page', async ({ browserWithExtension: { context, extensionId } }) => {
  const editor = await EditorPage.open(context, extensionId);
  const ui = editor.page;
  await editor.seed([{ title: 'Approve an invoice', steps: [{ text: 'Click "Invoices"' }] }]);
  await expect(editor.guideLinks()).toHaveText(['Approve an invoice']);
  // Written by the library itself while it is shown, then opened and left at once: the library
  // reads again what it read 3 s before (Dexie keeps a live query's result that long).
  await editor.button('Duplicate Approve an invoice').click();
  await expect(editor.guideLinks()).toHaveText(['Approve an invoice (copy)', 'Approve an invoice']);
  await ui.getByRole('link', { name: 'Approve an invoice (copy)' }).click();
  await expect(ui.getByRole('toolbar', { name: 'Export' })).toBeVisible();
  await ui.getByRole('link', { name: 'All guides' }).click();
  await expect(editor.guideLinks()).toHaveText(['Approve an invoice (copy)', 'Approve an invoice']);
  await ui.getByRole('link', { name: 'Approve an invoice', exact: true }).click();
  await expect(ui.getByRole('toolbar', { name: 'Export' })).toBeVisible();
  await ui.goto(ui.url().replace(/#.*$/, '#/'), { waitUntil: 'commit' });
  await expect(editor.guideLinks()).toHaveText(['Approve an invoice (copy)', 'Approve an invoice']);
});
