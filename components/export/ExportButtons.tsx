/**
 * "Export HTML", "Export PDF", "Export Word", "Export Markdown" and "Export bundle": each downloads a file
 * named after the guide, with progress shown while a long guide is written.
 */
import { useState } from 'react';
import type { Guide, Step } from '@/lib/steps/types';
import { loadGuideData, type Progress } from '@/lib/export/guide-data';
import { download, fileNameFor } from '@/lib/export/files';
import { usePreparedPictures } from './usePreparedPictures';

type Format = 'html' | 'pdf' | 'docx' | 'markdown' | 'bundle';

const LABELS: Record<Format, string> = {
  html: 'Export HTML',
  pdf: 'Export PDF',
  docx: 'Export Word',
  markdown: 'Export Markdown',
  bundle: 'Export bundle',
};

const EXTENSIONS: Record<Format, string> = { html: 'html', pdf: 'pdf', docx: 'docx', markdown: 'md.zip', bundle: 'waymark.zip' };

/** Each format's code (jsPDF with its font, docx: the heaviest) is loaded only when asked for. */
async function exportBlob(format: Format, guideId: string, onProgress: Progress): Promise<Blob> {
  switch (format) {
    case 'bundle':
      return (await import('@/lib/export/bundle')).exportBundle([guideId], onProgress);
    case 'html':
      return (await import('@/lib/export/html')).exportHtml(await loadGuideData(guideId), onProgress);
    case 'pdf':
      return (await import('@/lib/export/pdf')).exportPdf(await loadGuideData(guideId), onProgress);
    case 'docx':
      return (await import('@/lib/export/docx')).exportDocx(await loadGuideData(guideId), onProgress);
    case 'markdown':
      return (await import('@/lib/export/markdown')).exportMarkdown(await loadGuideData(guideId), onProgress);
  }
}

export function ExportButtons({ guide, steps }: { guide: Guide; steps: Step[] }) {
  const picturesReady = usePreparedPictures(guide.id, steps, guide.status === 'recording');
  const [busy, setBusy] = useState<Format>();
  const [progress, setProgress] = useState<{ done: number; total: number }>();
  const [error, setError] = useState<string>();

  async function run(format: Format) {
    setBusy(format);
    setProgress(undefined);
    setError(undefined);
    try {
      const blob = await exportBlob(format, guide.id, (done, total) => setProgress({ done, total }));
      download(blob, fileNameFor(guide.title, EXTENSIONS[format]));
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    // data-pictures: whether the export pictures are made yet (the bench waits for it).
    <div className="toolbar" role="toolbar" aria-label="Export" data-pictures={picturesReady ? 'ready' : 'preparing'}>
      {(Object.keys(LABELS) as Format[]).map((format) => (
        <button key={format} onClick={() => run(format)} disabled={busy !== undefined}>
          {LABELS[format]}
        </button>
      ))}
      {busy && (
        <span role="status">
          Exporting…
          {progress && progress.total > 0 && (
            <progress aria-label="Export progress" max={progress.total} value={progress.done}>
              {progress.done} of {progress.total}
            </progress>
          )}
        </span>
      )}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
