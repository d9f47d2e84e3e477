/**
 * Bad input and large guides: hostile page text stays text, long or empty sentences and
 * missing or unreadable screenshots are shown sensibly, steps appear live while recording,
 * and a 500-step guide keeps only the steps on screen in the page.
 */
import { test, expect } from './fixtures';
import { EditorPage } from '../support/pages/editor';

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';

test('page text from a hostile page is shown as text and runs nothing', async ({ browserWithExtension: { context, extensionId } }) => {
  const editor = await EditorPage.open(context, extensionId);
  const [guideId] = await editor.seed([{ title: HOSTILE, steps: [{ text: HOSTILE, pageTitle: HOSTILE }] }]);
  await expect(editor.guideLinks()).toHaveText([HOSTILE]);
  await editor.goto(guideId);
  await expect(editor.title()).toHaveValue(HOSTILE);
  await expect(editor.stepText(1)).toHaveValue(HOSTILE);
  // No intro is made up from the page (issue 13): the empty box invites the trainer to write one.
  await expect(editor.page.getByRole('textbox', { name: 'Guide introduction' })).toHaveValue('');
  expect(await editor.page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(editor.page.locator('img[src="x"], script:not([src])')).toHaveCount(0);
});

test('long and empty sentences, missing and unreadable screenshots are shown sensibly', async ({
  browserWithExtension: { context, extensionId },
}) => {
  const editor = await EditorPage.open(context, extensionId);
  const long = 'Click the button labelled '.repeat(200).trim();
  const [guideId] = await editor.seed([{
    title: 'Odd steps',
    steps: [{ text: long }, { text: '' }, { text: 'Missing', missingImage: true }, { text: 'Broken', brokenImage: true }],
  }]);
  await editor.goto(guideId);
  await expect(editor.stepText(1)).toHaveValue(long);
  // The long sentence wraps: nothing overflows the page sideways.
  expect(await editor.page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
  await expect(editor.stepText(2)).toHaveAttribute('placeholder', 'What to do in this step');
  await expect(editor.page.getByRole('article', { name: 'Step 3' })).toContainText('No screenshot for this step.');
  await expect(editor.page.getByRole('article', { name: 'Step 4' })).toContainText('This screenshot could not be read.');
  // Broken pictures can still be replaced or hidden, not annotated.
  await expect(editor.button('Replace screenshot of Step 4')).toBeVisible();
  await expect(editor.button('Add highlight to Step 4')).toHaveCount(0);
});

test('steps appear in the open editor while they are recorded', async ({ browserWithExtension: { context, extensionId }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('expenses/index.html'));
  const guideId = await api.startRecording(page);
  const editor = await EditorPage.open(context, extensionId, guideId);
  await expect(editor.page.getByText('Recording… new steps appear here')).toBeVisible();
  await page.bringToFront();
  // Step 1 is the start page ("Go to …"), saved as recording begins.
  await api.waitForSteps(1);
  await expect(editor.steps()).toHaveCount(1);
  await page.getByRole('button', { name: 'New report' }).click();
  await api.waitForSteps(2);
  await expect(editor.steps()).toHaveCount(2);
  await page.getByRole('button', { name: 'Settings' }).click();
  await api.waitForSteps(3);
  await expect(editor.stepText(3)).toHaveValue('Click "Settings"');
  await api.stop();
  await expect(editor.page.getByText('Recording… new steps appear here')).toHaveCount(0);
});

test('a 500-step guide shows its first steps and keeps only the visible ones in the page', async ({
  browserWithExtension: { context, extensionId },
}) => {
  const editor = await EditorPage.open(context, extensionId);
  const steps = Array.from({ length: 500 }, (_, i) => ({ text: `Click "Button ${i + 1}"`, image: i < 10 }));
  const [guideId] = await editor.seed([{ title: 'Long guide', steps }]);
  await editor.goto(guideId);
  await expect(editor.stepText(1)).toHaveValue('Click "Button 1"');
  expect(await editor.steps().count()).toBeLessThan(20);
  await editor.page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(editor.stepText(500)).toHaveValue('Click "Button 500"');
  expect(await editor.steps().count()).toBeLessThan(20);
});
