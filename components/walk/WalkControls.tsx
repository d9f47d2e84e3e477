/**
 * The walk in the editor: "Walk through on the site", and what past walks found out
 * ("2 steps need attention", re-captured steps with Undo). Used by the guide page and
 * the library card; the walk itself runs in a tab (lib/walk/).
 */
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { useLiveQuery } from 'dexie-react-hooks';
import { stepsOf } from '@/lib/db/steps';
import { send } from '@/lib/messaging';
import { perform } from '@/lib/editor/history';
import { attentionCount } from '@/lib/walk/health';
import { undoRecaptureChange } from '@/lib/walk/recapture';
import type { ActionStep } from '@/lib/steps/types';

/** Opens a new tab and walks the guide there, from its first page. */
export function WalkButton({ guideId, label }: { guideId: string; label?: string }) {
  const [error, setError] = useState<string>();
  async function walk() {
    setError(undefined);
    const tab = await browser.tabs.create({ active: true });
    const reply = tab.id === undefined ? { error: 'No tab to walk in' } : await send({ type: 'walk.start', guideId, tabId: tab.id });
    if ('error' in reply) {
      setError(reply.error);
      if (tab.id !== undefined) void browser.tabs.remove(tab.id);
    }
  }
  return (
    <>
      <button aria-label={label} onClick={() => void walk()}>Walk through on the site</button>
      {error && <span role="alert" className="notice">{error}</span>}
    </>
  );
}

function useSteps(guideId: string) {
  return useLiveQuery(() => stepsOf(guideId), [guideId]);
}

/** "N steps need attention": steps a walk found stale or changed. Nothing when none. */
export function AttentionBadge({ guideId }: { guideId: string }) {
  const steps = useSteps(guideId);
  const count = steps ? attentionCount(steps) : 0;
  if (count === 0) return null;
  return (
    <span className="badge attention" role="status">
      {count} {count === 1 ? 'step needs' : 'steps need'} attention
    </span>
  );
}

function describe(step: ActionStep, index: number): string {
  const health = step.health!;
  const when = new Date(health.seenAt).toLocaleString();
  if (health.state === 'stale') return `Step ${index + 1}: not found on its page (seen ${when}).`;
  if (health.state === 'changed') {
    return `Step ${index + 1}: changed on the site${health.nameNow ? `, now "${health.nameNow}"` : ''} (seen ${when}).`;
  }
  return `Step ${index + 1}: re-captured on the site (${when}).`;
}

/** The guide page's list of what walks found, with Undo for re-captured steps. */
export function WalkFindings({ guideId }: { guideId: string }) {
  const steps = useSteps(guideId);
  const marked = (steps ?? [])
    .map((step, index) => ({ step, index }))
    .filter((s): s is { step: ActionStep; index: number } => s.step.kind === 'action' && !!s.step.health);
  if (marked.length === 0) return null;
  return (
    <section aria-label="Walk findings" className="walk-findings">
      <ul>
        {marked.map(({ step, index }) => (
          <li key={step.id}>
            {describe(step, index)}{' '}
            {/* An imported step keeps its "re-captured" mark but not the step before (PortableStep). */}
            {step.health?.state === 'recaptured' && step.health.previous && (
              <button onClick={() => void perform(() => undoRecaptureChange(step.id))}>Undo re-capture of step {index + 1}</button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
