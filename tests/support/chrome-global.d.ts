// Test code evaluated inside extension pages uses the `chrome` global those pages have.
import type { Browser } from 'wxt/browser';

declare global {
  const chrome: typeof Browser;
}
