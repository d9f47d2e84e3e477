/**
 * Inside iframes (same- and cross-origin) and open shadow roots: the action is recorded in
 * the frame where it happened, named after the control there, in order with the rest.
 */
import { test, expect } from './fixtures';
import { ONE_PROCESS_FRAMES } from '../support/firefox';

// Firefox: the cross-origin frame shares the page's process, so WebDriver BiDi can act in it.
test.use({ firefoxPrefs: ONE_PROCESS_FRAMES });

test('records clicks and typing inside iframes and shadow roots', async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/frames.html'));
  const same = page.frameLocator('#same');
  const cross = page.frameLocator('#cross');
  await expect(cross.getByRole('button', { name: 'Reject expense' })).toBeVisible();
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);

  await same.getByRole('button', { name: 'Approve expense' }).click();
  await api.waitForSteps(2);
  await cross.getByRole('button', { name: 'Reject expense' }).click();
  await api.waitForSteps(3);
  await cross.getByLabel('Comment').pressSequentially('Missing receipt');
  await page.getByRole('button', { name: 'Escalate' }).locator('span').click();
  await api.waitForSteps(5);

  await api.stop();
  const steps = await api.steps(guideId);
  expect(steps.map((s) => s.text)).toEqual([
    'Go to "Frames – Fixture"',
    'Click "Approve expense"',
    'Click "Reject expense"',
    'Type "Missing receipt" into Comment',
    'Click "Escalate"',
  ]);
  expect(steps[1]!.action?.target?.framePath).toEqual([0]);
  expect(steps[2]!.action?.target?.framePath).toEqual([1]);
  // A same-origin frame's control is placed on the page: inside the frame's box.
  const box = steps[1]!.action!.target!.box!;
  const frameBox = (await page.locator('#same').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(frameBox.x);
  expect(box.y).toBeGreaterThanOrEqual(frameBox.y);
  for (const s of steps) expect(s.imageId, s.text).toBeTruthy();
});
