/**
 * A cheap change counter for the page: DOM mutations, scrolls, resizes and input since the
 * recording began. When it stops moving for a short while, the page has "settled" and the
 * background takes a picture of it, ready to serve as the pre-action screenshot of the next
 * action (see the README, "Pre-action screenshots").
 */
import { isIgnoredElement } from '@/lib/privacy/policy';

const SETTLE_MS = 200;
/**
 * The first report waits for a quiet moment, but not longer than this: on a page that never
 * stops changing (a clock), the recording must still start with its page's step and picture.
 */
const FIRST_REPORT_WITHIN_MS = 1000;

export interface ChangeTracker {
  count(): number;
  stop(): void;
}

/**
 * Waymark's own in-page bar (marked ignored) changes nothing the page shows in a picture.
 * The attribute test goes first: this runs for every mutation of a busy page.
 */
function ownNode(node: Node): boolean {
  return node instanceof Element && node.hasAttribute('data-waymark-bar') && isIgnoredElement(node);
}

function pageMutation(record: MutationRecord): boolean {
  if (ownNode(record.target)) return false;
  if (record.type !== 'childList') return true;
  const { addedNodes, removedNodes } = record;
  if (addedNodes.length + removedNodes.length === 0) return true;
  for (const node of addedNodes) if (!ownNode(node)) return true;
  for (const node of removedNodes) if (!ownNode(node)) return true;
  return false;
}

export function trackChanges(doc: Document, onSettled: (count: number) => void): ChangeTracker {
  let count = 0;
  let lastChange = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const win = doc.defaultView ?? window;
  const firstBy = performance.now() + FIRST_REPORT_WITHIN_MS;
  let reported = false;
  // One timer per quiet spell, not one per change: a busy page changes many times a second.
  const settleCheck = () => {
    const now = performance.now();
    const quietFor = now - lastChange;
    if (quietFor < SETTLE_MS && (reported || now < firstBy)) {
      timer = setTimeout(settleCheck, SETTLE_MS - quietFor);
      return;
    }
    timer = undefined;
    reported = true;
    onSettled(count);
  };
  const changed = () => {
    count++;
    lastChange = performance.now();
    timer ??= setTimeout(settleCheck, SETTLE_MS);
  };
  const observer = new MutationObserver((records) => {
    if (records.some(pageMutation)) changed();
  });
  observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
  // popstate/hashchange: a route change may repaint without a mutation we would count.
  const events = ['scroll', 'resize', 'input', 'popstate', 'hashchange'] as const;
  for (const type of events) win.addEventListener(type, changed, { capture: true, passive: true });
  // The first picture: the page as it is when recording starts.
  timer = setTimeout(settleCheck, 0);
  return {
    count: () => count,
    stop() {
      observer.disconnect();
      clearTimeout(timer);
      for (const type of events) win.removeEventListener(type, changed, { capture: true });
    },
  };
}
