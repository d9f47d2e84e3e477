/**
 * Makes a guide's export pictures while its page is open (lib/export/renditions.ts), so that
 * pressing Export reads them instead of drawing each one. Starts once the steps have stayed
 * the same for a moment (not while a recording still adds steps), and starts over when they
 * change. Only a speed-up: a failure leaves the export to draw the pictures itself.
 */
import { useEffect, useState } from 'react';
import type { Step } from '@/lib/steps/types';
import { prepareRenditions } from '@/lib/export/renditions';

/** Quiet time before starting: an edit is often followed by another. */
const PREPARE_AFTER_MS = 1000;

/** True once every export picture of these steps is made. */
export function usePreparedPictures(guideId: string, steps: Step[], recording: boolean): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    setReady(false);
    if (recording) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      prepareRenditions(guideId, steps, controller.signal).then(
        (done) => done && setReady(true),
        (error: unknown) => console.warn('Waymark: export pictures not prepared; exports will draw them', error),
      );
    }, PREPARE_AFTER_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [guideId, steps, recording]);
  return ready;
}
