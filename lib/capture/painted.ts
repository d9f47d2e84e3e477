/**
 * Resolves after the page has painted its next frame, so a screenshot taken then no longer shows
 * what was just hidden (the recording bar, the walk's panel). Soon anyway in a tab that does not
 * paint. A document that is unloaded meanwhile never resolves it: the caller in the background
 * bounds its wait (`sendToTab`).
 */
export function painted(): Promise<void> {
  return new Promise((resolve) => {
    setTimeout(resolve, 100);
    requestAnimationFrame(() => requestAnimationFrame(() => resolve()));
  });
}
