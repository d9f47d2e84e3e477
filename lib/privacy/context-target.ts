/**
 * Recorder half of "Never record this element" (runs in recorded tabs only, injected with the
 * recorder): remembers what the user right-clicked,
 * and when the background asks (after the menu item was chosen) answers with a selector for
 * it. Only the right-click is listened to, passively; nothing is sent until the user asks.
 */
import { browser } from 'wxt/browser';
import { finder } from '@medv/finder';
import { isMessage } from '@/lib/messaging';

function selectorOf(element: Element): string | undefined {
  try {
    return finder(element, { root: element.ownerDocument.body ?? element.ownerDocument.documentElement, timeoutMs: 200 });
  } catch {
    return element.id ? `#${CSS.escape(element.id)}` : undefined;
  }
}

export function trackContextTarget(win: Window): void {
  let target: Element | undefined;
  win.addEventListener(
    'contextmenu',
    (event) => {
      // A synthetic contextmenu after the user's right-click must not swap the element marked.
      if (!event.isTrusted) return;
      const first = event.composedPath()[0];
      target = first instanceof Element ? first : undefined;
    },
    { capture: true, passive: true },
  );
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    if (!isMessage(message) || message.type !== 'privacy.context-target' || !target) return undefined;
    sendResponse({ selector: selectorOf(target), url: win.location.href });
    return undefined;
  });
}
