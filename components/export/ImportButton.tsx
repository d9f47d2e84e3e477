/**
 * On the library page: "Import bundle" reads a .waymark.zip shared by another trainer, and
 * "Export all guides" writes every guide into one bundle. A bad file gets a message that
 * names the problem and changes nothing.
 */
import { useRef, useState } from 'react';
import { listGuides } from '@/lib/db/guides';
import { download } from '@/lib/export/files';

export function ImportButton() {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<string>();

  async function work(task: () => Promise<string>) {
    setBusy(true);
    setMessage(undefined);
    setError(undefined);
    try {
      setMessage(await task());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  function importFile(file: File) {
    return work(async () => {
      const { importBundle, BundleError } = await import('@/lib/export/bundle-import');
      try {
        const guides = await importBundle(file);
        return `Imported ${guides.length} ${guides.length === 1 ? 'guide' : 'guides'}: ${guides.map((g) => g.title).join(', ')}.`;
      } catch (e) {
        if (e instanceof BundleError) throw new Error(`Nothing was imported. ${e.message}`);
        throw new Error(`Nothing was imported: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  }

  function exportAll() {
    return work(async () => {
      const { exportBundle, BUNDLE_EXTENSION } = await import('@/lib/export/bundle');
      const guides = await listGuides();
      if (guides.length === 0) throw new Error('There are no guides to export yet.');
      download(await exportBundle(guides.map((g) => g.id)), `Waymark guides.${BUNDLE_EXTENSION}`);
      return `Exported ${guides.length} ${guides.length === 1 ? 'guide' : 'guides'}.`;
    });
  }

  return (
    <div className="toolbar" role="toolbar" aria-label="Share guides">
      <button onClick={() => input.current?.click()} disabled={busy}>
        Import bundle
      </button>
      <button onClick={exportAll} disabled={busy}>
        Export all guides
      </button>
      <input
        ref={input}
        type="file"
        accept=".zip,application/zip"
        hidden
        aria-hidden="true"
        tabIndex={-1}
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
      {busy && <span role="status">Working…</span>}
      {message && <p role="status">{message}</p>}
      {error && <p role="alert">{error}</p>}
    </div>
  );
}
