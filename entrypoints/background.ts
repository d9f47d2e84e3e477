import { browser } from 'wxt/browser';
import { onMessage, type Message, type Sender } from '@/lib/messages';
import * as controls from '@/lib/recording/controls';
import * as recorder from '@/lib/recording/recorder';
import * as tabs from '@/lib/recording/tabs';
import { drainOutbox, recordOnce } from '@/lib/recording/outbox';
import { ACTION_NOT_RECORDED, stepNotSaved } from '@/lib/recording/bar-status';
import { finishInterrupted, workerStarted } from '@/lib/recording/lifecycle';
import { allowedFrom, isExtensionPage } from '@/lib/recording/senders';
import { readSession, tabsOf } from '@/lib/recording/session';
import { registerPrivacyMenu } from '@/lib/privacy/context-menu';
import * as walk from '@/lib/walk/controller';
import { welcomeOnInstall } from '@/lib/onboarding/welcome';

// Wiring only: the recording service lives in lib/recording/.
// Only events that cost nothing for unrecorded browsing are listened to here; the tab and
// navigation listeners exist only while a recording runs (lib/recording/watch.ts).
export default defineBackground(() => {
  welcomeOnInstall();
  const extension = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };

  /** Content scripts may send only what lib/recording/senders.ts allows. */
  async function allowed(message: Message, sender: Sender): Promise<boolean> {
    if (isExtensionPage(sender, extension.id, extension.origin)) return true;
    // The walk's messages come from the walked tab, not a recorded one: lib/walk/controller.ts checks them.
    if (message.type.startsWith('walk.')) return true;
    const session = await readSession();
    return allowedFrom(message, sender, extension, tabsOf(session), session.lastTabs);
  }

  onMessage((message, sender) =>
    allowed(message, sender).then((ok) => (ok ? handle(message, sender) : { error: 'Not allowed from this sender.' })),
  );

  function handle(message: Message, sender: Sender): Promise<unknown> | undefined {
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
      case 'recording.open-guide':
        return controls.openGuide(message.guideId);
      case 'capture.action':
        if (tabId === undefined) return undefined;
        return recordOnce({ tabId, frameId }, message, message.outboxId).then((ok) => ({ ok }));
      case 'context.page':
        return controls.pageContext(tabId, message.excerpt).then(() => ({ ok: true }));
      case 'capture.settled':
        if (tabId === undefined) return undefined;
        return recorder.pageSettled(tabId, frameId, message).then(() => ({ ok: true }));
      case 'capture.intent':
        if (tabId === undefined) return undefined;
        return recorder.actionIntent(tabId, frameId, message).then(() => ({ ok: true }));
      case 'capture.error':
        // The page-side message goes to the worker's log only: the user sees a fixed sentence.
        console.warn('Waymark: recorder failed in a page:', message.message);
        return stepNotSaved(ACTION_NOT_RECORDED).then(() => ({ ok: true }));
      case 'walk.start':
      case 'walk.status':
      case 'walk.skip':
      case 'walk.back':
      case 'walk.stop':
      case 'walk.hello':
      case 'walk.view':
      case 'walk.performed':
      case 'walk.health':
      case 'walk.recapture':
      case 'walk.undo-recapture':
        return walk.handle(message, sender);
      default:
        return undefined;
    }
  }

  void workerStarted();
  void drainOutbox();
  registerPrivacyMenu();
  browser.runtime.onStartup.addListener(() => void finishInterrupted());
  browser.runtime.onInstalled.addListener(() => void finishInterrupted());
  walk.registerWalk();
  browser.commands?.onCommand.addListener((command) => {
    if (command === 'toggle-recording') void tabs.toggleRecording();
  });
});
