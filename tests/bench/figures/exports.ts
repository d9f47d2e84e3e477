/**
 * Exports of a long guide, as a trainer does them: open the guide in the editor, where its
 * export pictures are made while the trainer works (lib/export/renditions.ts; how long that
 * takes is a figure of its own), press "Export HTML" / "Export PDF", and wait for the file to
 * be saved. Timed from the click to the file on disk, three times each; the PDF runs also
 * sample the editor's JS heap.
 */
import { stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import type { Figure } from '../report';
import { summarize } from '../stats';
import type { BenchSession } from '../session';
import { EditorPage } from '../../support/pages/editor';
import { HeapProbe } from '../heap';
import type { SeededGuide } from '../seed';

const RUNS = 3;
const MB = 1024 * 1024;

export async function exportFigures(session: BenchSession, guide: SeededGuide): Promise<Figure[]> {
  const { context, extensionId } = session.browser;
  const opened = performance.now();
  const editor = await EditorPage.open(context, extensionId, guide.guideId);
  // A 200-step export on a loaded machine can take longer than Playwright's default 30 s.
  editor.page.setDefaultTimeout(120_000);
  await editor.steps().first().getByRole('img').waitFor();
  await editor.page.locator('[role="toolbar"][aria-label="Export"][data-pictures="ready"]').waitFor({ timeout: 300_000 });
  const prepared = performance.now() - opened;
  const heap = await HeapProbe.attach(editor.page);
  const timed = async (format: 'HTML' | 'PDF') => {
    await heap.afterGc();
    const start = performance.now();
    const { result, peakBytes } = await heap.peakDuring(() => editor.export(format));
    const ms = performance.now() - start;
    return { ms, peakBytes, bytes: (await stat(result.path)).size };
  };
  const html = [];
  const pdf = [];
  for (let i = 0; i < RUNS; i++) html.push(await timed('HTML'));
  const baseline = await heap.afterGc();
  for (let i = 0; i < RUNS; i++) pdf.push(await timed('PDF'));
  await heap.detach();

  const size = (runs: { bytes: number }[]) => `${(runs[0]!.bytes / MB).toFixed(1)} MB file`;
  const steps = `${guide.steps}-step guide`;
  return [
    {
      id: 'exportHtml200Ms',
      name: `HTML export, ${steps}`,
      unit: 'ms',
      summary: summarize(html.map((r) => r.ms)),
      spread: 'minmax',
      budgets: [{ on: 'median', kind: 'max', limit: 1000 }],
      note: `click → file saved, ${size(html)}`,
    },
    {
      id: 'exportPdf200Ms',
      name: `PDF export, ${steps}`,
      unit: 'ms',
      summary: summarize(pdf.map((r) => r.ms)),
      spread: 'minmax',
      budgets: [{ on: 'median', kind: 'max', limit: 5000 }],
      note: `click → file saved, ${size(pdf)}`,
    },
    {
      id: 'exportPicturesReadyMs',
      name: `Export pictures made, ${steps}`,
      unit: 'ms',
      summary: summarize([prepared]),
      spread: 'minmax',
      note: 'guide opened → every HTML and PDF picture made, while the page is open (info)',
    },
    {
      id: 'exportPdfPeakHeapMB',
      name: 'Peak JS heap during PDF export',
      unit: 'MB',
      summary: summarize(pdf.map((r) => r.peakBytes / MB)),
      spread: 'minmax',
      note: `editor heap before: ${(baseline / MB).toFixed(1)} MB (sampled every ~20 ms: a lower bound)`,
    },
  ];
}
