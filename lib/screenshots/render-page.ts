/**
 * The page drawn by html2canvas, for a step whose tab could not be captured: hidden behind
 * another tab, or the capture refused (issue 16, item 9). Runs in the top frame of the
 * recorded tab, injected by the background only then (entrypoints/render.ts, called from
 * lib/screenshots/render-tab.ts): html2canvas (~200 KB) never loads in a page that is only
 * recorded, and never goes into the recorder's bundle.
 *
 * A rendering is a re-creation from the DOM and its styles, not pixels: close, not exact.
 * What it cannot show:
 * - cross-origin iframes stay blank: html2canvas cannot read their documents (nor can this
 *   script, which runs in the top frame only). Same-origin iframes are loaded again inside
 *   html2canvas's hidden copy of the page, so they show their first state, not what was typed;
 * - images of other origins are left out (no CORS fetch, so the canvas stays readable).
 *
 * Secrets, as in real captures, twice over: the values of secret fields are replaced by
 * bullets in html2canvas's copy of the page before it is drawn (lib/privacy/masked-copy.ts;
 * the copy holds the typed values, since cloning an input keeps its value, and open shadow
 * roots are flattened into it), and the background blurs the secret boxes on the result as
 * it does on captures.
 */
import html2canvas from 'html2canvas';
import type { Box, Viewport } from '@/lib/steps/types';
import { maskSecrets, secretValues } from '@/lib/privacy/masked-copy';
import { secretBoxes } from '@/lib/privacy/secret-boxes';
import { loadPrivacySettings } from '@/lib/privacy/settings';

/** What the render script gives back to the background (through `scripting.executeScript`). */
export interface RenderedPage {
  /** The visible viewport as a JPEG data URL, at the device pixel ratio (as captures are). */
  dataUrl: string;
  url: string;
  viewport: Viewport;
  /** The top frame's boxes to blur now (the frame's last report may be older). */
  secretBoxes: Box[];
}

/** An image that never loads must not hold the step's picture back for html2canvas's 15 s. */
const IMAGE_TIMEOUT_MS = 3_000;

/** Renders the visible part of the page (the viewport at its scroll position). */
export async function renderPage(win: Window): Promise<RenderedPage> {
  // The user's "never record" elements are among the boxes to blur.
  await loadPrivacySettings().catch(() => undefined);
  const doc = win.document;
  const secrets = secretValues(doc);
  const viewport = { width: win.innerWidth, height: win.innerHeight, dpr: win.devicePixelRatio };
  const canvas = await html2canvas(doc.documentElement, {
    x: win.scrollX,
    y: win.scrollY,
    width: viewport.width,
    height: viewport.height,
    logging: false,
    imageTimeout: IMAGE_TIMEOUT_MS,
    // Waymark's own bar is hidden for captures too.
    ignoreElements: (element) => element.hasAttribute('data-waymark-bar'),
    onclone: (copy) => maskSecrets(copy, secrets),
  });
  return {
    dataUrl: canvas.toDataURL('image/jpeg', 0.82),
    url: win.location.href,
    viewport,
    secretBoxes: secretBoxes(doc),
  };
}
