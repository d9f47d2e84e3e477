/**
 * The health marks a walk leaves on steps (`step.health`), and how many steps of a guide
 * need the trainer's attention. Marks are data on the step, not edits: they do not change
 * the guide's "last change" and are not undone with the trainer's edits.
 */
import { db } from '@/lib/db/database';
import type { ActionStep, Step, StepHealth } from '@/lib/steps/types';

export function needsAttention(step: Step): boolean {
  return step.kind === 'action' && (step.health?.state === 'stale' || step.health?.state === 'changed');
}

export function attentionCount(steps: Step[]): number {
  return steps.filter(needsAttention).length;
}

/** Writes what the walk saw. A step found as recorded loses its stale or changed mark. */
export async function markStep(stepId: string, verdict: 'found' | 'changed' | 'missing', nameNow?: string): Promise<void> {
  const steps = db().steps;
  await db().transaction('rw', steps, async () => {
    const step = await steps.get(stepId);
    if (!step || step.kind !== 'action') return;
    const health = healthAfter(step, verdict, nameNow, Date.now());
    if (JSON.stringify(health) === JSON.stringify(step.health)) return;
    const next: ActionStep = { ...step };
    if (health) next.health = health;
    else delete next.health;
    await steps.put(next);
  });
}

/** The step's health after a walk saw it (pure, for tests). */
export function healthAfter(step: ActionStep, verdict: 'found' | 'changed' | 'missing', nameNow: string | undefined, now: number): StepHealth | undefined {
  const current = step.health;
  if (verdict === 'found') return current?.state === 'recaptured' ? current : undefined;
  const state = verdict === 'missing' ? 'stale' : 'changed';
  // The first time it was seen so is what the trainer needs ("stale since …").
  const seenAt = current?.state === state ? current.seenAt : now;
  return { state, seenAt, ...(state === 'changed' && nameNow ? { nameNow } : {}) };
}
