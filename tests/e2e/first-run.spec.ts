/**
 * First run: the welcome page greets a fresh profile once; a first recording on the practice
 * page ends with its guide one click away; branded Chrome's way of loading the build
 * (the DevTools protocol's Extensions.loadUnpacked) works, tried on Debian's Chromium.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { test, expect, skipIn } from './fixtures';
import { PopupPage } from '../support/pages/popup';
import { CHROMIUM, CHROME_BUILD } from '../support/chromium';
import { launchWithPipe, loadUnpacked } from '../demo/cdp-pipe';

/** The URLs of the browser's tabs, as the extension sees them (Firefox's BiDi misses some). */
function tabUrls(extensionPage: Page): Promise<string[]> {
  return extensionPage.evaluate(async () => (await chrome.tabs.query({})).map((tab) => tab.url ?? ''));
}

test.describe('welcome page', () => {
  test.use({ keepWelcome: true });

  test('a fresh profile opens it once; the popup opens it again', async ({ browserWithExtension: b }) => {
    const welcomeUrl = b.extensionUrl('/welcome.html');
    const popup = await PopupPage.open(b.context, b.extensionId);
    const welcomeTabs = async () => (await tabUrls(popup.page)).filter((url) => url === welcomeUrl).length;
    await expect.poll(welcomeTabs).toBe(1);

    // From the popup's menu later (counted through the extension: Firefox's BiDi does not report
    // tabs an add-on opens), then read in the popup's own tab.
    await popup.button('Welcome and tips').click();
    await expect.poll(welcomeTabs).toBe(2);
    const welcome = popup.page;
    await b.gotoExtensionPage(welcome, '/welcome.html');
    await expect(welcome.getByRole('heading', { name: 'Welcome to Waymark', level: 1 })).toBeVisible();
    await expect(welcome.getByRole('heading', { name: 'Record your first guide' })).toBeVisible();
    await expect(welcome.getByText('Pin the Waymark button')).toBeVisible();
    await expect(welcome.getByRole('heading', { name: 'What Waymark never does' })).toBeVisible();
    await expect(welcome.getByRole('link', { name: 'privacy options' })).toHaveAttribute('href', '/options.html');
    // Access to websites is granted in a normal install: no request shown.
    await expect(welcome.getByRole('button', { name: 'Allow access to websites' })).toHaveCount(0);
  });

  test('in Firefox, asks for access to websites when it is missing', async ({ browserWithExtension: b }) => {
    skipIn('chromium', 'Chrome never withdraws required host permissions');
    const popup = await b.openExtensionPage('/popup.html');
    expect(await popup.evaluate(() => browser.permissions.remove({ origins: ['<all_urls>'] }))).toBe(true);
    const welcome = await b.openExtensionPage('/welcome.html');
    await expect(welcome.getByRole('heading', { name: 'First, let Waymark see websites' })).toBeVisible();
    await expect(welcome.getByRole('button', { name: 'Allow access to websites' })).toBeVisible();
  });
});

test('a first recording on the practice page ends with the guide one click away', async ({
  browserWithExtension: { context, extensionId },
  api,
  server,
}) => {
  const page = await context.newPage();
  await page.goto(server.url('practice/index.html'));
  const guideId = await api.startRecording(page);
  await api.waitForSteps(1); // "Go to" the practice page
  await page.getByRole('textbox', { name: 'Your name' }).fill('Ann');
  await page.getByRole('radio', { name: 'Large' }).check();
  await page.getByRole('button', { name: 'Place order' }).click();
  await expect(page.getByRole('status')).toHaveText('Thank you, Ann: one large coffee is on its way.');
  await api.waitForSteps(4);

  const popup = await PopupPage.open(context, extensionId);
  await popup.button('Stop recording').click();
  await expect(popup.status()).toContainText('Not recording');
  const [editor] = await Promise.all([context.waitForEvent('page'), popup.button('Open the guide').click()]);
  await editor.waitForURL((url) => url.pathname === '/editor.html' && url.hash === `#/guides/${guideId}`);
  await expect(editor.getByRole('textbox', { name: 'Guide title' })).toHaveValue(/Order a coffee/);
});

test('Extensions.loadUnpacked loads the build over the DevTools pipe', async () => {
  skipIn('firefox', 'CDP Extensions domain is Chromium-only');
  const profile = await mkdtemp(join(tmpdir(), 'waymark-cdp-'));
  const chromium = launchWithPipe(CHROMIUM, [`--user-data-dir=${profile}`, '--headless=new', '--no-sandbox', '--no-first-run', 'about:blank']);
  try {
    const id = await loadUnpacked(chromium, CHROME_BUILD);
    expect(id).toMatch(/^[a-p]{32}$/);
    // Its service worker runs, and its pages open. (Chromium 156 fires no runtime.onInstalled for
    // a build loaded this way, so the welcome page is opened here, as `npm start` does.)
    const origin = `chrome-extension://${id}`;
    const { targetId } = await chromium.send<{ targetId: string }>('Target.createTarget', { url: `${origin}/welcome.html` });
    const ours = async () => {
      const { targetInfos } = await chromium.send<{ targetInfos: { type: string; url: string }[] }>('Target.getTargets');
      return targetInfos.filter((t) => t.url.startsWith(origin)).map((t) => `${t.type} ${t.url}`);
    };
    await expect.poll(ours).toEqual(expect.arrayContaining([`service_worker ${origin}/background.js`, `page ${origin}/welcome.html`]));
    const { sessionId } = await chromium.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    await chromium.send('Runtime.enable', {}, sessionId); // evaluations then run in the page's current document
    const heading = async () => {
      const expression = "document.querySelector('h1')?.textContent ?? ''";
      const { result } = await chromium.send<{ result: { value?: string } }>('Runtime.evaluate', { expression, returnByValue: true }, sessionId);
      return result.value;
    };
    await expect.poll(heading).toBe('Welcome to Waymark');
  } finally {
    await chromium.close();
    await rm(profile, { recursive: true, force: true });
  }
});
