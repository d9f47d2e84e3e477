/** The guide library: every guide, last changed first, searchable; rename, duplicate, delete, undo. */
import { useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { librarySummaries, newestSummaries, searchSummaries } from '@/lib/db/library';
import { undo } from '@/lib/editor/history';
import { UndoBar } from '@/components/common/UndoBar';
import { GuideCard } from './GuideCard';
import { ImportButton } from '@/components/export/ImportButton';

/** Cards shown at first: a library of thousands opens as fast as one of a hundred. */
const PAGE = 100;

export function Library() {
  const [query, setQuery] = useState('');
  const [deleted, setDeleted] = useState<string>();
  const [limit, setLimit] = useState(PAGE);
  // The first screen first; then every guide with its text, read once (and again on changes),
  // so that each keystroke searches in memory, not the database.
  const first = useLiveQuery(() => newestSummaries(PAGE), []);
  const all = useLiveQuery(() => (first ? librarySummaries() : undefined), [Boolean(first)]);
  const found = useMemo(() => (all ? searchSummaries(all, query) : undefined), [all, query]);
  if (!first) return null;
  // Until every guide is read, the newest are shown, and a search waits for the rest.
  const summaries = found ?? (query.trim() ? [] : first.newest);
  const searching = !found && Boolean(query.trim());
  const empty = first.total === 0 && !query;
  return (
    <main className="library">
      <h1>Your guides</h1>
      <div className="toolbar" role="toolbar" aria-label="Library">
        <input type="search" aria-label="Search guides" placeholder="Search titles and steps" value={query}
          onChange={(e) => setQuery(e.target.value)} />
        <ImportButton />
        <UndoBar />
      </div>
      {deleted && (
        <p role="status" className="notice">
          Deleted “{deleted}”.{' '}
          {/* Not named "Undo…": the toolbar's Undo button must stay the only one with that name. */}
          <button className="link" aria-label={`Restore ${deleted}`} onClick={() => void undo().then(() => setDeleted(undefined))}>
            Restore it
          </button>
        </p>
      )}
      {empty ? (
        <div className="empty">
          <h2>No guides yet</h2>
          <ol>
            <li>Open the page where your task starts.</li>
            <li>Click the Waymark button in the browser toolbar and press <strong>Start recording</strong>.</li>
            <li>Do the task once, as usual: each click becomes a step with a screenshot.</li>
            <li>Press <strong>Stop recording</strong>. Your guide opens here, ready to edit and export.</li>
          </ol>
          <p className="hint">
            <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>R</kbd> starts and stops recording too. More tips on the{' '}
            <a href="/welcome.html">welcome page</a>.
          </p>
        </div>
      ) : searching ? (
        <p className="muted" role="status">Searching…</p>
      ) : summaries.length === 0 ? (
        <p className="muted">No guide matches “{query}”.</p>
      ) : (
        <ul aria-label="Guides" className="guide-list">
          {summaries.slice(0, limit).map((s) => (
            <GuideCard key={s.guide.id} summary={s} onDeleted={setDeleted} />
          ))}
        </ul>
      )}
      {found && found.length > limit && (
        <button onClick={() => setLimit(limit + 10 * PAGE)}>Show more guides ({found.length - limit} more)</button>
      )}
    </main>
  );
}
