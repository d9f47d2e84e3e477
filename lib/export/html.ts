/**
 * HTML export: one self-contained file (CSS inline, screenshots as data URLs, no script,
 * no request). Built with DOM methods and `textContent`, so page text can never become
 * markup; a CSP meta tag forbids scripts and remote loads as a second wall.
 */
import type { Step } from '@/lib/steps/types';
import { blobToDataUrl } from './files';
import { type GuideData, shownImageId } from './guide-data';
import { EXPORT_CSS } from './html-style';

const CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

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

function markerFor(doc: Document, step: Step): HTMLElement | undefined {
  if (step.kind !== 'action' || step.action.kind !== 'click' || !step.action.point || !step.viewport) return;
  const { x, y } = step.action.point;
  const { width, height } = step.viewport;
  if (!(width > 0 && height > 0)) return;
  const marker = el(doc, 'span', { class: 'marker', 'aria-hidden': 'true' });
  marker.style.left = `${((x / width) * 100).toFixed(2)}%`;
  marker.style.top = `${((y / height) * 100).toFixed(2)}%`;
  return marker;
}

async function stepItem(doc: Document, data: GuideData, step: Step, number: number): Promise<HTMLLIElement> {
  const kindClass = step.kind === 'callout' ? `callout ${step.tone}` : step.kind;
  const item = el(doc, 'li', { class: `step ${kindClass}` });
  const sentence = el(doc, 'p', { class: 'sentence' });
  if (step.kind === 'action') sentence.append(el(doc, 'span', { class: 'num' }, String(number)));
  sentence.append(doc.createTextNode(step.text || (step.kind === 'action' ? `Step ${number}` : '')));
  item.append(sentence);
  if (step.note) item.append(el(doc, 'p', { class: 'note' }, step.note));
  const imageId = shownImageId(step);
  const image = imageId ? await data.image(imageId) : undefined;
  if (image) {
    const figure = el(doc, 'figure');
    const alt = step.text || `Screenshot of step ${number}`;
    figure.append(el(doc, 'img', { src: await blobToDataUrl(image.blob), alt, width: String(image.width), height: String(image.height) }));
    const marker = markerFor(doc, step);
    if (marker) figure.append(marker);
    item.append(figure);
  }
  return item;
}

export async function buildGuideHtml(data: GuideData, now = new Date()): Promise<string> {
  const doc = document.implementation.createHTMLDocument(data.guide.title);
  doc.documentElement.setAttribute('lang', 'en');
  doc.head.prepend(el(doc, 'meta', { charset: 'utf-8' }));
  doc.head.append(
    el(doc, 'meta', { 'http-equiv': 'Content-Security-Policy', content: CSP }),
    el(doc, 'meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    el(doc, 'meta', { name: 'generator', content: 'Waymark' }),
    el(doc, 'style', {}, EXPORT_CSS),
  );
  const main = el(doc, 'main');
  const actionCount = data.steps.filter((s) => s.kind === 'action').length;
  main.append(
    el(doc, 'h1', {}, data.guide.title),
    el(doc, 'p', { class: 'meta' }, `${now.toLocaleDateString('en', { dateStyle: 'long' })} · ${actionCount} steps`),
  );
  if (data.guide.intro) main.append(el(doc, 'p', { class: 'intro' }, data.guide.intro));
  const list = el(doc, 'ol', { class: 'steps' });
  let number = 0;
  for (const step of data.steps) {
    if (step.kind === 'action') number++;
    list.append(await stepItem(doc, data, step, number));
  }
  main.append(list);
  doc.body.append(main);
  return `<!doctype html>\n${doc.documentElement.outerHTML}`;
}

export async function exportHtml(data: GuideData): Promise<Blob> {
  return new Blob([await buildGuideHtml(data)], { type: 'text/html;charset=utf-8' });
}
