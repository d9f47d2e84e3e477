/**
 * One guide in the editor: title, intro, steps (live while a recording still adds to them),
 * undo / redo and export. Every change is saved at once; there is no Save button.
 */
import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getGuide } from '@/lib/db/guides';
import { stepsOf } from '@/lib/db/steps';
import { perform } from '@/lib/editor/history';
import { editGuide, insertStep } from '@/lib/editor/commands';
import { ExportButtons } from '@/components/export/ExportButtons';
import { EditableText } from '@/components/common/EditableText';
import { UndoBar } from '@/components/common/UndoBar';
import { guideHref } from '@/components/editor/route';
import { StepList } from './StepList';
import { AttentionBadge, WalkButton, WalkFindings } from '@/components/walk/WalkControls';

export function GuideView({ guideId }: { guideId: string }) {
  const guide = useLiveQuery(() => getGuide(guideId), [guideId], null);
  const steps = useLiveQuery(() => stepsOf(guideId), [guideId]);
  const [notice, setNotice] = useState<{ text: string; guideId?: string; error?: boolean }>();
  if (guide === null) return null;
  if (!guide) {
    return (
      <main>
        <p role="alert">This guide does not exist (it may have been deleted).</p>
        <a href="#/">All guides</a>
      </main>
    );
  }
  return (
    <main className="guide">
      <nav className="topbar toolbar" aria-label="Guide">
        <a href="#/">All guides</a>
        <UndoBar />
        {steps && <ExportButtons guide={guide} steps={steps} />}
        <WalkButton guideId={guideId} />
        <AttentionBadge guideId={guideId} />
        {guide.status === 'recording' && <span className="badge" role="status">Recording… new steps appear here</span>}
      </nav>
      <h1 className="sr-only">{guide.title}</h1>
      <EditableText className="title-input" label="Guide title" value={guide.title} placeholder="Guide title"
        onCommit={(title) => perform(() => editGuide(guideId, { title }, 'Rename guide'))} />
      <EditableText className="intro-input" label="Guide introduction" value={guide.intro} multiline placeholder="Write an introduction: what this guide helps the reader do, and who it is for"
        onCommit={(text) => perform(() => editGuide(guideId, { intro: text }, 'Edit introduction'))} />
      {notice && (
        <p role={notice.error ? 'alert' : 'status'} className="notice">
          {notice.text} {notice.guideId && <a href={guideHref(notice.guideId)}>Open it</a>}
          <button className="link" onClick={() => setNotice(undefined)}>Dismiss</button>
        </p>
      )}
      <WalkFindings guideId={guideId} />
      <div className="toolbar">
        <button onClick={() => void perform(() => insertStep(guideId, undefined, 'heading', 'Add heading at the start'))}>
          Add heading at the start
        </button>
      </div>
      {steps && steps.length === 0 && <p className="muted">No steps yet. Steps appear here while you record.</p>}
      {steps && (
        <StepList guideId={guideId} steps={steps} onError={(text) => setNotice({ text, error: true })}
          onSplit={(id) => setNotice({ text: 'The steps from there on are now a new guide.', guideId: id })} />
      )}
    </main>
  );
}
