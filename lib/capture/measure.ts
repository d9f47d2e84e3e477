/**
 * Marks the recorder's synchronous work per event so `npm run bench` can measure it:
 * each handler run becomes one `waymark:handler` performance measure.
 */
export function measured<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    performance.mark('waymark:handler-start');
    try {
      handler(event);
    } catch (error) {
      // A recorder bug must never break the page's own event handling.
      console.debug('Waymark: event not recorded', error);
    } finally {
      performance.measure('waymark:handler', 'waymark:handler-start');
    }
  };
}
