/**
 * A 200-step guide (1280×800 screenshots, a section every 20 steps): the PDF and HTML exports
 * finish, show progress while they work, and hold every step and picture. The time taken is
 * reported as an annotation for information only; `npm run bench` is where speed is judged.
 */
import { readFile } from 'node:fs/promises';
import { test, expect } from './fixtures';
import { editorWithGuide, exportFile, poppler } from './export-helpers';
import type { SeedStep } from '../support/seed';

const STEPS: SeedStep[] = Array.from({ length: 220 }, (_, i) =>
  i % 11 === 0
    ? { kind: 'heading', text: `Часть ${i / 11 + 1}` }
    : { text: `Click "Кнопка ${i - Math.floor(i / 11)}"`, note: i % 3 === 0 ? 'Проверьте сумму.' : undefined },
);

test('a 200-step guide exports to PDF and HTML with progress shown', async ({ browserWithExtension: { context, extensionId } }) => {
  // Room for Firefox on a loaded 2-core machine (its PDF of 200 pictures took over 2 min there):
  // this checks that a large export finishes whole, `npm run bench` judges its speed.
  test.setTimeout(360_000);
  const { page } = await editorWithGuide(context, extensionId, { title: 'Двести шагов', steps: STEPS });

  for (const format of ['PDF', 'HTML'] as const) {
    const started = Date.now();
    const result = exportFile(page, format, 170_000);
    await expect(page.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
    const { path } = await result;
    const seconds = (Date.now() - started) / 1000;
    test.info().annotations.push({ type: `${format} export of 200 steps`, description: `${seconds.toFixed(1)} s` });
    console.log(`${format} export of 200 steps: ${seconds.toFixed(1)} s`);
    await expect(page.getByRole('button', { name: `Export ${format}` })).toBeEnabled();

    if (format === 'PDF') {
      const text = poppler('pdftotext', path, '-');
      expect(text).toContain('1. Click "Кнопка 1"');
      expect(text).toContain('200. Click "Кнопка 200"');
      expect(poppler('pdfimages', '-list', path).trim().split('\n').length - 2).toBe(200);
      const pages = Number(/Pages:\s+(\d+)/.exec(poppler('pdfinfo', path))?.[1]);
      expect(text).toContain(`Page ${pages} of ${pages}`);
    } else {
      const reader = await context.newPage();
      await reader.setContent(await readFile(path, 'utf8'));
      await expect(reader.locator('ol.steps > li')).toHaveCount(220);
      await expect(reader.locator('ol.steps img')).toHaveCount(200);
      await expect(reader.getByRole('navigation', { name: 'Contents' }).getByRole('link')).toHaveCount(20);
      await reader.close();
    }
  }
});
