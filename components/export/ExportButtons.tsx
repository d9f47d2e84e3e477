/** "Export HTML" and "Export PDF": each downloads a file named after the guide. */
import { useState } from 'react';
import type { Guide } from '@/lib/steps/types';
import { loadGuideData } from '@/lib/export/guide-data';
import { download, fileNameFor } from '@/lib/export/files';

type Format = 'html' | 'pdf';

async function exportBlob(format: Format, guideId: string): Promise<Blob> {
  const data = await loadGuideData(guideId);
  if (format === 'html') return (await import('@/lib/export/html')).exportHtml(data);
  // jsPDF is large: load it only when a PDF is asked for.
  return (await import('@/lib/export/pdf')).exportPdf(data);
}

export function ExportButtons({ guide }: { guide: Guide }) {
  const [busy, setBusy] = useState<Format>();
  const [error, setError] = useState<string>();

  async function run(format: Format) {
    setBusy(format);
    setError(undefined);
    try {
      download(await exportBlob(format, guide.id), fileNameFor(guide.title, format));
    } catch (e) {
      setError(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <div className="toolbar" role="toolbar" aria-label="Export">
      <button onClick={() => run('html')} disabled={busy !== undefined}>
        Export HTML
      </button>
      <button onClick={() => run('pdf')} disabled={busy !== undefined}>
        Export PDF
      </button>
      {busy && <span role="status">Exporting…</span>}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
