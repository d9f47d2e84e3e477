import { browser } from 'wxt/browser';
import { onMessage } from '@/lib/messages';
import * as controls from '@/lib/recording/controls';
import * as recorder from '@/lib/recording/recorder';
import * as tabs from '@/lib/recording/tabs';
import { isRecordedTab, showBar } from '@/lib/recording/bar-status';
import { claim, drainOutbox } from '@/lib/recording/outbox';
import { registerPrivacyMenu } from '@/lib/privacy/context-menu';
import { welcomeOnInstall } from '@/lib/onboarding/welcome';

// Wiring only: the recording service lives in lib/recording/.
export default defineBackground(() => {
  welcomeOnInstall();
  onMessage((message, sender) => {
    const tabId = sender.tab?.id;
    const frameId = sender.frameId ?? 0;
    switch (message.type) {
      case 'recording.start':
        return controls.start(message);
      case 'recording.pause':
        return controls.pause();
      case 'recording.resume':
        return controls.resume();
      case 'recording.stop':
        return controls.stop();
      case 'recording.status':
        return controls.status();
      case 'recording.undo':
        return controls.undo();
      case 'recording.discard':
        return controls.discard();
      case 'capture.hello':
        return isRecordedTab(tabId).then((recording) => {
          // A new page in a recorded tab gets its bar.
          if (tabId !== undefined && frameId === 0 && recording) setTimeout(() => void showBar([tabId]), 0);
          return { recording };
        });
      case 'capture.action':
        if (tabId === undefined) return undefined;
        // Already recorded from its stored copy (the worker started after the page left).
        if (message.outboxId && !claim(message.outboxId)) return Promise.resolve({ ok: true });
        return recorder.recordAction(tabId, frameId, message.action, message.context).then(() => ({ ok: true }));
      case 'context.page':
        return controls.pageContext(tabId, message.excerpt).then(() => ({ ok: true }));
      case 'capture.settled':
        if (tabId === undefined) return undefined;
        return recorder.pageSettled(tabId, frameId, message).then(() => ({ ok: true }));
      default:
        return undefined;
    }
  });
  void drainOutbox(recorder.recordAction);
  registerPrivacyMenu();
  browser.tabs.onCreated.addListener((tab) => void tabs.tabCreated(tab));
  browser.tabs.onRemoved.addListener((tabId) => void tabs.tabClosed(tabId));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) void tabs.tabNavigated(tabId, change.url);
  });
  browser.commands?.onCommand.addListener((command) => {
    if (command === 'toggle-recording') void tabs.toggleRecording();
  });
});
