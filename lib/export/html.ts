/**
 * HTML export: one self-contained file (CSS inline, screenshots as data URLs, no script,
 * no request). Built with DOM methods and `textContent`, so page text can never become
 * markup; a CSP meta tag forbids scripts and remote loads as a second wall.
 *
 * Screenshots are rendered one at a time (crop, blur, annotations, marker drawn in) and
 * spliced into the serialized page as data URLs, so the DOM never carries megabytes of
 * base64 and no more than one picture is decoded at once.
 */
import type { ActionStep, Step } from '@/lib/steps/types';
import { ANNOTATION_STYLE } from '@/lib/steps/annotation-style';
import { blobToDataUrl } from './files';
import { markerPoint } from './marker';
import { cropOf, markerSize } from './render-shot';
import {
  actionCount,
  type GuideData,
  numberSteps,
  type Progress,
  renderAhead,
  sentenceOf,
} from './guide-data';
import { EXPORT_CSS } from './html-style';

const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";
/** Pictures wider than this are shrunk: sharp on a laptop, a tenth of the weight of 4K. */
const MAX_IMAGE_WIDTH = 1600;

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attrs: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

const SVG = 'http://www.w3.org/2000/svg';

/**
 * The click marker as an SVG circle over the picture, in the picture's own pixel space with
 * the shot renderer's geometry: a picture with nothing else drawn on it is used as stored,
 * with no decoding and re-encoding (the common case, and most of the time of a long guide).
 */
function markerOverlay(doc: Document, step: ActionStep, width: number, height: number): SVGSVGElement | undefined {
  const at = markerPoint(step);
  if (!at) return undefined;
  const crop = cropOf(step);
  const cx = ((at.x - crop.x) / crop.width) * width;
  const cy = ((at.y - crop.y) / crop.height) * height;
  if (cx < 0 || cx > width || cy < 0 || cy > height) return undefined;
  const { radius, line } = markerSize(width);
  const svg = doc.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'overlay');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('aria-hidden', 'true');
  const circle = doc.createElementNS(SVG, 'circle');
  const attrs = {
    cx: cx.toFixed(1),
    cy: cy.toFixed(1),
    r: radius.toFixed(1),
    fill: ANNOTATION_STYLE.markerFill,
    stroke: ANNOTATION_STYLE.markerColor,
    'stroke-width': line.toFixed(1),
  };
  for (const [name, value] of Object.entries(attrs)) circle.setAttribute(name, value);
  svg.append(circle);
  return svg;
}

interface Pending {
  step: Step;
  number?: number;
  img: HTMLImageElement;
}

function stepItem(doc: Document, step: Step, number: number | undefined, sectionId: string | undefined) {
  const kindClass = step.kind === 'callout' ? `callout ${step.tone}` : step.kind;
  const item = el(doc, 'li', { class: `step ${kindClass}` });
  if (sectionId) item.id = sectionId;
  else if (number !== undefined) item.id = `step-${number}`;
  const text = sentenceOf(step, number);
  if (step.kind === 'heading') {
    item.append(el(doc, 'h2', { class: 'sentence' }, text));
  } else {
    const sentence = el(doc, 'p', { class: 'sentence' });
    if (number !== undefined) sentence.append(el(doc, 'span', { class: 'num' }, String(number)));
    if (step.kind === 'callout') sentence.append(el(doc, 'span', { class: 'tone' }, step.tone === 'tip' ? 'Tip:' : 'Warning:'));
    sentence.append(doc.createTextNode(text));
    item.append(sentence);
  }
  const address = step.kind === 'action' && step.action.kind === 'navigate' ? step.action.page.url : '';
  // A "Go to" step links its page's address: a title alone cannot be followed (issue 18).
  if (/^https?:\/\//i.test(address)) {
    const line = el(doc, 'p', { class: 'address' });
    line.append(el(doc, 'a', { href: address }, address));
    item.append(line);
  }
  if (step.note) item.append(el(doc, 'p', { class: 'note' }, step.note));
  return item;
}

function tableOfContents(doc: Document, sections: { id: string; title: string }[]): HTMLElement {
  const nav = el(doc, 'nav', { class: 'toc', 'aria-label': 'Contents' });
  nav.append(el(doc, 'h2', {}, 'Contents'));
  const list = el(doc, 'ol');
  for (const s of sections) {
    const link = el(doc, 'a', { href: `#${s.id}` }, s.title);
    const item = el(doc, 'li');
    item.append(link);
    list.append(item);
  }
  nav.append(list);
  return nav;
}

/** The page with an image placeholder per screenshot, and the steps whose pictures fill them. */
function buildDocument(data: GuideData, now: Date, token: string): { doc: Document; pending: Pending[] } {
  const doc = document.implementation.createHTMLDocument(data.guide.title || 'Guide');
  doc.documentElement.setAttribute('lang', 'en');
  doc.head.prepend(el(doc, 'meta', { charset: 'utf-8' }));
  doc.head.append(
    el(doc, 'meta', { 'http-equiv': 'Content-Security-Policy', content: CSP }),
    el(doc, 'meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    el(doc, 'meta', { name: 'generator', content: 'Waymark' }),
    el(doc, 'style', {}, EXPORT_CSS),
  );
  const main = el(doc, 'main');
  const count = actionCount(data.steps);
  const date = now.toLocaleDateString('en', { dateStyle: 'long' });
  main.append(
    el(doc, 'h1', {}, data.guide.title || 'Untitled guide'),
    el(doc, 'p', { class: 'meta' }, `${date} · ${count} ${count === 1 ? 'step' : 'steps'}`),
  );
  if (data.guide.intro) main.append(el(doc, 'p', { class: 'intro' }, data.guide.intro));
  const list = el(doc, 'ol', { class: 'steps' });
  const sections: { id: string; title: string }[] = [];
  const pending: Pending[] = [];
  for (const { step, number } of numberSteps(data.steps)) {
    const sectionId = step.kind === 'heading' ? `section-${sections.length + 1}` : undefined;
    if (sectionId) sections.push({ id: sectionId, title: sentenceOf(step) || 'Section' });
    const item = stepItem(doc, step, number, sectionId);
    if (step.kind === 'action' && step.imageId && !step.hideImage) {
      const figure = el(doc, 'figure');
      const img = el(doc, 'img', { alt: sentenceOf(step, number), src: `${token}${pending.length}` });
      figure.append(img);
      item.append(figure);
      pending.push({ step, number, img });
    }
    list.append(item);
  }
  if (sections.length > 0) main.append(tableOfContents(doc, sections));
  if (data.steps.length === 0) main.append(el(doc, 'p', { class: 'note' }, 'This guide has no steps yet.'));
  main.append(list);
  doc.body.append(main);
  return { doc, pending };
}

export async function exportHtml(data: GuideData, onProgress?: Progress, now = new Date()): Promise<Blob> {
  // A fresh random token: page text cannot guess it, so it cannot smuggle a placeholder in.
  const token = `waymark-image-${crypto.randomUUID()}-`;
  const { doc, pending } = buildDocument(data, now, token);
  const sources: string[] = [];
  const shotAt = renderAhead({ ...data, steps: pending.map((p) => p.step) }, { maxWidth: MAX_IMAGE_WIDTH, withoutMarker: true });
  for (const [i, p] of pending.entries()) {
    const shot = await shotAt(i);
    if (shot) {
      p.img.setAttribute('width', String(shot.width));
      p.img.setAttribute('height', String(shot.height));
      // Printed, a picture is at most 170 mm tall, so its step fits on one page.
      p.img.parentElement?.style.setProperty('--ratio', (shot.width / shot.height).toFixed(4));
      const marker = markerOverlay(doc, p.step as ActionStep, shot.width, shot.height);
      if (marker) p.img.after(marker);
      sources.push(await blobToDataUrl(shot.blob));
    } else {
      p.img.closest('figure')?.remove();
      sources.push('');
    }
    onProgress?.(i + 1, pending.length);
  }
  const html = `<!doctype html>\n${doc.documentElement.outerHTML}`;
  const parts: string[] = [];
  let last = 0;
  for (const match of html.matchAll(new RegExp(`${token}(\\d+)`, 'g'))) {
    parts.push(html.slice(last, match.index), sources[Number(match[1])] ?? '');
    last = match.index + match[0].length;
  }
  parts.push(html.slice(last));
  return new Blob(parts, { type: 'text/html;charset=utf-8' });
}
