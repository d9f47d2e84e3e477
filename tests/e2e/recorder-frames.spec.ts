/**
 * Inside iframes (same- and cross-origin) and open shadow roots: the action is recorded in
 * the frame where it happened, named after the control there, in order with the rest.
 */
import { test, expect } from './fixtures';

test('records clicks and typing inside iframes and shadow roots', async ({ browserWithExtension: { context, browserName }, api, server }) => {
  // Firefox's WebDriver BiDi cannot act inside a cross-origin frame, with or without Waymark:
  // its click lands on the <iframe> element of the top page, and typed keys leave the field
  // empty. There the cross-origin actions are left out; the rest is the same.
  const crossOrigin = browserName !== 'firefox';
  const page = await context.newPage();
  await page.goto(server.url('recorder/frames.html'));
  const same = page.frameLocator('#same');
  const cross = page.frameLocator('#cross');
  await expect(cross.getByRole('button', { name: 'Reject expense' })).toBeVisible();
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);

  await same.getByRole('button', { name: 'Approve expense' }).click();
  await api.waitForSteps(2);
  if (crossOrigin) {
    await cross.getByRole('button', { name: 'Reject expense' }).click();
    await api.waitForSteps(3);
    await cross.getByLabel('Comment').pressSequentially('Missing receipt');
  }
  await page.getByRole('button', { name: 'Escalate' }).locator('span').click();
  await api.waitForSteps(crossOrigin ? 5 : 3);

  await api.stop();
  const steps = await api.steps(guideId);
  expect(steps.map((s) => s.text)).toEqual([
    'Go to "Frames – Fixture"',
    'Click "Approve expense"',
    ...(crossOrigin ? ['Click "Reject expense"', 'Type "Missing receipt" into Comment'] : []),
    'Click "Escalate"',
  ]);
  expect(steps[1]!.action?.target?.framePath).toEqual([0]);
  if (crossOrigin) expect(steps[2]!.action?.target?.framePath).toEqual([1]);
  // A same-origin frame's control is placed on the page: inside the frame's box.
  const box = steps[1]!.action!.target!.box!;
  const frameBox = (await page.locator('#same').boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(frameBox.x);
  expect(box.y).toBeGreaterThanOrEqual(frameBox.y);
  for (const s of steps) expect(s.imageId, s.text).toBeTruthy();
});
