/** Page object for the editor (library and guide pages), found by role and name. */
import type { BrowserContext, Download, Locator, Page } from 'playwright-core';
import { gotoExtensionPage } from '../extension';

export class EditorPage {
  private constructor(readonly page: Page, readonly extensionId: string) {}

  /** `extensionId` is kept for callers; the page is opened in whichever browser owns `context`. */
  static async open(context: BrowserContext, extensionId: string, guideId?: string): Promise<EditorPage> {
    const page = await context.newPage();
    const editor = new EditorPage(page, extensionId);
    await editor.goto(guideId);
    return editor;
  }

  async goto(guideId?: string): Promise<void> {
    const hash = guideId ? `#/guides/${guideId}` : '';
    await gotoExtensionPage(this.page, `/editor.html${hash}`);
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  steps(): Locator {
    return this.page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  }

  guideLinks(): Locator {
    return this.page.getByRole('list', { name: 'Guides' }).getByRole('link');
  }

  /** Clicks an export control and returns the download with its text content. */
  async export(format: 'HTML' | 'PDF'): Promise<{ download: Download; path: string }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByRole('button', { name: `Export ${format}` }).click(),
    ]);
    const path = await download.path();
    if (!path) throw new Error('Download failed');
    return { download, path };
  }
}
