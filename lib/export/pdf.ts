/**
 * PDF export with jsPDF: real, selectable text in a Unicode font (see pdf-fonts.ts), a cover
 * block, page numbers, an outline (bookmarks) per section and step. Steps follow each other
 * on a page as long as they fit, never split: pictures (focused, marks drawn in) are at most
 * PICTURE_HEIGHT tall, so two steps share a page (issue 13). Pictures are read and rendered
 * one step at a time, so a long guide is never all decoded at once.
 */
import { jsPDF } from 'jspdf';
import type { Step } from '@/lib/steps/types';
import type { RenderedShot } from './render-shot';
import { actionCount, addressOf, type GuideData, numberSteps, type Progress, renderAhead, sentenceOf } from './guide-data';
import { PDF_FONT, useUnicodeFont } from './pdf-fonts';
import { PRINT_PICTURE } from './renditions';

export type Paper = 'a4' | 'letter';

const MARGIN = 16;
const FOOTER = 10;
const GAP = 7;
/** Millimetres per typographic point. */
const PT = 25.4 / 72;
/** The tallest a picture is drawn: two steps with a sentence, a note and a 16:10 picture fit a page. */
const PICTURE_HEIGHT = 88;
const INK: [number, number, number] = [28, 36, 48];
const MUTED: [number, number, number] = [90, 100, 115];
const ACCENT: [number, number, number] = [55, 85, 214];
const WARNING: [number, number, number] = [214, 138, 0];
/** Where Letter paper is the norm; elsewhere A4. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'PR']);

export function defaultPaper(locale = globalThis.navigator?.language ?? 'en'): Paper {
  const region = locale.split(/[-_]/)[1]?.toUpperCase();
  return region && LETTER_REGIONS.has(region) ? 'letter' : 'a4';
}

interface Layout {
  pdf: jsPDF;
  left: number;
  width: number;
  top: number;
  bottom: number;
  y: number;
}

interface Outline {
  section?: unknown;
  /** A heading waits to be written with the step after it, so it never ends a page alone. */
  heading?: { text: string; lines: string[] };
}

const HEADING = 16;

function headingHeight(outline: Outline): number {
  return outline.heading ? outline.heading.lines.length * lineHeight(HEADING) + GAP / 2 : 0;
}

function writeHeading(l: Layout, outline: Outline): void {
  if (!outline.heading) return;
  ensure(l, headingHeight(outline));
  outline.section = l.pdf.outline.add(null, outline.heading.text || 'Section', { pageNumber: pageOf(l.pdf) });
  writeLines(l, outline.heading.lines, HEADING, true);
  l.y += GAP / 2;
  outline.heading = undefined;
}

function lineHeight(size: number): number {
  return size * PT * 1.3;
}

function wrap(l: Layout, text: string, size: number, bold: boolean, width = l.width): string[] {
  l.pdf.setFont(PDF_FONT, bold ? 'bold' : 'normal').setFontSize(size);
  return l.pdf.splitTextToSize(text, width) as string[];
}

function newPage(l: Layout): void {
  l.pdf.addPage();
  l.y = l.top;
}

/** Starts a new page unless `height` fits below (a block taller than a page starts at its top). */
function ensure(l: Layout, height: number): void {
  if (l.y + height > l.bottom && l.y > l.top) newPage(l);
}

/** Writes wrapped lines, breaking between lines when text is longer than the page. */
function writeLines(l: Layout, lines: string[], size: number, bold: boolean, color = INK, x = l.left): void {
  const h = lineHeight(size);
  l.pdf.setFont(PDF_FONT, bold ? 'bold' : 'normal').setFontSize(size).setTextColor(...color);
  for (const line of lines) {
    ensure(l, h);
    l.pdf.text(line, x, l.y, { baseline: 'top' });
    l.y += h;
  }
}

function titleBlock(l: Layout, data: GuideData, now: Date): void {
  writeLines(l, wrap(l, data.guide.title || 'Untitled guide', 22, true), 22, true);
  l.y += 1;
  const count = actionCount(data.steps);
  const date = now.toLocaleDateString('en', { dateStyle: 'long' });
  writeLines(l, [`${date} · ${count} ${count === 1 ? 'step' : 'steps'}`], 10, false, MUTED);
  if (data.guide.intro) {
    l.y += 3;
    writeLines(l, wrap(l, data.guide.intro, 11, false), 11, false);
  }
  l.y += 3;
  l.pdf.setDrawColor(210, 214, 220).setLineWidth(0.3).line(l.left, l.y, l.left + l.width, l.y);
  l.y += GAP;
  if (data.steps.length === 0) writeLines(l, ['This guide has no steps yet.'], 11, false, MUTED);
}

async function stepBlock(
  l: Layout,
  step: Step,
  number: number | undefined,
  outline: Outline,
  shotOf: () => Promise<RenderedShot | undefined>,
) {
  const { pdf } = l;
  const text = sentenceOf(step, number);
  if (step.kind === 'heading') {
    writeHeading(l, outline); // two headings in a row: the first goes alone
    outline.heading = { text, lines: wrap(l, text, HEADING, true) };
    return;
  }
  const indent = step.kind === 'callout' ? 5 : 0;
  const width = l.width - indent;
  const prefix = number !== undefined ? `${number}. ` : step.kind === 'callout' ? (step.tone === 'tip' ? 'Tip: ' : 'Warning: ') : '';
  const bold = step.kind !== 'text';
  const sentence = wrap(l, `${prefix}${text}`, 12, bold, width);
  const note = step.note ? wrap(l, step.note, 10, false, width) : [];
  const address = addressOf(step);
  const addressLines = address ? wrap(l, address.text, 10, false, width) : [];
  const textHeight = sentence.length * lineHeight(12) + (note.length ? 1.5 + note.length * lineHeight(10) : 0)
    + (addressLines.length ? 1 + addressLines.length * lineHeight(10) : 0);
  const shot = await shotOf();
  let w = width;
  let h = 0;
  if (shot) {
    h = (shot.height / shot.width) * w;
    // Scaled down, never squashed: the aspect ratio is kept.
    const maxHeight = Math.min(PICTURE_HEIGHT, l.bottom - l.top - Math.min(headingHeight(outline) + textHeight, 60) - 3);
    if (h > maxHeight) [w, h] = [(maxHeight / h) * w, maxHeight];
  }
  ensure(l, headingHeight(outline) + textHeight + (shot ? 3 + h : 0));
  writeHeading(l, outline);
  if (number !== undefined) pdf.outline.add(outline.section ?? null, `${number}. ${text}`.slice(0, 200), { pageNumber: pageOf(pdf) });
  const startY = l.y;
  const startPage = pageOf(pdf);
  writeLines(l, sentence, 12, bold, INK, l.left + indent);
  if (address) writeAddress(l, address, addressLines, l.left + indent);
  if (note.length) {
    l.y += 1.5;
    writeLines(l, note, 10, false, MUTED, l.left + indent);
  }
  if (step.kind === 'callout' && pageOf(pdf) === startPage) {
    pdf.setFillColor(...(step.tone === 'warning' ? WARNING : ACCENT)).rect(l.left, startY, 1.5, l.y - startY, 'F');
  }
  if (shot) {
    l.y += 3;
    ensure(l, h);
    const bytes = new Uint8Array(await shot.blob.arrayBuffer());
    pdf.addImage(bytes, 'JPEG', l.left + indent, l.y, w, h, `shot-${step.id}`, 'NONE');
    pdf.setDrawColor(210, 214, 220).setLineWidth(0.2).rect(l.left + indent, l.y, w, h);
    l.y += h;
  }
  l.y += GAP;
}

/** The address of a "Go to" step, as a link when it is a web address. */
function writeAddress(l: Layout, address: { text: string; href?: string }, lines: string[], x: number): void {
  l.y += 1;
  if (!address.href) return writeLines(l, lines, 10, false, MUTED, x);
  const h = lineHeight(10);
  l.pdf.setFont(PDF_FONT, 'normal').setFontSize(10).setTextColor(...ACCENT);
  for (const line of lines) {
    ensure(l, h);
    l.pdf.textWithLink(line, x, l.y, { url: address.href, baseline: 'top' });
    l.y += h;
  }
}

function pageOf(pdf: jsPDF): number {
  return pdf.getCurrentPageInfo().pageNumber;
}

function footers(pdf: jsPDF, title: string, pageWidth: number, pageHeight: number): void {
  const total = pdf.getNumberOfPages();
  const shortTitle = title.length > 80 ? `${title.slice(0, 79)}…` : title;
  for (let page = 1; page <= total; page++) {
    pdf.setPage(page);
    pdf.setFont(PDF_FONT, 'normal').setFontSize(8).setTextColor(...MUTED);
    const y = pageHeight - FOOTER;
    pdf.text(pdf.splitTextToSize(shortTitle, pageWidth - 2 * MARGIN - 30)[0] ?? '', MARGIN, y);
    pdf.text(`Page ${page} of ${total}`, pageWidth - MARGIN, y, { align: 'right' });
  }
}

export async function exportPdf(
  data: GuideData,
  onProgress?: Progress,
  options: { paper?: Paper; now?: Date } = {},
): Promise<Blob> {
  // putOnlyUsedFonts: no unused, unembedded standard fonts listed in the file.
  const pdf = new jsPDF({ unit: 'mm', format: options.paper ?? defaultPaper(), compress: true, putOnlyUsedFonts: true });
  await useUnicodeFont(pdf);
  const pageWidth = pdf.internal.pageSize.getWidth();
  const pageHeight = pdf.internal.pageSize.getHeight();
  const layout: Layout = {
    pdf,
    left: MARGIN,
    width: pageWidth - 2 * MARGIN,
    top: MARGIN,
    bottom: pageHeight - MARGIN - FOOTER,
    y: MARGIN,
  };
  pdf.setProperties({ title: data.guide.title, subject: data.guide.intro.slice(0, 500), creator: 'Waymark' });
  pdf.setLanguage?.('en');
  titleBlock(layout, data, options.now ?? new Date());
  const outline: Outline = {};
  const numbered = numberSteps(data.steps);
  const shotAt = renderAhead(data, PRINT_PICTURE);
  for (const [i, { step, number }] of numbered.entries()) {
    await stepBlock(layout, step, number, outline, () => shotAt(i));
    onProgress?.(i + 1, numbered.length);
    // Let the page paint its progress now and then: jsPDF's own work is synchronous.
    if (i % 8 === 7) await new Promise((resolve) => setTimeout(resolve, 0));
  }
  writeHeading(layout, outline);
  footers(pdf, data.guide.title, pageWidth, pageHeight);
  return pdf.output('blob');
}
