/**
 * Field edits: one step per field, made when the field is left or the form submitted — never
 * one per key; the final choice of a <select>; checkboxes and radio groups; Enter to submit.
 */
import { test, expect, skipIn } from './fixtures';

test('records one step per field edit, named from its label, secrets masked', async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/form.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);

  await page.getByLabel('Merchant').pressSequentially('Blue Bottle Coffee');
  await page.getByLabel('Amount').click();
  await api.waitForSteps(2);
  await page.getByLabel('Amount').fill('12.50');
  await page.getByRole('textbox', { name: 'Notes' }).pressSequentially('Team coffee');
  await page.getByRole('textbox', { name: 'Description' }).pressSequentially('Offsite');
  await page.getByPlaceholder('Reference number').pressSequentially('R-7');
  await page.getByLabel('Card PIN').pressSequentially('4321');
  // The keyboard walks a <select> through several options: one step, the final choice.
  await page.getByLabel('Category').focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.getByLabel('Billable to client').check();
  await page.getByLabel('Corporate card').check();
  // Clicking the label of the other radio is one step too.
  await page.getByText('Cash', { exact: true }).click();
  await api.waitForSteps(11);
  // A value set by script is not the user typing.
  await page.getByRole('button', { name: 'Fill by script' }).click();
  await api.waitForSteps(12);
  await page.getByRole('button', { name: 'Save expense' }).click();
  await page.waitForURL(/saved\.html/);
  await api.waitForSteps(13);

  await api.stop();
  expect(await api.sentences(guideId)).toEqual([
    'Go to "New expense – Fixture"',
    'Type "Blue Bottle Coffee" into Merchant',
    'Type "12.50" into Amount',
    'Type "Team coffee" into Notes',
    'Type "Offsite" into Description',
    'Type "R-7" into Reference number',
    'Type •••• into Card PIN',
    'Select "Travel" in Category',
    'Check "Billable to client"',
    'Choose "Corporate card" (Payment method)',
    'Choose "Cash" (Payment method)',
    'Click "Fill by script"',
    'Click "Save expense"',
  ]);
});

test('Enter in a search box is one step, and the results page it opens is not another', async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/form.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  await page.getByRole('searchbox', { name: 'Search expenses' }).pressSequentially('taxi');
  await page.keyboard.press('Enter');
  await page.waitForURL(/results\.html/);
  await api.waitForSteps(3);
  await page.getByRole('button', { name: 'Open first result' }).click();
  await api.waitForSteps(4);
  await page.keyboard.press('Escape');
  await api.waitForSteps(5);
  await page.keyboard.press('Control+k');
  await api.waitForSteps(6);
  await api.stop();
  expect(await api.sentences(guideId)).toEqual([
    'Go to "New expense – Fixture"',
    'Type "taxi" into Search expenses',
    'Press Enter in "Search expenses"',
    'Click "Open first result"',
    'Press Escape',
    'Press Ctrl+K',
  ]);
});

test('an edit still open when recording stops is saved', async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/form.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  await page.getByLabel('Merchant').pressSequentially('Lyft');
  const stopped = await api.stop();
  expect(stopped.stepCount).toBe(2);
  expect(await api.sentences(guideId)).toEqual(['Go to "New expense – Fixture"', 'Type "Lyft" into Merchant']);
});

test('an edit still open when recording pauses is saved; what is typed while paused is not', async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/form.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  await page.getByLabel('Merchant').pressSequentially('Lyft');
  await api.send({ type: 'recording.pause' });
  expect(await api.status()).toMatchObject({ state: 'paused', stepCount: 2 });
  await page.getByLabel('Amount').pressSequentially('9');
  await page.getByLabel('Merchant').pressSequentially(' Pink');
  expect((await api.stop()).stepCount).toBe(2);
  expect(await api.sentences(guideId)).toEqual(['Go to "New expense – Fixture"', 'Type "Lyft" into Merchant']);
  // Nothing of the recording is left waiting in the outbox.
  const stored = await api.page.evaluate(() => chrome.storage.local.get(null));
  expect(Object.keys(stored).filter((key) => key.startsWith('waymark.outbox.'))).toEqual([]);
});
