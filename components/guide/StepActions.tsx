/** The commands on one step: move, delete, and (in a menu) duplicate, merge, split, insert. */
import { perform } from '@/lib/editor/history';
import { deleteStep, duplicateStep, insertStep, mergeIntoPrevious, moveStep, splitGuide, type InsertKind } from '@/lib/editor/commands';
import type { Change } from '@/lib/editor/changes';

interface Props {
  guideId: string;
  stepId: string;
  /** "step 3", "heading 1"… as used in control names. */
  name: string;
  index: number;
  count: number;
  onSplit(newGuideId: string): void;
}

const INSERTS: [InsertKind, string][] = [
  ['heading', 'heading'],
  ['text', 'text step'],
  ['tip', 'tip'],
  ['warning', 'warning'],
];

export function StepActions({ guideId, stepId, name, index, count, onSplit }: Props) {
  const move = (to: number, dir: string) => perform(() => moveStep(guideId, stepId, to, `Move ${name} ${dir}`));
  async function split() {
    let change: Change | null = null;
    const done = await perform(async () => (change = await splitGuide(guideId, stepId, `Split guide at ${name}`)));
    if (done && change) onSplit((change as Change).records[0]!.id);
  }
  return (
    <div className="toolbar step-actions">
      <button aria-label={`Move ${name} up`} disabled={index === 0} onClick={() => void move(index - 1, 'up')}>↑</button>
      <button aria-label={`Move ${name} down`} disabled={index === count - 1} onClick={() => void move(index + 1, 'down')}>↓</button>
      <button aria-label={`Delete ${name}`} onClick={() => void perform(() => deleteStep(stepId, `Delete ${name}`))}>Delete</button>
      <details className="menu">
        <summary aria-label={`More actions for ${name}`}>More…</summary>
        {/* A chosen command closes the menu. */}
        <div className="menu-items" onClick={(e) => e.currentTarget.closest('details')?.removeAttribute('open')}>
          <button aria-label={`Duplicate ${name}`} onClick={() => void perform(() => duplicateStep(stepId, `Duplicate ${name}`))}>Duplicate</button>
          <button aria-label={`Merge ${name} into the previous step`} disabled={index === 0}
            onClick={() => void perform(() => mergeIntoPrevious(guideId, stepId, `Merge ${name} into the previous step`))}>
            Merge into previous
          </button>
          <button aria-label={`Split guide at ${name}`} disabled={index === 0} onClick={() => void split()}>
            Split guide here
          </button>
          {INSERTS.map(([kind, what]) => (
            <button key={kind} aria-label={`Add ${what} after ${name}`}
              onClick={() => void perform(() => insertStep(guideId, stepId, kind, `Add ${what} after ${name}`))}>
              Add {what} after
            </button>
          ))}
        </div>
      </details>
    </div>
  );
}
