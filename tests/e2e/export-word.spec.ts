/**
 * A recording-shaped 20-step guide (targets with boxes, a "Go to" step, a note and a tip)
 * exported as Word, HTML and PDF, read back as a new hire would: the .docx through `unzip`
 * (its XML text, hyperlink and pictures), the HTML's focused pictures with the target ring
 * drawn in, and the PDF's page count (issue 13) and link (issue 18).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { editorWithGuide, exportFile, poppler, squeeze } from './export-helpers';
import type { SeedOptions, SeedStep } from '../support/seed';

const ADDRESS = 'https://expenses.example.test/reports/new?team=7';
/** The seeded picture's button (tests/support/seed.ts), in CSS pixels of a 1280×800 viewport. */
const BUTTON = { x: 128, y: 160, width: 320, height: 64 };
const target = { role: 'button', name: 'New report', tag: 'button', selectors: ['button'], box: BUTTON };
const clicks: SeedStep[] = Array.from({ length: 16 }, (_, i) => ({
  text: `Click "Step button ${i + 4}"`,
  action: { kind: 'click', target, point: { x: 256, y: 192 } },
}));
const GUIDE: SeedOptions = {
  title: 'Submit an expense report',
  intro: 'New hires file their first expense report with this guide. It takes about five minutes.',
  steps: [
    { kind: 'heading', text: 'Start a report' },
    { text: 'Go to "New report"', action: { kind: 'navigate', page: { url: ADDRESS, title: 'New report' }, how: 'load' } },
    { text: 'Click "New report"', note: 'The button is at the top left.', action: { kind: 'click', target, point: { x: 256, y: 192 } } },
    { kind: 'callout', tone: 'tip', text: 'Keep your receipts at hand.' },
    { text: 'Type "Blue Bottle" into "Merchant"', action: { kind: 'type', target: { ...target, role: 'textbox', name: 'Merchant' }, value: 'Blue Bottle', masked: false } },
    { text: 'Check "Billable"', action: { kind: 'check', target: { ...target, role: 'checkbox', name: 'Billable' }, checked: true } },
    ...clicks,
  ],
};

/** The visible text of a Word document, paragraph by paragraph. */
function docxText(file: string): string[] {
  const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''))
    .map((t) => t.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'"))
    .filter(Boolean);
}

test('Word, HTML and PDF: focused pictures with the target ringed, addresses as links, two steps a page', async ({
  browserWithExtension: { context, extensionId, browserName },
}) => {
  test.setTimeout(180_000); // three exports of 20 pictures each, on a shared machine
  const { page } = await editorWithGuide(context, extensionId, GUIDE);

  // Word: the text reads back, steps numbered in order, the address a hyperlink, one picture a step.
  const word = await exportFile(page, 'Word');
  expect(word.download.suggestedFilename()).toBe('Submit an expense report.docx');
  await word.download.saveAs(test.info().outputPath('guide.docx')); // kept to look at by hand
  const paragraphs = docxText(word.path);
  expect(paragraphs.slice(0, 3)).toEqual([GUIDE.title, expect.stringMatching(/ · 20 steps$/), GUIDE.intro]);
  for (const text of ['Start a report', '1. Go to "New report"', ADDRESS, '2. Click "New report"', 'The button is at the top left.',
    'Tip: Keep your receipts at hand.', '3. Type "Blue Bottle" into "Merchant"', '4. Check "Billable"', '20. Click "Step button 19"']) {
    expect(paragraphs).toContain(text);
  }
  expect(paragraphs.indexOf('1. Go to "New report"')).toBeLessThan(paragraphs.indexOf('20. Click "Step button 19"'));
  const rels = execFileSync('unzip', ['-p', word.path, 'word/_rels/document.xml.rels'], { encoding: 'utf8' });
  expect(rels).toContain(`Target="${ADDRESS.replace(/&/g, '&amp;')}" TargetMode="External"`);
  const media = execFileSync('unzip', ['-Z1', word.path], { encoding: 'utf8' }).split('\n').filter((f) => f.startsWith('word/media/'));
  expect(media).toHaveLength(20);

  // HTML: the "Go to" address is a link; action pictures are focused (half the screen, the
  // whole button inside) with the two-tone ring drawn around the button; navigation stays whole.
  // Exported once the page has made its export pictures (lib/export/renditions.ts): read, not drawn.
  await expect(page.getByRole('toolbar', { name: 'Export' })).toHaveAttribute('data-pictures', 'ready', { timeout: 60_000 });
  const html = await exportFile(page, 'HTML');
  const reader = await context.newPage();
  await reader.setContent(readFileSync(html.path, 'utf8'));
  await expect(reader.locator('ol.steps .address a')).toHaveAttribute('href', ADDRESS);
  const shots = await reader.locator('ol.steps img').evaluateAll((all: HTMLImageElement[]) => all.map((img) => {
    const ctx = new OffscreenCanvas(img.naturalWidth, img.naturalHeight).getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.naturalWidth, img.naturalHeight).data;
    let ring = 0; // the ring's inner colour, #c2185b
    for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - 194) < 40 && data[i + 1]! < 80 && Math.abs(data[i + 2]! - 91) < 45) ring++;
    return { width: img.naturalWidth, height: img.naturalHeight, ring };
  }));
  expect(shots).toHaveLength(20);
  expect(shots[0]).toMatchObject({ width: 960, height: 600, ring: 0 });
  for (const shot of shots.slice(1)) {
    expect(shot).toMatchObject({ width: 640, height: 400 });
    // Around a 320×64 box: ~800 px of a 2.5 px line; none without a ring (the picture has no such pink).
    expect(shot.ring).toBeGreaterThan(400);
  }
  await reader.close();

  // An edited step's picture is drawn again: never one made before the edit.
  await page.getByRole('button', { name: 'Remove focus from Step 2' }).click();
  await expect(page.getByRole('button', { name: 'Focus on target of Step 2' })).toBeVisible();
  const edited = await exportFile(page, 'HTML');
  const again = await context.newPage();
  await again.setContent(readFileSync(edited.path, 'utf8'));
  const sizes = await again.locator('ol.steps img').evaluateAll((all: HTMLImageElement[]) => all.map((img) => [img.naturalWidth, img.naturalHeight]));
  expect(sizes.slice(0, 3)).toEqual([[960, 600], [960, 600], [640, 400]]);
  await again.close();

  // PDF: a cover block and two steps a page; the address as text (and a link).
  const pdf = await exportFile(page, 'PDF');
  await pdf.download.saveAs(test.info().outputPath('guide.pdf'));
  const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', pdf.path))?.[1]);
  expect(pages).toBeLessThanOrEqual(12);
  expect(squeeze(poppler('pdftotext', pdf.path, '-'))).toContain(squeeze(ADDRESS));
  expect(readFileSync(pdf.path, 'latin1')).toContain(`/URI (${ADDRESS})`);

  // The Word code is a lazy chunk of the editor page that loads no remote code.
  if (browserName === 'chromium') {
    const dir = join(process.cwd(), '.output/chrome-mv3/chunks');
    const chunk = readdirSync(dir).find((f) => f.startsWith('docx-'));
    expect(chunk).toBeDefined();
    const code = readFileSync(join(dir, chunk!), 'utf8');
    expect(code).not.toMatch(/import\(\s*["'`]https?:|importScripts|https?:\/\/[^"'`\s]+\.m?js\b/);
  }
});
