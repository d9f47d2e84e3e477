/**
 * A cheap change counter for the page: DOM mutations, scrolls, resizes and input since the
 * recording began. When it stops moving for a short while, the page has "settled" and the
 * background takes a picture of it, ready to serve as the pre-action screenshot of the next
 * action (see ARCHITECTURE.md).
 */
const SETTLE_MS = 200;

export interface ChangeTracker {
  count(): number;
  stop(): void;
}

export function trackChanges(doc: Document, onSettled: (count: number) => void): ChangeTracker {
  let count = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const win = doc.defaultView ?? window;
  const changed = () => {
    count++;
    clearTimeout(timer);
    timer = setTimeout(() => onSettled(count), SETTLE_MS);
  };
  const observer = new MutationObserver(changed);
  observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
  const events = ['scroll', 'resize', 'input'] as const;
  for (const type of events) win.addEventListener(type, changed, { capture: true, passive: true });
  // The first picture: the page as it is when recording starts.
  timer = setTimeout(() => onSettled(count), 0);
  return {
    count: () => count,
    stop() {
      observer.disconnect();
      clearTimeout(timer);
      for (const type of events) win.removeEventListener(type, changed, { capture: true });
    },
  };
}
