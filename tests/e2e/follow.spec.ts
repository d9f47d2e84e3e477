/**
 * Every guide can be followed from its words alone (issue 18). Each test records a task with
 * Waymark, exports it as HTML through the editor, then hands the file, and nothing else, to
 * the follower (tests/support/follower.ts): a clean browser without the extension that does
 * each step by finding the named control. Every step must be followed, in both browsers.
 */
import { copyFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { test, expect } from './fixtures';
import { exportFile } from './export-helpers';
import type { BrowserName } from '../support/extension';
import { EditorPage } from '../support/pages/editor';
import type { ExtensionApi } from '../support/pages/extension-api';
import { followGuide } from '../support/follower';
import { ONE_PROCESS_FRAMES } from '../support/firefox';

// Each test records, exports and then starts a second, clean browser: more than one spec's time.
test.describe.configure({ timeout: 180_000 });

/** Does one user action and waits until the recording has saved `more` more steps. */
function stepper(api: ExtensionApi, start = 1) {
  let count = start;
  return async (action: () => Promise<unknown>, more = 1) => {
    await action();
    count += more;
    await api.waitForSteps(count);
    if (process.env.WAYMARK_FOLLOW_LOG) console.log(`recorded ${new Date().toISOString()} ${count}`);
  };
}

/** Stops, exports the guide as HTML from the editor, and follows it in a clean browser. */
async function exportAndFollow(api: ExtensionApi, page: Page, guideId: string, browserName: BrowserName) {
  const log = (what: string) => process.env.WAYMARK_FOLLOW_LOG && console.log(`${what} ${new Date().toISOString()}`);
  log('stop');
  await api.stop();
  const sentences = await api.sentences(guideId);
  const { page: editor } = await EditorPage.open(page.context(), api.extensionId, guideId);
  await editor.getByRole('toolbar', { name: 'Export' }).waitFor();
  log('export');
  const { path } = await exportFile(editor, 'HTML');
  // Saved as the reader would save it: a .html file (the download's own name has no extension).
  const file = join(tmpdir(), `waymark-follow-${Date.now()}.html`);
  await copyFile(path, file);
  log('follow');
  const report = await followGuide(file, { browserName });
  log('followed');
  expect(report.steps.map((s) => s.sentence)).toEqual(sentences);
  expect(report.failure, JSON.stringify(report, null, 1)).toBeUndefined();
  expect(report.followed).toBe(report.steps.length);
  return report;
}

test('fields, a select, toggles and keys: the guide can be followed to the end', async ({ browserWithExtension: { context, browserName }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/form.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  const step = stepper(api);
  // A field's edit is saved when the next one begins: each wait counts the steps saved by then.
  await page.getByLabel('Merchant').pressSequentially('Blue Bottle');
  await step(() => page.getByRole('textbox', { name: 'Notes' }).pressSequentially('Team coffee'));
  await page.getByRole('textbox', { name: 'Description' }).pressSequentially('Offsite');
  await step(() => page.getByPlaceholder('Reference number').pressSequentially('R-7'), 2);
  await page.getByLabel('Card PIN').pressSequentially('4321');
  await step(() => page.getByLabel('Category').focus(), 2);
  await page.keyboard.press('ArrowDown');
  await step(() => page.getByLabel('Billable to client').check(), 2);
  await step(() => page.getByLabel('Corporate card').check());
  await step(() => page.getByText('Cash', { exact: true }).click());
  await page.getByRole('searchbox', { name: 'Search expenses' }).pressSequentially('taxi');
  await step(() => page.keyboard.press('Enter'), 2);
  await page.waitForURL(/results\.html/);
  await step(() => page.getByRole('button', { name: 'Open first result' }).click());
  await step(() => page.keyboard.press('Escape'));
  await step(() => page.keyboard.press('Control+k'));
  expect(await api.sentences(guideId)).toEqual([
    'Go to "New expense – Fixture"',
    'Type "Blue Bottle" into Merchant',
    'Type "Team coffee" into Notes',
    'Type "Offsite" into Description',
    'Type "R-7" into Reference number',
    'Type •••• into Card PIN',
    'Select "Office" in Category',
    'Check "Billable to client"',
    'Choose "Corporate card" (Payment method)',
    'Choose "Cash" (Payment method)',
    'Type "taxi" into Search expenses',
    'Press Enter in "Search expenses"',
    'Click "Open first result"',
    'Press Escape',
    'Press Ctrl+K',
  ]);
  await exportAndFollow(api, page, guideId, browserName);
});

test.describe(() => {
  // Firefox: the cross-origin frame shares the page's process, so WebDriver BiDi can act in it
  // (the follower's browser does the same).
  test.use({ firefoxPrefs: ONE_PROCESS_FRAMES });

  test('unnamed, quoted and value-showing controls, frames and shadow DOM: the guide can be followed', async ({ browserWithExtension: { context, browserName }, api, server }) => {
    const page = await context.newPage();
    await page.goto(server.url('follow/office.html'));
    const cross = page.frameLocator('#cross');
    await expect(cross.getByRole('button', { name: 'Reject expense' })).toBeVisible();
    const guideId = await api.startRecording(page);
    await api.waitForSteps(1);
    const step = stepper(api);
    const icons = page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button');
    await step(() => icons.nth(2).click({ delay: 100 }));
    await step(() => page.getByRole('button', { name: 'Open "Q3" report' }).click());
    // Keyboard activation of a button named only by its tooltip.
    await step(() => page.locator('#print').press('Enter'));
    await step(() => page.getByText('Team lunch').click());
    await step(() => page.locator('#cc').click());
    await step(() => page.getByRole('option', { name: 'Sales' }).click());
    await step(() => page.locator('#cc').click());
    await step(() => page.getByRole('option', { name: 'Marketing' }).click());
    await step(() => page.frameLocator('#same').getByRole('button', { name: 'Approve expense' }).click());
    await cross.getByLabel('Comment').pressSequentially('Missing receipt');
    await step(() => cross.getByRole('button', { name: 'Reject expense' }).click(), 2);
    await step(() => page.getByRole('button', { name: 'Escalate' }).locator('span').click());
    expect(await api.sentences(guideId)).toEqual([
      'Go to "Office – Follow fixture"',
      'Click the 3rd button in the toolbar "Formatting"',
      'Click “Open "Q3" report”',
      'Click "Print report"',
      'Click "Team lunch"',
      // Named by its label, with the value it shows as a person sees it ("Choose…", then "Sales").
      'Open "Cost center" (shows "Choose…")',
      'Click "Sales"',
      'Open "Cost center" (shows "Sales")',
      'Click "Marketing"',
      'Click "Approve expense"',
      'Type "Missing receipt" into Comment',
      'Click "Reject expense"',
      'Click "Escalate"',
    ]);
    await exportAndFollow(api, page, guideId, browserName);
  });
});

test('new tabs, popups, an address typed after coming back, and app routes: the guide can be followed', async ({ browserWithExtension: { context, browserName }, api, server }) => {
  const page = await context.newPage();
  await page.goto(server.url('recorder/popup.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  const step = stepper(api);
  const [popup] = await Promise.all([context.waitForEvent('page'), step(() => page.getByRole('button', { name: 'Open calculator' }).click())]);
  await popup.waitForLoadState();
  await step(() => popup.getByRole('button', { name: 'Approve receipt' }).click());
  await popup.close();
  await page.bringToFront();
  await step(() => page.getByRole('button', { name: 'Back on the opener' }).click());
  const [tab] = await Promise.all([context.waitForEvent('page'), step(() => page.getByRole('link', { name: 'Open receipt' }).click())]);
  await tab.waitForLoadState();
  await step(() => tab.getByRole('button', { name: 'Approve receipt' }).click());
  await tab.close();
  // Right after closing the tab, the user types an address in the first tab: a step of its own.
  await page.bringToFront();
  await step(() => page.goto(server.url('recorder/spa.html')));
  await step(() => page.getByRole('link', { name: 'Report 42' }).click());
  await expect(page).toHaveTitle('Report 42 – Fixture');
  await step(() => page.getByRole('link', { name: 'Help' }).click());
  expect(await api.sentences(guideId)).toEqual([
    'Go to "Opener – Fixture"',
    'Click "Open calculator"',
    'Click "Approve receipt"',
    'Click "Back on the opener"',
    'Click "Open receipt"',
    'Click "Approve receipt"',
    'Go to "Reports – Fixture"',
    'Click "Report 42"',
    'Click "Help"',
  ]);
  await exportAndFollow(api, page, guideId, browserName);
});

test('the follower stops at the first step it cannot follow and says why', async ({ server, browserName }) => {
  // A guide as the HTML export writes it, with one step naming a control the page does not have.
  const item = (n: number, sentence: string, address?: string) =>
    `<li class="step action"><p class="sentence"><span class="num">${n}</span>${sentence}</p>${address ? `<p class="address"><a href="${address}">${address}</a></p>` : ''}</li>`;
  const file = join(tmpdir(), `waymark-follow-broken-${Date.now()}.html`);
  await writeFile(file, `<!doctype html><meta charset="utf-8"><ol class="steps">${[
    item(1, 'Go to "Clicks – Fixture"', server.url('recorder/clicks.html')),
    item(2, 'Click "Save draft"'),
    item(3, 'Click "Approve everything"'),
    item(4, 'Click "Open drawer"'),
  ].join('')}</ol>`);
  const report = await followGuide(file, { browserName: browserName as BrowserName, findTimeoutMs: 2_000 });
  expect(report.followed).toBe(2);
  expect(report.failure).toMatchObject({ step: 3, sentence: 'Click "Approve everything"', reason: expect.stringMatching(/no control named "Approve everything"/) });
});
