/**
 * HTML, PDF and Markdown exports of a guide shaped like a hostile, multilingual recording:
 * read as a new hire would (offline file in a browser, at phone width, printed; the PDF
 * through poppler's pdftotext, pdffonts, pdfinfo and pdfimages).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, unzipSync } from 'fflate';
import { marked } from 'marked';
import { test, expect } from './fixtures';
import { editorWithGuide, exportFile, poppler, squeeze } from './export-helpers';
import type { SeedOptions } from '../support/seed';

const HOSTILE = `</title><script>window.pwned=1</script><img src=x onerror="window.pwned=2"> & "quotes" 'single'`;
const CYRILLIC = 'Нажмите «Отправить на согласование»';
const GREEK = 'Πατήστε Αποθήκευση πριν φύγετε';
const LONG = `Scroll${'x'.repeat(494)}`;
const SECRET_BOX = { x: 0.55, y: 0.55, width: 0.3, height: 0.3 };

const GUIDE: SeedOptions = {
  title: `Расходы ${HOSTILE}`,
  intro: `Как отправить отчёт.\n${HOSTILE}`,
  steps: [
    { kind: 'heading', text: 'Раздел 1: Вход' },
    {
      text: `Click "${CYRILLIC}"`,
      note: `Note: ${HOSTILE}`,
      annotations: [
        { id: 'a1', kind: 'highlight', box: { x: 0.08, y: 0.18, width: 0.3, height: 0.12 } },
        { id: 'a2', kind: 'arrow', from: { x: 0.5, y: 0.1 }, to: { x: 0.36, y: 0.22 } },
        { id: 'a3', kind: 'label', at: { x: 0.4, y: 0.35 }, text: `Метка ${HOSTILE}` },
      ],
    },
    { text: HOSTILE, annotations: [{ id: 'b1', kind: 'blur', box: SECRET_BOX }] },
    { kind: 'callout', tone: 'warning', text: GREEK },
    { kind: 'heading', text: 'Section 2' },
    { text: LONG },
    { text: 'Click "Cropped"', crop: { x: 0, y: 0, width: 0.5, height: 0.5 }, marker: { hidden: true } },
    { text: 'Type "Blue Bottle" into Merchant', image: false },
  ],
};
const SENTENCES = [`Click "${CYRILLIC}"`, HOSTILE, LONG, 'Click "Cropped"', 'Type "Blue Bottle" into Merchant'];

test('HTML export: one offline file, faithful, escaped, phone-width and print friendly', async ({
  browserWithExtension: { context, extensionId, browserName },
}) => {
  const { page } = await editorWithGuide(context, extensionId, GUIDE);
  const { download, path } = await exportFile(page, 'HTML');
  expect(download.suggestedFilename()).toMatch(/^Расходы .*\.html$/);
  const file = join(tmpdir(), `waymark-export-${Date.now()}.html`);
  await writeFile(file, await readFile(path));

  // Offline: opened from disk, the page asks nothing of any server and runs nothing.
  const reader = await context.newPage();
  const requests: string[] = [];
  reader.on('request', (r) => {
    if (!r.url().startsWith('data:') && r.url() !== pathToFileURL(file).href) requests.push(r.url());
  });
  await reader.goto(pathToFileURL(file).href);
  await reader.waitForLoadState('load');
  expect(requests).toEqual([]);
  expect(await reader.evaluate(() => ({ pwned: (window as { pwned?: number }).pwned, scripts: document.scripts.length }))).toEqual({ pwned: undefined, scripts: 0 });
  expect(await reader.title()).toBe(GUIDE.title);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(GUIDE.title);
  await expect(reader.getByText('5 steps')).toBeVisible();
  await expect(reader.locator('.intro')).toHaveText(GUIDE.intro!);

  // One list, one item per step, in order; sections listed in a table of contents.
  await expect(reader.locator('ol.steps')).toHaveCount(1);
  await expect(reader.locator('ol.steps > li')).toHaveCount(GUIDE.steps.length);
  const actions = reader.locator('ol.steps > li.action');
  expect(await actions.locator('.sentence').allTextContents()).toEqual(SENTENCES.map((s, i) => `${i + 1}${s}`));
  await expect(actions.nth(0).locator('.note')).toHaveText(`Note: ${HOSTILE}`);
  await expect(reader.locator('li.callout.warning')).toContainText(GREEK);
  const toc = reader.getByRole('navigation', { name: 'Contents' });
  await expect(toc.getByRole('link')).toHaveText(['Раздел 1: Вход', 'Section 2']);
  await toc.getByRole('link', { name: 'Section 2' }).click();
  await expect(reader.locator(':target')).toHaveText('Section 2');

  // Pictures: alt text is the sentence; annotations and marker are in the pixels, blur too.
  const images = reader.locator('ol.steps img');
  await expect(images).toHaveCount(4);
  expect(await images.evaluateAll((all) => all.map((i) => i.getAttribute('alt')))).toEqual(SENTENCES.slice(0, 4));
  const stats = await images.evaluateAll((all: HTMLImageElement[]) =>
    all.map((img) => {
      const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const region = (x0: number, y0: number, x1: number, y1: number) => {
        const w = Math.round((x1 - x0) * img.naturalWidth);
        const h = Math.round((y1 - y0) * img.naturalHeight);
        const data = ctx.getImageData(Math.round(x0 * img.naturalWidth), Math.round(y0 * img.naturalHeight), w, h).data;
        let sum = 0;
        let sq = 0;
        for (let i = 0; i < data.length; i += 4) {
          const l = (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
          sum += l;
          sq += l * l;
        }
        const n = data.length / 4;
        return Math.sqrt(sq / n - (sum / n) ** 2);
      };
      const whole = ctx.getImageData(0, 0, img.naturalWidth, img.naturalHeight).data;
      let orange = 0;
      for (let i = 0; i < whole.length; i += 4) if (whole[i]! > 200 && whole[i + 1]! > 50 && whole[i + 1]! < 130 && whole[i + 2]! < 90) orange++;
      return { width: img.naturalWidth, height: img.naturalHeight, secret: region(0.6, 0.6, 0.8, 0.8), orange };
    }),
  );
  expect(stats[0]!.secret).toBeGreaterThan(60); // untouched checkerboard
  expect(stats[1]!.secret).toBeLessThan(12); // the blurred box: flat
  expect(stats[0]!.orange).toBeGreaterThan(1000); // highlight + arrow drawn in
  expect(stats[2]!.orange).toBeGreaterThan(100); // the click marker, drawn into the pixels like the rest
  expect(stats[3]).toMatchObject({ width: 640, height: 400, orange: 0 }); // cropped, marker hidden
  expect(stats[0]).toMatchObject({ width: 960, height: 600 }); // encoded near the size it is shown
  // WebP where the browser encodes it (Chromium does), JPEG otherwise.
  const types = await images.evaluateAll((all) => all.map((i) => /^data:(image\/\w+)/.exec(i.getAttribute('src')!)?.[1]));
  for (const type of types) expect(type).toBe(browserName === 'firefox' ? types[0] : 'image/webp');

  // A phone: no horizontal scrolling, even with a 500-character word.
  await reader.setViewportSize({ width: 390, height: 844 });
  expect(await reader.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expect(images.first()).toHaveJSProperty('width', await images.first().evaluate((i) => i.clientWidth));
  expect(await images.first().evaluate((i) => i.getBoundingClientRect().right)).toBeLessThanOrEqual(390);

  // Printed: no step is split across pages, and the printout has the text.
  await reader.emulateMedia({ media: 'print' });
  expect(await reader.locator('ol.steps > li.action').evaluateAll((all) => all.map((li) => getComputedStyle(li).breakInside))).toEqual(
    SENTENCES.map(() => 'avoid'),
  );
  const printed = join(tmpdir(), `waymark-print-${Date.now()}.pdf`);
  await reader.pdf({ path: printed, format: 'A4' });
  await reader.setViewportSize({ width: 390, height: 844 });
  await reader.emulateMedia({ media: 'screen' });
  await reader.screenshot({ path: test.info().outputPath('phone.png') }); // kept to look at by hand
  await writeFile(test.info().outputPath('print.pdf'), await readFile(printed));
  expect(squeeze(poppler('pdftotext', printed, '-'))).toContain(squeeze(CYRILLIC));
});

test('PDF export: Unicode text, bookmarks, page numbers, pictures whole and unsquashed', async ({
  browserWithExtension: { context, extensionId, browserName },
}) => {
  // jsPDF and the font are loaded only when a PDF is asked for.
  const loaded: string[] = [];
  context.on('request', (r) => loaded.push(r.url()));
  const { page } = await editorWithGuide(context, extensionId, GUIDE);
  const heavy = (urls: string[]) => urls.filter((u) => /DejaVuSans.*\.ttf|chunks\/pdf-/.test(u));
  // Firefox's WebDriver BiDi reports no request of an extension page: checked in Chromium only.
  const watched = browserName !== 'firefox';
  if (watched) expect(heavy(loaded)).toEqual([]);
  const { download, path } = await exportFile(page, 'PDF');
  if (watched) expect(heavy(loaded)).toHaveLength(3);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  await download.saveAs(test.info().outputPath('guide.pdf')); // kept to look at by hand

  const fonts = poppler('pdffonts', path);
  // Only the embedded Unicode font (regular and bold), nothing of jsPDF's WinAnsi standard fonts.
  const listed = fonts.trim().split('\n').slice(2);
  expect(listed).toHaveLength(2);
  for (const line of listed) expect(line).toMatch(/^DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+\w+\s+yes/);

  const text = poppler('pdftotext', path, '-');
  for (const s of [CYRILLIC, GREEK, HOSTILE, GUIDE.title, 'Раздел 1: Вход', 'Как отправить отчёт.', LONG]) {
    expect(squeeze(text)).toContain(squeeze(s));
  }
  // Steps in order.
  const at = SENTENCES.map((s, i) => squeeze(text).indexOf(squeeze(`${i + 1}. ${s}`)));
  expect(at).not.toContain(-1);
  expect(at).toEqual([...at].sort((a, b) => a - b));

  const info = poppler('pdfinfo', path);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  expect(pages).toBeGreaterThan(1);
  expect(info).toMatch(/Page size:\s+(595\.2\d x 841\.8\d|612 x 792) pts/);
  expect(text).toContain(`Page 1 of ${pages}`);
  expect(text).toContain(`Page ${pages} of ${pages}`);

  // Bookmarks: sections, with their steps under them.
  const outline = poppler('pdftohtml', '-xml', '-i', '-stdout', '-q', path);
  const decode = (x: string) =>
    x.replace(/&(#\d+|lt|gt|quot|apos|amp);/g, (_, e: string) =>
      e.startsWith('#') ? String.fromCharCode(Number(e.slice(1))) : ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e]!,
    );
  const titles = [...outline.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map((m) => decode(m[1]!));
  expect(titles).toEqual(['Раздел 1: Вход', ...SENTENCES.slice(0, 2).map((s, i) => `${i + 1}. ${s}`), 'Section 2', ...SENTENCES.slice(2).map((s, i) => `${i + 3}. ${s}`.slice(0, 200))]);
  // Steps are nested under their section: the outline root and one level per section.
  expect(outline.match(/<outline>/g)).toHaveLength(3);

  // Pictures: as many as steps with screenshots, the same pixel density on both axes (not squashed).
  const images = poppler('pdfimages', '-list', path).trim().split('\n').slice(2).map((line) => line.trim().split(/\s+/));
  expect(images.map((c) => `${c[3]}x${c[4]}`)).toEqual(['1200x750', '1200x750', '1200x750', '640x400']);
  for (const c of images) expect(Math.abs(Number(c[12]) - Number(c[13]))).toBeLessThanOrEqual(1);
});

test('Markdown export: guide.md with relative image links that all resolve', async ({
  browserWithExtension: { context, extensionId },
}) => {
  const { page } = await editorWithGuide(context, extensionId, GUIDE);
  const { download, path } = await exportFile(page, 'Markdown');
  expect(download.suggestedFilename()).toMatch(/\.md\.zip$/);
  const files = unzipSync(new Uint8Array(await readFile(path)));
  const md = strFromU8(files['guide.md']!);
  const links = [...md.matchAll(/!\[[^\n]*?\]\(([^)]+)\)/g)].map((m) => m[1]!);
  expect(links).toEqual(['images/step-001.jpg', 'images/step-002.jpg', 'images/step-003.jpg', 'images/step-004.jpg']);
  for (const link of links) expect(files[link]?.slice(0, 3)).toEqual(new Uint8Array([0xff, 0xd8, 0xff]));

  const reader = await context.newPage();
  await reader.setContent(await marked.parse(md));
  expect(await reader.evaluate(() => document.scripts.length)).toBe(0);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(GUIDE.title);
  await expect(reader.getByRole('heading', { level: 2 })).toHaveText(['Раздел 1: Вход', 'Section 2']);
  expect(await reader.locator('li > p > strong').allTextContents()).toEqual(SENTENCES);
  expect(await reader.locator('img').evaluateAll((all) => all.map((i) => i.getAttribute('alt')))).toEqual(SENTENCES.slice(0, 4));
});

test('an empty guide still exports a sensible HTML, PDF and Markdown file', async ({
  browserWithExtension: { context, extensionId },
}) => {
  const { page } = await editorWithGuide(context, extensionId, { title: '', steps: [] });
  const html = await readFile((await exportFile(page, 'HTML')).path, 'utf8');
  const reader = await context.newPage();
  await reader.setContent(html);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText('Untitled guide');
  await expect(reader.getByText('This guide has no steps yet.')).toBeVisible();

  const pdf = (await exportFile(page, 'PDF')).path;
  expect(poppler('pdftotext', pdf, '-')).toContain('This guide has no steps yet.');
  expect(poppler('pdfinfo', pdf)).toMatch(/Pages:\s+1\n/);

  const zip = unzipSync(new Uint8Array(await readFile((await exportFile(page, 'Markdown')).path)));
  expect(Object.keys(zip)).toEqual(['guide.md']);
});
