/**
 * Who may send what to the background. Extension pages (popup, editor, options, tests driving
 * the automation contract) may send every message. A content script runs in a web page the
 * page's author controls — the recorder's own isolated world, but in a hostile frame — so
 * it may send only:
 * - the in-page bar's controls (pause, resume, finish, delete last step), from the top frame
 *   of a recorded tab: those are the buttons it shows there;
 * - actions, settled-page reports, recorder failures and the page context of its own tab while that tab is
 *   recorded (the background takes tab and frame from the sender, never from the message);
 * - "Open the guide", from the top frame of a tab of the recording that just finished
 *   (the bar offers it for a few seconds after the stop).
 * Nothing else: no starting, discarding, or recording into another tab.
 */
import type { Message, MessageType, Sender } from '@/lib/messages';

/** The in-page bar's buttons (components/inpage/bar.ts). */
const IN_PAGE_CONTROLS: readonly MessageType[] = ['recording.pause', 'recording.resume', 'recording.stop', 'recording.undo'];
/** What a recorded frame reports about itself. */
const FRAME_REPORTS: readonly MessageType[] = ['capture.action', 'capture.intent', 'capture.settled', 'capture.error'];

type SenderInfo = Pick<Sender, 'id' | 'url' | 'frameId'> & { tab?: { id?: number } };

/** Is the sender one of this extension's own pages (not a content script in a web page)? */
export function isExtensionPage(sender: SenderInfo, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && Boolean(sender.url?.startsWith(extensionOrigin));
}

/**
 * `extensionOrigin`: `runtime.getURL('/')`; `recordedTabs`: the tabs of the running recording
 * (empty when idle); `lastTabs`: the tabs of the last finished recording.
 */
export function allowedFrom(
  message: Pick<Message, 'type'>,
  sender: SenderInfo,
  extension: { id: string; origin: string },
  recordedTabs: readonly number[],
  lastTabs: readonly number[] = [],
): boolean {
  if (isExtensionPage(sender, extension.id, extension.origin)) return true;
  if (sender.id !== extension.id) return false;
  const tabId = sender.tab?.id;
  const top = (sender.frameId ?? 0) === 0;
  if (message.type === 'recording.open-guide') return top && tabId !== undefined && lastTabs.includes(tabId);
  if (tabId === undefined || !recordedTabs.includes(tabId)) return false;
  if (IN_PAGE_CONTROLS.includes(message.type)) return top;
  if (message.type === 'context.page') return top;
  return FRAME_REPORTS.includes(message.type);
}
