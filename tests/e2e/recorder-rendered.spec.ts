/**
 * A tab that cannot be captured (issue 16, item 9): the step's picture is the page drawn by
 * html2canvas in the tab, with secrets unreadable. Try it by hand: record a tab, switch to
 * another tab, and make the recorded one navigate and act (here Playwright acts on the
 * background tab); each of those steps is `shot: 'rendered'`.
 */
import type { Page } from '@playwright/test';
import { test, expect, skipIn } from './fixtures';
import { storedImage } from '../support/pixels';
import { Person } from '../support/person';
import { digitsOf, ocr } from '../support/stored-data';

const SECRET_WORD = 'SUNFLOWER';
const CARD_DIGITS = '4111111111111111';

/** Resolves once the recorder in the tab's top frame has reported from a page at `url`. */
function recorderReported(extensionPage: Page, tabId: number, url: string): Promise<boolean> {
  return extensionPage.evaluate(
    async ({ id, address }) => {
      const stored = await chrome.storage.session.get('waymark.frameReports');
      const reports = (stored['waymark.frameReports'] ?? {}) as Record<number, Record<number, { url: string }>>;
      return reports[id]?.[0]?.url === address;
    },
    { id: tabId, address: url },
  );
}

test('a hidden tab with no picture of its page gets a rendered one, secrets masked', async ({ browserWithExtension: { context }, api, server }) => {
  skipIn('firefox', 'html2canvas cannot run in a Firefox content script: document.open() of its copy throws SecurityError (niklasvh/html2canvas#1184), so Firefox does not render');
  const page = await context.newPage();
  await page.goto(server.url('recorder/reports.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1);
  // A person reads the page a moment (a human gap) before going to another tab: Waymark has
  // had the time to picture reports.html, which must not stand in for the next page.
  await new Person(page).pause();

  // Another tab comes to the front in the same window (Playwright's Firefox gives each new
  // page a window of its own, and a window behind another can still be captured).
  const tabId = await api.tabIdOf(page);
  await api.page.evaluate(
    async ({ id, url }) => void (await chrome.tabs.create({ windowId: (await chrome.tabs.get(id)).windowId, url, active: true })),
    { id: tabId, url: server.url('recorder/article.html') },
  );
  // Playwright keeps every page "visible" to the page itself; the browser's tab is what counts.
  await expect.poll(() => api.page.evaluate(async (id) => (await chrome.tabs.get(id)).active, tabId)).toBe(false);

  // In the tab behind the other one, a link leads to a page Waymark never saw, where a button is clicked.
  await page.getByRole('link', { name: 'Open the quarterly report' }).click();
  await page.waitForURL(/rendered\.html/);
  await expect.poll(() => recorderReported(api.page, tabId, page.url())).toBe(true);
  await page.getByRole('button', { name: 'Approve' }).click();
  // A rendering may take seconds on a busy machine (the step waits for its picture).
  await api.waitForSteps(3, 30_000);
  await api.stop();

  const [, link, click] = await api.steps(guideId);
  expect(link!.text).toBe('Click "Open the quarterly report"');
  // A frame of the same page is there for the link: real pixels beat a rendering.
  expect(link!.shot).not.toBe('rendered');
  expect(click!.text).toBe('Click "Approve"');
  expect(click!.shot).toBe('rendered');
  expect(click!.imageId).toBeTruthy();
  const viewport = await page.evaluate(() => ({ width: innerWidth * devicePixelRatio, height: innerHeight * devicePixelRatio }));
  expect(await api.image(click!.imageId!)).toMatchObject({ ...viewport, type: 'image/jpeg' });

  const [rendered] = await ocr([await storedImage(api.page, click!.imageId!)]);
  // The rendering shows the recorded tab's page, never the tab in front of it (so the checks
  // below are not passed by a blank image)…
  expect(rendered).toContain('Quarterly report');
  expect(rendered).not.toContain('Travel policy');
  // …but not its secrets.
  expect(rendered!.toUpperCase()).not.toContain(SECRET_WORD);
  expect(digitsOf(rendered!)).not.toContain(CARD_DIGITS);

  // The same OCR reads both secrets in a plain screenshot of the page (the test can fail).
  await page.bringToFront();
  const [plain] = await ocr([await page.screenshot()]);
  expect(plain!.toUpperCase()).toContain(SECRET_WORD);
  expect(digitsOf(plain!)).toContain(CARD_DIGITS);
});
