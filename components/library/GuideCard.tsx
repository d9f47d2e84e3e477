/** One guide in the library: thumbnail, title, step count, last change, and its commands. */
import { useState } from 'react';
import type { GuideSummary } from '@/lib/db/library';
import { perform } from '@/lib/editor/history';
import { editGuide } from '@/lib/editor/commands';
import { deleteGuide, duplicateGuide } from '@/lib/editor/guide-commands';
import { useImageUrl } from '@/components/common/useBlobUrl';
import { guideHref } from '@/components/editor/route';
import { AttentionBadge, WalkButton } from '@/components/walk/WalkControls';

export function GuideCard({ summary, onDeleted }: { summary: GuideSummary; onDeleted(title: string): void }) {
  const { guide, stepCount, thumbnailId } = summary;
  const thumbnail = useImageUrl(thumbnailId);
  const [renaming, setRenaming] = useState(false);
  const title = guide.title || 'Untitled guide';

  async function remove() {
    if (await perform(() => deleteGuide(guide.id, `Delete guide "${title}"`))) onDeleted(title);
  }

  return (
    <li className="guide-card">
      <div className="thumb" aria-hidden="true">{thumbnail && <img src={thumbnail} alt="" loading="lazy" />}</div>
      <div className="guide-card-body">
        {renaming ? (
          <RenameField title={title} onDone={(text) => {
            setRenaming(false);
            if (text !== undefined) void perform(() => editGuide(guide.id, { title: text }, `Rename guide "${title}"`));
          }} />
        ) : (
          <a href={guideHref(guide.id)}>{title}</a>
        )}
        <p className="muted">
          {stepCount} {stepCount === 1 ? 'step' : 'steps'} · created{' '}
          <time dateTime={new Date(guide.createdAt).toISOString()}>{new Date(guide.createdAt).toLocaleString()}</time> ·
          changed <time dateTime={new Date(guide.updatedAt).toISOString()}>{new Date(guide.updatedAt).toLocaleString()}</time>
          {guide.status === 'recording' && <span className="badge"> · recording</span>}
        </p>
        <AttentionBadge guideId={guide.id} />
        <div className="toolbar">
          <button aria-label={`Rename ${title}`} onClick={() => setRenaming(!renaming)}>Rename</button>
          <button aria-label={`Duplicate ${title}`} onClick={() => void perform(() => duplicateGuide(guide.id, `Duplicate guide "${title}"`))}>
            Duplicate
          </button>
          <button aria-label={`Delete ${title}`} onClick={() => void remove()}>Delete</button>
          <WalkButton guideId={guide.id} label={`Walk through on the site: ${title}`} />
        </div>
      </div>
    </li>
  );
}

/** Enter or leaving the box saves the new title; Escape keeps the old one. */
function RenameField({ title, onDone }: { title: string; onDone(text?: string): void }) {
  const [text, setText] = useState(title);
  const finish = () => onDone(text.trim() || undefined);
  return (
    <input autoFocus aria-label={`New title for ${title}`} value={text} onChange={(e) => setText(e.target.value)} onBlur={finish}
      onKeyDown={(e) => {
        if (e.key === 'Enter') finish();
        if (e.key === 'Escape') onDone();
      }} />
  );
}
