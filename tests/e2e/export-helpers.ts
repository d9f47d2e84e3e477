/** Shared by the export specs: open the editor with a seeded guide, click an export, read files. */
import { execFileSync } from 'node:child_process';
import type { BrowserContext, Download, Page } from 'playwright-core';
import { seedGuide, type SeedOptions } from '../support/seed';
import { gotoExtensionPage } from '../support/extension';

export async function editorWithGuide(context: BrowserContext, extensionId: string, options: SeedOptions) {
  const page = await context.newPage();
  await gotoExtensionPage(page, '/editor.html');
  // The library has opened the database once its heading shows.
  await page.getByRole('heading', { name: 'Your guides' }).waitFor();
  const seeded = await seedGuide(page, options);
  // A new document, not a change of hash: the seed wrote around this page's Dexie, whose
  // live-query cache still holds the empty library it read before (an entry lives on 3 s after
  // its last reader, and a reader that comes back within them keeps it). The library, opened
  // again from the guide, would show that cache: no guide. The app itself writes only through
  // Dexie, which keeps every page's cache current.
  await gotoExtensionPage(page, `/editor.html?seeded=${seeded.guideId}#/guides/${seeded.guideId}`);
  await page.getByRole('toolbar', { name: 'Export' }).waitFor();
  return { page, ...seeded };
}

/** Clicks "Export <format>" and waits for the file (long guides get a long timeout). */
export async function exportFile(page: Page, format: string, timeout = 60_000): Promise<{ download: Download; path: string }> {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout }),
    page.getByRole('button', { name: `Export ${format}`, exact: true }).click(),
  ]);
  const path = await download.path();
  if (!path) throw new Error(`The ${format} download failed: ${await download.failure()}`);
  return { download, path };
}

/** Runs a poppler tool and returns its standard output. */
export function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo' | 'pdfimages' | 'pdftohtml', ...args: string[]): string {
  return execFileSync(tool, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

/** Text with all whitespace removed: PDF line wrapping must not decide a comparison. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}
