import { browser } from 'wxt/browser';
import { onMessage } from '@/lib/message-checks';
import { routeRecordingMessage } from '@/lib/recording/router';
import { toggleRecording } from '@/lib/recording/tabs';
import { finishInterrupted, workerStarted } from '@/lib/recording/lifecycle';
import { registerPrivacyMenu } from '@/lib/privacy/context-menu';
import * as walk from '@/lib/walk/controller';
import { welcomeOnInstall } from '@/lib/onboarding/welcome';

// Wiring only: the recording service lives in lib/recording/, the walk in lib/walk/.
// Only events that cost nothing for unrecorded browsing are listened to here; the tab and
// navigation listeners exist only while a recording runs (lib/recording/watch.ts).
export default defineBackground(() => {
  welcomeOnInstall();
  // Each side checks its senders: the walk's messages come from the walked tab, not a recorded one.
  onMessage((message, sender) => (walk.isWalkMessage(message) ? walk.handle(message, sender) : routeRecordingMessage(message, sender)));
  void workerStarted();
  registerPrivacyMenu();
  browser.runtime.onStartup.addListener(() => void finishInterrupted());
  browser.runtime.onInstalled.addListener(() => void finishInterrupted());
  walk.registerWalk();
  browser.commands?.onCommand.addListener((command) => {
    if (command === 'toggle-recording') void toggleRecording();
  });
});
