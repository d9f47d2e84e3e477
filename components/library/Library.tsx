/** The guide library: every guide, newest first. */
import { useLiveQuery } from 'dexie-react-hooks';
import { listGuides } from '@/lib/db/guides';
import { guideHref } from '@/components/editor/route';
import { ImportButton } from '@/components/export/ImportButton';

export function Library() {
  const guides = useLiveQuery(listGuides, []);
  if (!guides) return null;
  return (
    <main className="library">
      <h1>Your guides</h1>
      <ImportButton />
      {guides.length === 0 ? (
        <p className="empty">
          No guides yet. Open the page where your task starts, click the Waymark button in the toolbar and
          press <strong>Start recording</strong>. Do the task, then press <strong>Stop recording</strong>.
        </p>
      ) : (
        <ul aria-label="Guides" className="guide-list">
          {guides.map((guide) => (
            <li key={guide.id}>
              <a href={guideHref(guide.id)}>{guide.title}</a>
              <span className="muted"> · {new Date(guide.createdAt).toLocaleString()}</span>
              {guide.status === 'recording' && <span className="badge"> recording</span>}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
