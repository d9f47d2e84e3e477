/**
 * Counts the screenshots Waymark takes of a page, seen from the page itself: the in-page bar
 * is hidden while the tab is captured and shown again right after (components/inpage/bar.ts,
 * `conceal`). A test can then wait for "the page has been captured since it went quiet"
 * instead of sleeping. Install before recording starts; a navigation resets the count.
 */
import type { Page } from 'playwright-core';

declare global {
  interface Window {
    __waymarkCaptures?: number;
  }
}

export async function watchCaptures(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__waymarkCaptures = 0;
    new MutationObserver((records) => {
      for (const r of records) {
        const shownAgain = r.oldValue?.includes('display: none') && (r.target as HTMLElement).style.display === '';
        if (shownAgain) window.__waymarkCaptures! += 1;
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['style'], attributeOldValue: true });
  });
}

/** Captures finished since `watchCaptures`. */
export function capturesOf(page: Page): Promise<number> {
  return page.evaluate(() => window.__waymarkCaptures ?? 0);
}
