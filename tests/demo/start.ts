/**
 * `npm start`: Waymark in Chromium on a bundled demo page.
 * With a display: a real window to record in by hand. Without one (a server, CI): the same
 * demo, scripted and headless, writing the exported guide to demo-output/.
 */
import { mkdir, copyFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { launchWithExtension } from '../support/chromium';
import { startFixtureServer } from '../support/server';
import { ExtensionApi } from '../support/pages/extension-api';
import { EditorPage } from '../support/pages/editor';

const DEMO_PAGE = 'expenses/index.html';
const hasDisplay = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.env.CI;

async function interactive(): Promise<void> {
  const server = await startFixtureServer();
  const browser = await launchWithExtension({ headless: false });
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(server.url(DEMO_PAGE));
  console.log(`Waymark is loaded. Demo page: ${server.url(DEMO_PAGE)}`);
  console.log('Pin the Waymark button, press "Start recording", click around, then "Open editor".');
  console.log('Close the browser window to finish.');
  await new Promise((done) => browser.context.on('close', done));
  await server.close();
}

async function scripted(): Promise<void> {
  const server = await startFixtureServer();
  const browser = await launchWithExtension();
  try {
    const { context, extensionId } = browser;
    const api = await ExtensionApi.open(context, extensionId);
    const page = await context.newPage();
    await page.goto(server.url(DEMO_PAGE));
    const guideId = await api.startRecording(page);
    console.log('Recording a scripted task on the demo page…');
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

await (hasDisplay ? interactive() : scripted());
