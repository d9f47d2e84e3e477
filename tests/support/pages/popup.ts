/** Page object for the toolbar popup, opened as a tab (tests cannot click the toolbar). */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { openExtensionPage } from '../extension';

export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(context: BrowserContext, extensionId: string): Promise<PopupPage> {
    const page = await openExtensionPage(context, '/popup.html');
    return new PopupPage(page);
  }

  button(name: string | RegExp): Locator {
    return this.page.getByRole('button', { name });
  }

  status(): Locator {
    return this.page.getByRole('status', { name: 'Recording status' });
  }

  alert(): Locator {
    return this.page.getByRole('alert');
  }
}
