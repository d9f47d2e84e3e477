/**
 * axe-core on every extension page (popup, options, editor library, guide page), with
 * `label-content-name-mismatch` enabled (off by default): no serious or critical violation.
 * The guide page is checked focused and with a step's whole screen shown (issue 13).
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { test, expect } from './fixtures';
import { editorWithGuide } from './export-helpers';
import { openExtensionPage } from '../support/extension';

const box = { x: 128, y: 160, width: 320, height: 64 };

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).options({ rules: { 'label-content-name-mismatch': { enabled: true } } }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

test('every extension page is free of serious axe-core violations', async ({ browserWithExtension: { context, extensionId } }) => {
  test.setTimeout(300_000); // axe over four pages, on a shared machine
  const { page } = await editorWithGuide(context, extensionId, {
    title: 'Expenses',
    intro: '',
    steps: [
      { kind: 'heading', text: 'Start' },
      { text: 'Click "New report"', note: 'At the top.', action: { kind: 'click', target: { role: 'button', name: 'New report', tag: 'button', selectors: [], box }, point: { x: 256, y: 192 } } },
      { text: 'Type "Blue Bottle" into "Merchant"', action: { kind: 'type', target: { role: 'textbox', name: 'Merchant', tag: 'input', selectors: [], box }, value: 'Blue Bottle', masked: false } },
      { kind: 'callout', tone: 'tip', text: 'Keep receipts.' },
    ],
  });
  // The empty intro invites the trainer to write one.
  await expect(page.getByRole('textbox', { name: 'Guide introduction' })).toHaveAttribute('placeholder', /Write an introduction/);
  await expect(page.getByRole('group', { name: 'Focused screenshot of Step 1' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // The whole screen, with the focus outlined for adjusting: reachable and named as well.
  await page.getByRole('button', { name: 'Show whole screen of Step 1' }).click();
  await expect(page.getByRole('group', { name: 'Screenshot of Step 1' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Crop area on Step 1' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  await page.goto(page.url().replace(/#.*$/, '#/'));
  await expect(page.getByRole('heading', { name: 'Your guides' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Expenses' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  for (const path of ['/popup.html', '/options.html']) {
    const other = await openExtensionPage(context, path);
    await expect(other.getByRole('button').first()).toBeVisible();
    expect(await seriousViolations(other), path).toEqual([]);
    await other.close();
  }
});
