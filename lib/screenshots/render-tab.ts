/**
 * The background's half of a rendered picture (issue 16, item 9): when the tab cannot be
 * captured, inject the render script (entrypoints/render.ts, html2canvas) into its top frame,
 * ask it for the page (`render.page`), and turn what it drew into a stored image, blurred
 * as captures are. The page's half, and what a rendering cannot show: render-page.ts.
 */
import { browser } from 'wxt/browser';
import type { ScriptPublicPath } from 'wxt/utils/inject-script';
import { sendToTab } from '@/lib/messaging';
import { blurPage } from './blur';
import type { PageState } from './choice';
import { encodeCapture, type EncodedImage } from './encode';
import type { RenderedPage } from './render-page';
import { withTimeout } from '@/lib/with-timeout';

export const RENDER_FILE: ScriptPublicPath = '/render.js';

/**
 * Not in Firefox: there html2canvas fails in a content script, since Firefox refuses
 * `document.open()` of its hidden copy to a script that is not the page's own ("SecurityError:
 * The operation is insecure", niklasvh/html2canvas#1184), after it has put that copy's iframe
 * in the page. Such a step keeps the older frame, or no picture, as before.
 */
const CAN_RENDER = !import.meta.env.FIREFOX;

/** A page that would hold the step back longer is given up: the step is saved without it. */
const RENDER_TIMEOUT_MS = 15_000;

function isRendered(value: unknown): value is RenderedPage {
  const page = value as Partial<RenderedPage> | undefined;
  return typeof page?.dataUrl === 'string' && page.dataUrl.startsWith('data:image/') && typeof page.viewport?.width === 'number';
}

/**
 * Renders the tab's top document if it still shows `url`. A step whose page is gone (a copy
 * recorded after its tab moved on, maybe to a never-record site) must never get a drawing of
 * whatever the tab holds now, nor load html2canvas there.
 */
async function render(tabId: number, url: string | undefined): Promise<RenderedPage | undefined> {
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!url || tab?.url !== url) return undefined;
  // Throws on a page extensions may not touch, or a gone tab.
  await browser.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: [RENDER_FILE], injectImmediately: true });
  const result: unknown = await sendToTab(tabId, { type: 'render.page' }, 0, RENDER_TIMEOUT_MS);
  // The document may have changed between the check and the drawing.
  return isRendered(result) && result.url === url ? result : undefined;
}

/**
 * The tab's page rendered, with every frame's secret boxes blurred (`page`: the frames'
 * reports; the top frame's boxes as it measured them when drawn are added). Undefined when
 * the page could not be rendered (a page extensions may not touch, a gone tab, a script error).
 */
export async function renderTab(tabId: number, page: PageState): Promise<EncodedImage | undefined> {
  if (!CAN_RENDER) return undefined;
  const rendered = await withTimeout(render(tabId, page[0]?.url), RENDER_TIMEOUT_MS, 'Rendering the page').catch(() => undefined);
  if (!rendered) return undefined;
  const image = await encodeCapture(rendered.dataUrl);
  const top = page[0]!;
  const now = { ...page, 0: { ...top, viewport: rendered.viewport, secretBoxes: [...top.secretBoxes, ...rendered.secretBoxes] } };
  return blurPage(image, now, rendered.viewport);
}
