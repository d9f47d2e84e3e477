/**
 * Inside iframes (same- and cross-origin) and open shadow roots: the action is recorded in
 * the frame where it happened, named after the control there, in order with the rest.
 */
import { test, expect } from './fixtures';
import { handsOn } from '../support/os-input';

// Firefox as users run it, Fission on: the cross-origin frame has a process of its own, where
// WebDriver BiDi's input never arrives; a window on a virtual display gets real OS input instead.
test.use({ osInput: true });

test('records clicks and typing inside iframes and shadow roots', async ({ browserWithExtension: { context, browserName }, api, server, display }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/frames.html'));
  const same = page.frameLocator('#same');
  const cross = page.frameLocator('#cross');
  await expect(cross.getByRole('button', { name: 'Reject expense' })).toBeVisible();
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  // A person's press (100 ms) and keys (80 ms apart): Playwright's in Chromium, the OS's in Firefox.
  const { click, type } = handsOn(page, browserName === 'firefox' ? await display() : undefined);

  await click(same.getByRole('button', { name: 'Approve expense' }));
  await api.waitForSteps(2);
  await click(cross.getByRole('button', { name: 'Reject expense' }));
  await api.waitForSteps(3);
  await type(cross.getByLabel('Comment'), 'Missing receipt');
  await click(page.getByRole('button', { name: 'Escalate' }).locator('span'));
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
