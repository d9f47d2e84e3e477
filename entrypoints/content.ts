import { PageRecorder } from '@/lib/capture/page-recorder';
import { trackContextTarget } from '@/lib/privacy/context-target';

// Every page, every frame; idle until its tab is recorded. Logic: lib/capture/.
export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  runAt: 'document_start',
  main(ctx) {
    const recorder = new PageRecorder(window);
    ctx.onInvalidated(() => recorder.disconnect());
    void recorder.connect();
    trackContextTarget(ctx, window);
  },
});
