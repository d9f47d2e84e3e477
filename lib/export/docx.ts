/**
 * Word export with the `docx` library: a real .docx with the guide's text as text (title,
 * intro, section headings, numbered steps, notes, callouts), each step's focused picture with
 * its marks drawn in, and "Go to" steps' addresses as hyperlinks. Loaded only when asked for.
 * Pictures are rendered a few steps ahead, never the whole guide at once.
 */
import {
  AlignmentType, BorderStyle, Document, ExternalHyperlink, HeadingLevel, ImageRun, Packer, Paragraph, TextRun,
  type ParagraphChild,
} from 'docx';
import type { Step } from '@/lib/steps/types';
import { actionCount, addressOf, type GuideData, numberSteps, type Progress, renderAhead, sentenceOf } from './guide-data';
import { PRINT_PICTURE } from './renditions';

/** A picture is at most this wide and tall on the page (CSS pixels, 96 per inch): fits A4 and Letter. */
const PICTURE_WIDTH = 600;
const PICTURE_HEIGHT = 380;
const MUTED = '5A6473';
const TONE_COLOR = { tip: '3755D6', warning: 'D68A00' } as const;

function stepParagraphs(step: Step, number: number | undefined): Paragraph[] {
  const text = sentenceOf(step, number);
  if (step.kind === 'heading') return [new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] })];
  const runs: ParagraphChild[] = [];
  if (number !== undefined) runs.push(new TextRun({ text: `${number}. `, bold: true }));
  if (step.kind === 'callout') runs.push(new TextRun({ text: step.tone === 'tip' ? 'Tip: ' : 'Warning: ', bold: true, color: TONE_COLOR[step.tone] }));
  runs.push(new TextRun({ text, bold: step.kind === 'action' }));
  const callout = step.kind === 'callout'
    ? { border: { left: { style: BorderStyle.SINGLE, size: 24, color: TONE_COLOR[step.tone], space: 8 } }, indent: { left: 240 } }
    : {};
  const out = [new Paragraph({ children: runs, spacing: { before: 240, after: 80 }, keepNext: true, ...callout })];
  const address = addressOf(step);
  if (address) {
    const run = new TextRun({ text: address.text, style: address.href ? 'Hyperlink' : undefined });
    out.push(new Paragraph({ keepNext: true, children: [address.href ? new ExternalHyperlink({ link: address.href, children: [run] }) : run] }));
  }
  if (step.note) out.push(new Paragraph({ keepNext: true, children: [new TextRun({ text: step.note, color: MUTED })] }));
  return out;
}

function pictureParagraph(bytes: Uint8Array, width: number, height: number, alt: string): Paragraph {
  const scale = Math.min(1, PICTURE_WIDTH / width, PICTURE_HEIGHT / height);
  return new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: { after: 120 },
    children: [new ImageRun({
      type: 'jpg',
      data: bytes,
      transformation: { width: Math.round(width * scale), height: Math.round(height * scale) },
      altText: { name: alt.slice(0, 100), description: alt, title: alt.slice(0, 100) },
    })],
  });
}

export async function exportDocx(data: GuideData, onProgress?: Progress, now = new Date()): Promise<Blob> {
  const { guide, steps } = data;
  const count = actionCount(steps);
  const date = now.toLocaleDateString('en', { dateStyle: 'long' });
  const body: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(guide.title || 'Untitled guide')] }),
    new Paragraph({ children: [new TextRun({ text: `${date} · ${count} ${count === 1 ? 'step' : 'steps'}`, color: MUTED })] }),
  ];
  if (guide.intro) body.push(new Paragraph({ spacing: { before: 120 }, children: [new TextRun(guide.intro)] }));
  if (steps.length === 0) body.push(new Paragraph({ children: [new TextRun({ text: 'This guide has no steps yet.', color: MUTED })] }));
  const numbered = numberSteps(steps);
  const shotAt = renderAhead(data, PRINT_PICTURE);
  for (const [i, { step, number }] of numbered.entries()) {
    body.push(...stepParagraphs(step, number));
    const shot = await shotAt(i);
    if (shot) body.push(pictureParagraph(new Uint8Array(await shot.blob.arrayBuffer()), shot.width, shot.height, sentenceOf(step, number)));
    onProgress?.(i + 1, numbered.length);
  }
  const doc = new Document({
    creator: 'Waymark',
    title: guide.title,
    description: guide.intro.slice(0, 500),
    styles: { default: { document: { run: { font: 'Calibri', size: 22 } } } },
    sections: [{ children: body }],
  });
  return Packer.toBlob(doc);
}
