import { PageRecorder } from '@/lib/capture/page-recorder';
import { startPrivacy } from '@/lib/privacy/content';

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
  },
});
