import { browser } from 'wxt/browser';
import { isMessage } from '@/lib/messaging';
import { renderPage } from '@/lib/screenshots/render-page';

/**
 * Draws the page with html2canvas, for a step whose tab could not be captured. Injected by
 * the background into the top frame of a recorded tab only when it needs a rendering, then
 * asked with `render.page` (lib/screenshots/render-tab.ts): a message, because Firefox does
 * not wait for a promise that an injected file ends with. Not web-accessible:
 * `executeScript({ files })` does not need it. Logic: lib/screenshots/render-page.ts.
 */
const LISTENING = Symbol.for('waymark.render');

type Scope = typeof globalThis & { [LISTENING]?: true };

export default defineUnlistedScript(() => {
  // Injected again for each rendering: one listener per document.
  const scope = globalThis as Scope;
  if (scope[LISTENING]) return;
  scope[LISTENING] = true;
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    if (!isMessage(message) || message.type !== 'render.page') return undefined;
    renderPage(window).then(sendResponse, () => sendResponse(undefined));
    return true;
  });
});
