/** Page object for the editor (library and guide pages), found by role and name. */
import type { BrowserContext, Download, Locator, Page } from 'playwright-core';
import type { Guide, Step } from '../../../lib/steps/types';
import { readInPage, seedInPage, type SeedGuide } from '../../fixtures/editor/seed';
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

  /**
   * Writes guides into the extension's database (once the page has opened it), then reloads:
   * Dexie's live queries see only writes made through Dexie.
   */
  async seed(guides: SeedGuide[]): Promise<string[]> {
    await this.page.getByRole('heading', { level: 1 }).waitFor();
    const ids = await this.run(seedInPage, guides);
    await this.page.reload();
    return ids;
  }

  /** What is stored for a guide right now (to check autosave without the UI). */
  stored(guideId: string): Promise<{ guide: Guide; steps: Step[]; imageIds: string[] }> {
    return this.run(readInPage, guideId) as unknown as Promise<{ guide: Guide; steps: Step[]; imageIds: string[] }>;
  }

  /** Runs a self-contained function in the page, passed as source text with the helper some
   * TypeScript runners (tsx) add to named functions. */
  private run<A, R>(fn: (arg: A) => Promise<R>, arg: A): Promise<R> {
    const source = `(() => { const __name = (f) => f; return (${fn.toString()})(${JSON.stringify(arg)}); })()`;
    return this.page.evaluate(source) as Promise<R>;
  }

  heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  steps(): Locator {
    return this.page.getByRole('list', { name: 'Steps' }).getByRole('listitem');
  }

  /** The editable sentence of a step, e.g. stepText(2) is "Step 2 text". */
  stepText(n: number): Locator {
    return this.page.getByRole('textbox', { name: `Step ${n} text`, exact: true });
  }

  /** Every step's sentence box value, in order (only steps drawn on screen). */
  async stepTexts(): Promise<string[]> {
    return this.page.getByRole('textbox', { name: /^Step \d+ text$/ }).evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
  }

  title(): Locator {
    return this.page.getByRole('textbox', { name: 'Guide title' });
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name, exact: typeof name === 'string' ? true : undefined });
  }

  /** Opens a step's "More…" menu, for the rarer commands. */
  async more(name: string): Promise<void> {
    await this.page.getByText('More…').and(this.page.getByLabel(`More actions for ${name}`)).click();
  }

  screenshotOf(label: string): Locator {
    return this.page.getByRole('group', { name: `Screenshot of ${label}` });
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
