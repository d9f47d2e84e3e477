import { browser } from 'wxt/browser';
import { PageRecorder } from '@/lib/capture/page-recorder';
import { startPrivacy } from '@/lib/privacy/content';
import { isMessage } from '@/lib/messaging';
import { InPageBar } from '@/components/inpage/bar';

/**
 * The recorder, injected by the background into the frames of recorded tabs only
 * (lib/recording/inject.ts); it starts recording at once. Logic: lib/capture/.
 * Injected again into the same document (a restarted worker covers its tabs again), it turns
 * the recorder already there back on instead of adding a second one. The guard lives on the
 * extension's own isolated world, which the page cannot see or set.
 */
const RUNNING = Symbol.for('waymark.recorder');

type Scope = typeof globalThis & { [RUNNING]?: () => void };

export default defineUnlistedScript(() => {
  const scope = globalThis as Scope;
  const running = scope[RUNNING];
  if (running) return void running();
  const recorder = new PageRecorder(window);
  scope[RUNNING] = () => recorder.connect();
  // The settings first, so that the first event already honours never-record elements.
  void startPrivacy(window).then(() => recorder.connect());
  if (window === window.top) showBar();
});

/** The in-page bar lives in the top frame only; the background tells it what to show. */
function showBar(): void {
  const bar = new InPageBar();
  browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
    if (!isMessage(message)) return undefined;
    if (message.type === 'recorder.bar') {
      if (message.offPage) bar.remove();
      else bar.show(message.status);
      sendResponse({ ok: true });
    }
    if (message.type === 'recorder.conceal') {
      void bar.conceal(message.hidden).then(() => sendResponse({ ok: true }));
      return true;
    }
    return undefined;
  });
}
