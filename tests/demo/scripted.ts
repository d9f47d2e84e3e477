/**
 * The headless demo, for a machine without a display (a server, CI): a scripted task recorded
 * on the bundled expenses page in Chromium, its guide exported to demo-output/.
 */
import { mkdir, copyFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startFixtureServer } from '../support/server';
import { ExtensionApi } from '../support/pages/extension-api';
import { EditorPage } from '../support/pages/editor';
import { closeWelcomeTab } from '../support/welcome-tab';

const DEMO_PAGE = 'expenses/index.html';

/** `chromiumPath`: a browser that takes --load-extension (Chromium, Chrome for Testing). */
export async function scriptedDemo(chromiumPath: string): Promise<void> {
  // tests/support/chromium.ts reads the executable from the environment when it is loaded.
  process.env.WAYMARK_CHROMIUM = chromiumPath;
  const { launchWithExtension } = await import('../support/chromium');
  const server = await startFixtureServer();
  const browser = await launchWithExtension();
  try {
    const { context, extensionId } = browser;
    await closeWelcomeTab(browser);
    const api = await ExtensionApi.open(context, extensionId);
    const page = await context.newPage();
    await page.goto(server.url(DEMO_PAGE));
    const guideId = await api.startRecording(page);
    console.log('No display: recording a scripted task on the demo page, headless…');
    await api.waitForSteps(1); // "Go to" the start page
    await page.getByRole('button', { name: 'New report' }).click();
    await api.waitForSteps(2);
    await page.getByRole('link', { name: 'Submit for approval' }).click();
    await page.waitForURL(/report\.html/);
    await api.waitForSteps(3);
    await page.getByRole('button', { name: 'Back to reports' }).click();
    await api.waitForSteps(4);
    const { stepCount } = await api.stop();
    const editor = await EditorPage.open(context, extensionId, guideId);
    const { download, path } = await editor.export('HTML');
    const outDir = resolve('demo-output');
    await mkdir(outDir, { recursive: true });
    const target = resolve(outDir, download.suggestedFilename());
    await copyFile(path, target);
    console.log(`Recorded ${stepCount} steps. Exported guide: ${target}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
