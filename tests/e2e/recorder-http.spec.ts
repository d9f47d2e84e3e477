/**
 * Internal tools on plain http under a host name that is not localhost: an insecure context,
 * where `crypto.randomUUID` does not exist. Every action is recorded there as anywhere else.
 * `intranet.test` resolves to the fixture server (tests/support/chromium.ts, firefox.ts).
 */
import { test, expect } from './fixtures';

test('records every action on an http intranet page (insecure context)', async ({ browserWithExtension: { context }, api, server }) => {
  const page = await context.newPage();
  const url = server.url('recorder/form.html').replace('127.0.0.1', 'intranet.test');
  await page.goto(url);
  expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  await page.getByLabel('Merchant').pressSequentially('Blue Bottle');
  await page.getByLabel('Billable to client').check();
  await page.getByLabel('Corporate card').check();
  await page.getByRole('button', { name: 'Save expense' }).click();
  await api.waitForSteps(5);
  await api.stop();
  expect(await api.sentences(guideId)).toEqual([
    'Go to "New expense – Fixture"',
    'Type "Blue Bottle" into Merchant',
    'Check "Billable to client"',
    'Choose "Corporate card" (Payment method)',
    'Click "Save expense"',
  ]);
});
