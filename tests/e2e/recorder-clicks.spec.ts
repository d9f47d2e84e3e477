/**
 * Clicks: each click on a control is exactly one step, named after the control (not the
 * <svg>/<span> clicked inside it), with a picture of the page as it was before the click.
 */
import { test, expect } from './fixtures';
import { capturesOf, watchCaptures } from '../support/captures';
import { CLICKS_DRAWER_YELLOW, countColour } from '../support/pixels';

test('records each kind of click as one step named after its control', async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/clicks.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);

  let count = 1;
  const step = async (action: () => Promise<unknown>) => {
    await action();
    await api.waitForSteps(++count);
  };
  await step(() => page.locator('#save svg').click());
  await step(() => page.getByRole('link', { name: 'View details' }).click());
  await step(() => page.locator('#trash svg').click());
  await step(() => page.locator('#print').click());
  await step(() => page.locator('#img-btn img').click());
  await step(() => page.getByRole('menuitem', { name: 'Duplicate' }).click());
  await step(() => page.getByRole('tab', { name: 'History' }).click());
  await step(() => page.getByRole('checkbox', { name: 'Notify manager' }).click());
  await step(() => page.getByRole('button', { name: 'Open drawer' }).click());
  await expect(page.getByText('Drawer opened')).toBeVisible();
  // A script's click and a disabled button are not steps; the real click after them is.
  await page.getByRole('button', { name: 'Fake clicker' }).click();
  await api.waitForSteps(++count);
  await page.getByRole('button', { name: 'Archived' }).click({ force: true });
  await step(() => page.getByRole('tab', { name: 'Summary' }).click());

  await api.stop();
  expect(await api.sentences(guideId)).toEqual([
    'Go to "Clicks – Fixture"',
    'Click "Save draft"',
    'Click "View details"',
    'Click "Delete report"',
    'Click "Print report"',
    'Click "Export"',
    'Click "Duplicate"',
    'Click "History"',
    'Check "Notify manager"',
    'Click "Open drawer"',
    'Click "Fake clicker"',
    'Click "Summary"',
  ]);
  const steps = await api.steps(guideId);
  for (const s of steps) {
    expect(s.imageId, s.text).toBeTruthy();
    expect(s.shot, s.text).not.toBe('none');
  }
  // Click steps keep where the user clicked and the control's box.
  const save = steps[1]!;
  expect(save.action?.point).toEqual({ x: expect.any(Number), y: expect.any(Number) });
  expect(save.action?.target?.box?.width).toBeGreaterThan(10);
  // The per-handler measures exist only in a bench build (WXT_BENCH=1): a page can read them.
  expect(await page.evaluate(() => performance.getEntriesByName('waymark:handler').length)).toBe(0);
  const image = await api.image(save.imageId!);
  expect(image).toMatchObject({ width: 1280, height: 800, type: 'image/jpeg' });
});

test("a click that opens a form at once keeps the picture from before the click", async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/clicks.html'));
  await watchCaptures(page);
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  // Wait until a pre-action frame of the quiet page exists, as it would for a person reading
  // it: the start step's own picture was one, or the page has been captured again since.
  await expect
    .poll(async () => (await api.steps(guideId))[0]?.shot === 'settled' || (await capturesOf(page)) >= 2, { timeout: 20_000 })
    .toBe(true);
  await page.getByRole('button', { name: 'Open drawer' }).click();
  await api.waitForSteps(2);
  await api.stop();
  const [, click] = await api.steps(guideId);
  expect(click!.text).toBe('Click "Open drawer"');
  expect(click!.shot).toBe('settled');
  // The drawer (a yellow block) must not be in the picture.
  const yellow = await countColour(api.page, click!.imageId!, CLICKS_DRAWER_YELLOW);
  expect(yellow).toBe(0);
});
