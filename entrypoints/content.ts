import { browser } from 'wxt/browser';
import { PageRecorder } from '@/lib/capture/page-recorder';
import { startPrivacy } from '@/lib/privacy/content';
import { isMessage } from '@/lib/messages';
import { InPageBar } from '@/components/inpage/bar';

// Every page, every frame; idle until its tab is recorded. Logic: lib/capture/.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_start',
  main(ctx) {
    const recorder = new PageRecorder(window);
    ctx.onInvalidated(() => recorder.disconnect());
    void recorder.connect();
    startPrivacy(ctx, window);
    if (window !== window.top) return;
    // The in-page bar lives in the top frame only.
    const bar = new InPageBar();
    ctx.onInvalidated(() => bar.remove());
    browser.runtime.onMessage.addListener((message: unknown, _sender, sendResponse) => {
      if (!isMessage(message)) return undefined;
      if (message.type === 'recorder.bar') {
        bar.show(message.status);
        sendResponse({ ok: true });
      }
      if (message.type === 'recorder.conceal') {
        void bar.conceal(message.hidden).then(() => sendResponse({ ok: true }));
        return true;
      }
      return undefined;
    });
  },
});
