/**
 * Per-guide summaries for the library (issue 13): step count, thumbnail and the searchable text
 * of its steps, kept up to date on every step write, so opening the library and searching as
 * one types never load the 60,000 steps of 2,000 guides. Table hooks see every writer (editor,
 * recorder, import, redaction) without each remembering to do it: after the writing
 * transaction commits, the guides it touched are summarized again from their steps.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { Guide, Step } from '@/lib/steps/types';
import type { StoredSummary } from './records';

export type { StoredSummary };

/**
 * The tables summaries read and write. The database is handed in, not imported: database.ts
 * installs the hooks as it opens, and an import back would make the two modules a circle.
 */
export type SummaryTables = Dexie & {
  guides: Table<Guide, string>;
  steps: Table<Step, string>;
  summaries: Table<StoredSummary, string>;
};

/** The summary of a guide from its steps (any order). Pure. */
export function summarize(guideId: string, steps: Step[]): StoredSummary {
  const sorted = [...steps].sort((a, b) => a.order - b.order);
  const first = sorted.find((s) => s.kind === 'action' && s.imageId && !s.hideImage);
  const text = sorted.flatMap((s) => [s.text, s.note ?? '']).filter(Boolean).join('\n').toLowerCase();
  return { guideId, stepCount: sorted.length, thumbnailId: first?.kind === 'action' ? first.imageId : undefined, text };
}

/** Summarizes these guides again from their steps; a guide that is gone loses its summary. */
export async function refreshSummaries(d: SummaryTables, guideIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(guideIds)];
  if (!ids.length) return;
  await d.transaction('rw', d.guides, d.steps, d.summaries, async () => {
    for (const guideId of ids) {
      const [guide, steps] = await Promise.all([
        d.guides.get(guideId),
        d.steps.where('[guideId+order]').between([guideId, Dexie.minKey], [guideId, Dexie.maxKey]).toArray(),
      ]);
      if (guide) await d.summaries.put(summarize(guideId, steps));
      else await d.summaries.delete(guideId);
    }
  });
}

/** Installs the hooks that keep summaries in step with the steps and guides tables. */
export function keepSummaries(d: SummaryTables): void {
  const pending = new WeakMap<Transaction, Set<string>>();
  const touch = (trans: Transaction, guideId: unknown) => {
    if (typeof guideId !== 'string') return;
    let set = pending.get(trans);
    if (!set) {
      const ids = new Set<string>();
      pending.set(trans, (set = ids));
      // After commit only: a transaction that fails leaves the summaries as they were.
      // Outside the finished transaction's zone: Dexie would take the refresh for a nested
      // transaction of it (SubTransactionError: summaries not included in parent transaction).
      trans.on('complete', () => {
        Dexie.ignoreTransaction(() => refreshSummaries(d, ids)).catch((e) => console.error('Waymark: could not update the library summary', e));
      });
    }
    set.add(guideId);
  };
  d.steps.hook('creating', (_key, step, trans) => touch(trans, step.guideId));
  d.steps.hook('updating', (mods, _key, step, trans) => {
    touch(trans, step.guideId);
    if ('guideId' in mods) touch(trans, (mods as { guideId?: unknown }).guideId);
  });
  d.steps.hook('deleting', (_key, step, trans) => touch(trans, step?.guideId));
  d.guides.hook('creating', (key, _guide, trans) => touch(trans, key));
  d.guides.hook('deleting', (key, _guide, trans) => touch(trans, key));
}
