/**
 * Screenshot tools: shapes are added, moved and resized by mouse and keyboard, labelled,
 * deleted; crop and click marker are edited. All stored as data on the step.
 */
import { test, expect } from './fixtures';
import { EditorPage } from '../support/pages/editor';
import type { ActionStep } from '../../lib/steps/types';

test('annotates a screenshot by mouse and keyboard, stored as data on the step', async ({
  browserWithExtension: { context, extensionId },
}) => {
  const editor = await EditorPage.open(context, extensionId);
  const [guideId] = await editor.seed([{ title: 'Expenses', steps: [{ text: 'Click "New report"' }] }]);
  await editor.goto(guideId);
  const ui = editor.page;
  const stored = async () => (await editor.stored(guideId!)).steps[0] as ActionStep;
  const shot = editor.screenshotOf('Step 1');
  await expect(shot).toBeVisible();

  await editor.button('Add highlight to Step 1').click();
  const highlight = editor.button('Highlight 1 on Step 1');
  await expect(highlight).toBeVisible();
  const start = (await stored()).annotations![0]!;
  expect(start.kind).toBe('highlight');

  // Drag the box by a tenth of the picture's width.
  const frame = (await shot.boundingBox())!;
  const box = (await highlight.boundingBox())!;
  await ui.mouse.move(box.x + box.width / 2, box.y + 3);
  await ui.mouse.down();
  await ui.mouse.move(box.x + box.width / 2 + frame.width / 10, box.y + 3, { steps: 5 });
  await ui.mouse.up();
  await expect.poll(async () => {
    const a = (await stored()).annotations![0]!;
    return a.kind === 'highlight' && start.kind === 'highlight' ? Number((a.box.x - start.box.x).toFixed(2)) : NaN;
  }).toBe(0.1);

  // Keyboard: Shift+Right widens the box, Delete removes it.
  await highlight.focus();
  await ui.keyboard.press('Shift+ArrowRight');
  await expect.poll(async () => {
    const a = (await stored()).annotations![0]!;
    return a.kind === 'highlight' && start.kind === 'highlight' ? Number((a.box.width - start.box.width).toFixed(2)) : NaN;
  }).toBe(0.01);
  await ui.keyboard.press('Delete');
  await expect(highlight).toHaveCount(0);
  await expect.poll(async () => (await stored()).annotations).toEqual([]);

  await editor.button('Add arrow to Step 1').click();
  await editor.button('Add label to Step 1').click();
  await ui.getByRole('textbox', { name: 'Label text on Step 1' }).fill('Start here');
  await ui.getByRole('textbox', { name: 'Label text on Step 1' }).blur();
  await expect(shot.locator('text')).toHaveText('Start here');
  await editor.button('Add blur box to Step 1').click();
  await expect.poll(async () => (await stored()).annotations!.map((a) => a.kind)).toEqual(['arrow', 'label', 'blur']);
  expect((await stored()).annotations!.find((a) => a.kind === 'label')).toMatchObject({ text: 'Start here' });
  // The blur box shows a blurred copy of the picture inside it.
  await expect(shot.locator('image[filter]')).toHaveCount(1);

  await editor.button('Crop Step 1').click();
  await expect.poll(async () => (await stored()).crop).toEqual({ x: 0.1, y: 0.1, width: 0.8, height: 0.8 });
  await editor.button('Crop area on Step 1').focus();
  await ui.keyboard.press('ArrowDown');
  await expect.poll(async () => (await stored()).crop?.y).toBeCloseTo(0.11, 5);
  await editor.button('Remove crop from Step 1').click();
  await expect.poll(async () => (await stored()).crop).toBeUndefined();

  // The click marker: moved by keyboard, then hidden.
  await editor.button('Click marker on Step 1').focus();
  await ui.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await stored()).marker?.at?.x).toBeCloseTo(0.49, 5);
  await editor.button('Hide click marker on Step 1').click();
  await expect(editor.button('Click marker on Step 1')).toHaveCount(0);
  expect((await stored()).marker?.hidden).toBe(true);

  // Undo shows the marker again.
  await editor.button('Undo').click();
  await expect(editor.button('Click marker on Step 1')).toBeVisible();
});

test('draws shapes by dragging on the picture', async ({ browserWithExtension: { context, extensionId } }) => {
  const editor = await EditorPage.open(context, extensionId);
  const [guideId] = await editor.seed([{ title: 'Expenses', steps: [{ text: 'Click "New report"' }] }]);
  await editor.goto(guideId);
  const ui = editor.page;
  const shot = editor.screenshotOf('Step 1');
  await expect(shot).toBeVisible();
  type At = readonly [number, number];
  const at = (x: number, y: number): At => [x, y];
  // Measured at each use: clicking a tool below the picture may scroll the page.
  async function onScreen([x, y]: At): Promise<At> {
    const frame = (await shot.boundingBox())!;
    return [frame.x + frame.width * x, frame.y + frame.height * y];
  }
  async function drag(from: At, to: At) {
    await ui.mouse.move(...(await onScreen(from)));
    await ui.mouse.down();
    await ui.mouse.move(...(await onScreen(to)), { steps: 6 });
    await ui.mouse.up();
  }
  const annotations = async () => ((await editor.stored(guideId!)).steps[0] as ActionStep).annotations ?? [];

  await drag(at(0.1, 0.1), at(0.4, 0.3));
  await expect(editor.button('Highlight 1 on Step 1')).toBeVisible();
  const [box] = await annotations();
  expect(box?.kind).toBe('highlight');
  if (box?.kind !== 'highlight') return;
  expect([box.box.x, box.box.y, box.box.width, box.box.height].map((v) => Number(v.toFixed(2)))).toEqual([0.1, 0.1, 0.3, 0.2]);

  // Choosing Blur makes the next drag draw a blur box.
  await editor.button('Add blur box to Step 1').click();
  await drag(at(0.6, 0.6), at(0.9, 0.9));
  await expect.poll(async () => (await annotations()).map((a) => a.kind)).toEqual(['highlight', 'blur', 'blur']);
  // A click without a drag draws nothing.
  await ui.mouse.click(...(await onScreen(at(0.05, 0.9))));
  await expect.poll(async () => (await annotations()).length).toBe(3);
});
