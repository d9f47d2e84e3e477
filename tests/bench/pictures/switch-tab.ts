/**
 * A tab the user just switched back to: between two clicks the person goes to another tab of
 * the same window, the recorded page changes while it is hidden (the last effect is cleared, as
 * a page updates itself in the background), and they come back and click. The picture must
 * show the page as it is on their return, not as it was when they left.
 */
import type { Run, Condition } from './condition';
import { on } from './condition';

/** The other tab of each recording (by guide), made on the first switch. */
const otherTabs = new Map<string, number>();

/** Makes `tabId` the active tab of its window, through the browser's tabs API (not Waymark's). */
function activate(run: Run, tabId: number): Promise<void> {
  return run.session.api.page.evaluate(async (id) => void (await chrome.tabs.update(id, { active: true })), tabId);
}

async function switchAway(run: Run): Promise<void> {
  const other = otherTabs.get(run.guideId);
  if (other !== undefined) return activate(run, other);
  const created = await run.session.api.page.evaluate(
    async ({ id, url }) => (await chrome.tabs.create({ windowId: (await chrome.tabs.get(id)).windowId, url, active: true })).id!,
    { id: run.tabId, url: run.session.server.url('bench/pictures-next.html') },
  );
  otherTabs.set(run.guideId, created);
}

export const SWITCH_BACK: Condition = {
  id: 'prePictureSwitchBack', name: 'a tab just switched back to (page changed while hidden)', path: 'pictures.html', effect: 'panel',
  matches: on('Show panel', ['click']),
  async act(run) {
    await switchAway(run);
    await run.page.evaluate(() => (window as unknown as { __reset(): string[] }).__reset());
    await run.person.pause();
    await activate(run, run.tabId);
    await run.person.pause();
    return run.person.press(run.page.locator('#show'), run);
  },
  // Cleared while the tab is hidden, in `act`.
  reset: async () => undefined,
  async finish(run) {
    const other = otherTabs.get(run.guideId);
    otherTabs.delete(run.guideId);
    if (other !== undefined) await run.session.api.page.evaluate((id) => chrome.tabs.remove(id), other);
  },
};
