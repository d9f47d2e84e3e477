import { browser } from 'wxt/browser';
import { onMessage } from '@/lib/messages';
import * as recorder from '@/lib/recording/recorder';
import { registerPrivacyMenu } from '@/lib/privacy/context-menu';

// Wiring only: the recording service lives in lib/recording/recorder.ts.
export default defineBackground(() => {
  onMessage((message, sender) => {
    const tabId = sender.tab?.id;
    switch (message.type) {
      case 'recording.start':
        return recorder.start(message.tabId);
      case 'recording.pause':
        return recorder.pause();
      case 'recording.resume':
        return recorder.resume();
      case 'recording.stop':
        return recorder.stop();
      case 'recording.status':
        return recorder.status();
      case 'capture.hello':
        return recorder.isRecordedTab(tabId).then((recording) => ({ recording }));
      case 'capture.action':
        if (tabId === undefined) return undefined;
        return recorder.recordAction(tabId, message.action, message.context).then(() => ({ ok: true }));
      case 'capture.settled':
        if (tabId === undefined || sender.frameId !== 0) return undefined;
        return recorder.pageSettled(tabId, message).then(() => ({ ok: true }));
      case 'recorder.state':
      case 'privacy.context-target':
        return undefined;
    }
  });
  browser.tabs.onRemoved.addListener((tabId) => void recorder.tabClosed(tabId));
  registerPrivacyMenu();
});
