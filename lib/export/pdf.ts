/**
 * PDF export with jsPDF: real text, each screenshot scaled with its aspect ratio kept and
 * never split across pages. Images are read one step at a time, not all at once.
 */
import { jsPDF } from 'jspdf';
import type { GuideData } from './guide-data';
import { shownImageId } from './guide-data';

const MARGIN = 15;
const LINE = 6;

export async function exportPdf(data: GuideData): Promise<Blob> {
  const pdf = new jsPDF({ unit: 'mm', format: 'a4', compress: true });
  const pageWidth = pdf.internal.pageSize.getWidth();
  const pageHeight = pdf.internal.pageSize.getHeight();
  const width = pageWidth - 2 * MARGIN;
  let y = MARGIN;

  const ensure = (height: number) => {
    if (y + height <= pageHeight - MARGIN) return;
    pdf.addPage();
    y = MARGIN;
  };
  const write = (text: string, size: number, style: 'normal' | 'bold' = 'normal') => {
    pdf.setFont('helvetica', style).setFontSize(size);
    const lines = pdf.splitTextToSize(text, width) as string[];
    const height = (lines.length * size * 0.45) + 2;
    ensure(height);
    pdf.text(lines, MARGIN, y + size * 0.35);
    y += height;
  };

  pdf.setProperties({ title: data.guide.title, creator: 'Waymark' });
  write(data.guide.title, 20, 'bold');
  if (data.guide.intro) write(data.guide.intro, 11);
  y += LINE;
  let number = 0;
  for (const step of data.steps) {
    if (step.kind === 'action') number++;
    write(step.kind === 'action' ? `${number}. ${step.text}` : step.text, 12, 'bold');
    if (step.note) write(step.note, 10);
    const imageId = shownImageId(step);
    const image = imageId ? await data.image(imageId) : undefined;
    if (image && image.width > 0) {
      const maxHeight = pageHeight - 2 * MARGIN;
      let w = width;
      let h = (image.height / image.width) * w;
      if (h > maxHeight) [w, h] = [(maxHeight / h) * w, maxHeight];
      ensure(h);
      const bytes = new Uint8Array(await image.blob.arrayBuffer());
      pdf.addImage(bytes, 'JPEG', MARGIN, y, w, h, undefined, 'FAST');
      y += h + LINE;
    }
  }
  return pdf.output('blob');
}
