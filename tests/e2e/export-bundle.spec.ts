/**
 * Bundles between trainers: export a guide as a .waymark.zip from its page, import it from
 * the library (a copy with new ids, same creation date); bad files are refused by name and
 * leave the library as it was.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { test, expect } from './fixtures';
import { editorWithGuide, exportFile } from './export-helpers';
import { extensionBrowserOf, gotoExtensionPage } from '../support/extension';
import { readStoredData } from '../support/stored-data';
import type { Step } from '@/lib/steps/types';

const TITLE = 'Отчёт <script>alert(1)</script>';
const CREATED = Date.UTC(2024, 0, 15, 9, 30);
const ACTED = CREATED + 5000;

async function importFile(library: Page, path: string) {
  if (extensionBrowserOf(library.context()).browserName === 'firefox') {
    // Firefox's WebDriver BiDi announces no file dialog opened from an extension page: the file
    // goes straight into the input the "Import bundle" button opens.
    await library.locator('input[type=file][accept*=zip]').setInputFiles(path);
    return;
  }
  const [chooser] = await Promise.all([
    library.waitForEvent('filechooser'),
    library.getByRole('button', { name: 'Import bundle' }).click(),
  ]);
  await chooser.setFiles(path);
}

test('a guide exported as a bundle imports as a whole copy; bad files change nothing', async ({
  browserWithExtension: { context, extensionId },
}) => {
  const { page, guideId } = await editorWithGuide(context, extensionId, {
    title: TITLE,
    intro: 'Для новых сотрудников',
    guide: { createdAt: CREATED },
    steps: [
      { kind: 'heading', text: 'Вход' },
      { text: 'Click "Войти"', wholeScreen: true, at: ACTED, annotations: [{ id: 'x', kind: 'blur', box: { x: 0.5, y: 0.5, width: 0.5, height: 0.5 } }] },
      { text: 'Click "Send"', note: 'Then wait' },
    ],
  });
  const { download, path } = await exportFile(page, 'bundle');
  expect(download.suggestedFilename()).toMatch(/\.waymark\.zip$/);
  const bundle = unzipSync(new Uint8Array(await readFile(path)));
  const manifest = JSON.parse(new TextDecoder().decode(bundle['manifest.json']));
  expect(manifest).toMatchObject({ format: 'waymark-bundle', version: 3 });
  expect(manifest.guides[0].guide).toMatchObject({ id: guideId, title: TITLE, createdAt: CREATED });
  expect(manifest.guides[0].images).toHaveLength(2);
  // A bundle leaves the machine: the blur box is burnt into its picture, not only kept as data.
  const busyness = await page.evaluate(async (files: number[][]) => {
    const out: number[] = [];
    for (const bytes of files) {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)]));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const data = ctx.getImageData(bitmap.width * 0.6, bitmap.height * 0.6, bitmap.width * 0.3, bitmap.height * 0.3).data;
      let sum = 0;
      let sq = 0;
      for (let i = 0; i < data.length; i += 4) {
        sum += data[i]!;
        sq += data[i]! ** 2;
      }
      out.push(Math.sqrt(sq / (data.length / 4) - (sum / (data.length / 4)) ** 2));
    }
    return out;
  }, manifest.guides[0].images.map((i: { file: string }) => [...bundle[i.file]!]));
  expect(busyness[0]).toBeLessThan(12);
  expect(busyness[1]).toBeGreaterThan(60);
  expect(manifest.guides[0].steps[1].annotations).toEqual([{ id: 'x', kind: 'blur', box: { x: 0.5, y: 0.5, width: 0.5, height: 0.5 } }]);

  // The library, before and after importing the bundle.
  const library = page;
  await gotoExtensionPage(library, '/editor.html');
  const guides = library.getByRole('list', { name: 'Guides' }).getByRole('link');
  await expect(guides).toHaveText([TITLE]);

  await importFile(library, path);
  await expect(library.getByRole('status')).toHaveText(`Imported 1 guide: ${TITLE}.`);
  await expect(guides).toHaveText([TITLE, TITLE]);
  const hrefs = await guides.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  const copyHref = hrefs.find((h) => !h?.includes(guideId))!;
  expect(copyHref).toBeTruthy();
  // The trainer's "Remove focus" and the time of the action travel with the step (issue 28).
  const { steps: stored } = JSON.parse((await readStoredData(library)).records) as { steps: Step[] };
  const copied = stored.find((s) => s.guideId !== guideId && s.text === 'Click "Войти"');
  expect(copied).toMatchObject({ wholeScreen: true, at: ACTED });
  await expect(library.getByText(new Date(CREATED).toLocaleString())).toHaveCount(2);

  await gotoExtensionPage(library, `/editor.html${copyHref}`);
  const steps = library.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  await expect(steps).toHaveCount(3);
  await expect(steps.nth(1)).toContainText('Click "Войти"');
  await expect(steps.nth(1).getByRole('img')).toBeVisible();
  await gotoExtensionPage(library, '/editor.html');
  await expect(guides).toHaveCount(2);

  // "Export all guides" writes the original and the copy into one bundle.
  const [all] = await Promise.all([
    library.waitForEvent('download'),
    library.getByRole('button', { name: 'Export all guides' }).click(),
  ]);
  expect(all.suggestedFilename()).toBe('Waymark guides.waymark.zip');
  const allManifest = JSON.parse(new TextDecoder().decode(unzipSync(new Uint8Array(await readFile((await all.path())!)))['manifest.json']));
  expect(allManifest.guides.map((g: { guide: { title: string } }) => g.guide.title)).toEqual([TITLE, TITLE]);

  // Bad files: truncated, foreign, newer, not a zip. Each named, nothing imported.
  const bytes = await readFile(path);
  const newer = zipSync({ ...bundle, 'manifest.json': strToU8(JSON.stringify({ ...manifest, version: 4 })) });
  const cases: [string, Uint8Array, RegExp][] = [
    ['truncated.waymark.zip', bytes.subarray(0, Math.floor(bytes.length * 0.6)), /damaged or incomplete/],
    ['foreign.zip', zipSync({ 'package.json': strToU8('{}') }), /not a Waymark bundle: it has no manifest\.json/],
    ['newer.waymark.zip', newer, /made by a newer Waymark \(bundle version 4/],
    ['photo.waymark.zip', strToU8('\xff\xd8\xff not a zip'), /not a \.zip file/],
  ];
  for (const [name, data, message] of cases) {
    const file = join(tmpdir(), `${Date.now()}-${name}`);
    await writeFile(file, data);
    await importFile(library, file);
    await expect(library.getByRole('alert')).toHaveText(message);
    await expect(library.getByRole('alert')).toContainText('Nothing was imported.');
    await expect(guides).toHaveCount(2);
  }
});
