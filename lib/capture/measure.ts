/**
 * Wraps the recorder's event handlers. In a bench build (`WXT_BENCH=1 wxt build`) each
 * handler run also becomes one `waymark:handler` performance measure so `npm run bench` can
 * measure the synchronous work per event; production builds leave them out, since the page
 * can read its own performance timeline.
 */
const BENCH = import.meta.env.WXT_BENCH === '1';

export function measured<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (BENCH) performance.mark('waymark:handler-start');
    try {
      handler(event);
    } catch (error) {
      // A recorder bug must never break the page's own event handling.
      console.debug('Waymark: event not recorded', error);
    } finally {
      if (BENCH) performance.measure('waymark:handler', 'waymark:handler-start');
    }
  };
}

/** Runs `work` after the current event's handlers (and the page's), isolated like a handler. */
export function afterHandler(work: () => void): void {
  setTimeout(() => {
    try {
      work();
    } catch (error) {
      console.debug('Waymark: event not recorded', error);
    }
  }, 0);
}
