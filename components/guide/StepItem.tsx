/**
 * One step in the editor: its label, its sentence and note (editable) beside a medium focused
 * picture with its tools (enlarged on demand), and its commands, so several steps fit a
 * screen. Page text is rendered as React text, never as HTML.
 */
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Step } from '@/lib/steps/types';
import { perform } from '@/lib/editor/history';
import { editStep, moveStep, replaceImage } from '@/lib/editor/commands';
import { imageFromFile } from '@/lib/db/images';
import { EditableText } from '@/components/common/EditableText';
import { ShotEditor } from '@/components/annotate/AnnotationTools';
import { StepActions } from './StepActions';
import { RedactValue } from '@/components/privacy/RedactValue';

interface Props {
  step: Step;
  /** "Step 3", "Heading 1", "Tip 2"… */
  label: string;
  index: number;
  count: number;
  onSplit(newGuideId: string): void;
  onError(message: string): void;
}

const PLACEHOLDERS: Record<Step['kind'], string> = {
  action: 'What to do in this step',
  heading: 'Section heading',
  text: 'Text for the reader',
  callout: 'What the reader should know',
};

export function StepItem({ step, label, index, count, onSplit, onError }: Props) {
  const sortable = useSortable({ id: step.id });
  const name = label.toLowerCase();
  const style = { transform: CSS.Translate.toString(sortable.transform), transition: sortable.transition };
  const edit = (fields: Record<string, unknown>, what: string) => perform(() => editStep(step.id, fields, what));

  async function replace(file: File) {
    try {
      const image = await imageFromFile(file);
      await perform(() => replaceImage(step.id, image, `Replace screenshot of ${name}`));
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  }

  // Alt+↑ / Alt+↓ anywhere in the step moves it, as the Move buttons do.
  function onKeyDown(e: React.KeyboardEvent) {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const up = e.key === 'ArrowUp';
    const to = index + (up ? -1 : 1);
    if (to >= 0 && to < count) void perform(() => moveStep(step.guideId, step.id, to, `Move ${name} ${up ? 'up' : 'down'}`));
  }

  const kindClass = step.kind === 'callout' ? `callout ${step.tone}` : step.kind;
  return (
    <article ref={sortable.setNodeRef} style={style} className={`step ${kindClass}${sortable.isDragging ? ' dragging' : ''}`}
      aria-label={label} onKeyDown={onKeyDown}>
      <header className="step-head">
        <button className="drag-handle" aria-label={`Drag ${name}`} {...sortable.attributes} {...sortable.listeners}>⠿</button>
        <span className="number">{label}</span>
        <StepActions guideId={step.guideId} stepId={step.id} name={name} index={index} count={count} onSplit={onSplit} />
      </header>
      <div className={step.kind === 'action' ? 'step-body' : undefined}>
        <div className="step-text">
          <EditableText className="sentence-input" label={`${label} text`} value={step.text} multiline
            placeholder={PLACEHOLDERS[step.kind]} onCommit={(text) => edit({ text }, `Edit ${name} text`)} />
          {step.kind !== 'heading' && (
            <EditableText className="note-input" label={`${label} note`} value={step.note ?? ''} multiline placeholder="Add a note (optional)"
              onCommit={(note) => edit({ note: note || undefined }, `Edit ${name} note`)} />
          )}
          <RedactValue step={step} />
        </div>
        {step.kind === 'action' && (
          <ShotEditor step={step} label={label} onChange={(patch, what) => edit(patch, what)} onReplace={replace} />
        )}
      </div>
    </article>
  );
}
