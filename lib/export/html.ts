/**
 * HTML export: one self-contained file (CSS inline, screenshots as data URLs, no script,
 * no request). Built with DOM methods and `textContent`, so page text can never become
 * markup; a CSP meta tag forbids scripts and remote loads as a second wall.
 *
 * Screenshots are rendered one at a time (focus, blur, annotations, marks drawn in) and
 * spliced into the serialized page as data URLs, so the DOM never carries megabytes of
 * base64 and no more than one picture is decoded at once.
 */
import type { Step } from '@/lib/steps/types';
import { blobToDataUrl } from './files';
import {
  actionCount,
  addressOf,
  type GuideData,
  lookahead,
  numberSteps,
  type Progress,
  renderedShotOf,
  sentenceOf,
} from './guide-data';
import type { RenderedShot } from './render-shot';
import { EXPORT_CSS } from './html-style';
import { SCREEN_PICTURE } from './renditions';

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
  const address = addressOf(step);
  if (address) {
    const line = el(doc, 'p', { class: 'address' });
    line.append(address.href ? el(doc, 'a', { href: address.href }, address.text) : doc.createTextNode(address.text));
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
  // Each picture's data URL is made ahead too: reading 200 kept pictures one after the other
  // took half the export's time.
  const withSource = async (shot: RenderedShot | undefined) => shot && { ...shot, source: await blobToDataUrl(shot.blob) };
  const shotAt = lookahead(pending.length, (i) => renderedShotOf(data, pending[i]!.step, SCREEN_PICTURE).then(withSource));
  for (const [i, p] of pending.entries()) {
    const shot = await shotAt(i);
    if (shot) {
      p.img.setAttribute('width', String(shot.width));
      p.img.setAttribute('height', String(shot.height));
      // Printed, a picture is at most 170 mm tall, so its step fits on one page.
      p.img.parentElement?.style.setProperty('--ratio', (shot.width / shot.height).toFixed(4));
      sources.push(shot.source);
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
