/**
 * A change to the saved guide data, kept as the records before and after it, so undo puts
 * back exactly what was there (a deleted step comes back with the same id, image and
 * annotations) and redo puts back what the command wrote.
 */
import { db } from '@/lib/db/database';
import type { Guide, Step, StoredImage } from '@/lib/steps/types';

type Tables = { guides: Guide; steps: Step; images: StoredImage };
export type TableName = keyof Tables;

/** One record's state before and after; `undefined` means "not there". */
export type RecordChange = {
  [T in TableName]: { table: T; id: string; before?: Tables[T]; after?: Tables[T] };
}[TableName];

export interface Change {
  /** Shown in the undo button's title, e.g. "Delete step 3". */
  label: string;
  records: RecordChange[];
}

export function stepChange(before: Step | undefined, after: Step | undefined): RecordChange {
  return { table: 'steps', id: (after ?? before)!.id, before, after };
}

export function guideChange(before: Guide | undefined, after: Guide | undefined): RecordChange {
  return { table: 'guides', id: (after ?? before)!.id, before, after };
}

export function imageChange(before: StoredImage | undefined, after: StoredImage | undefined): RecordChange {
  return { table: 'images', id: (after ?? before)!.id, before, after };
}

export function inverse(change: Change): Change {
  return {
    label: change.label,
    records: change.records.map((r) => ({ ...r, before: r.after, after: r.before }) as RecordChange),
  };
}

/**
 * Writes the `after` side of every record in one transaction: a full disk leaves the
 * database as it was (never half a step), and the caller reports the error.
 */
export async function applyChange(change: Change): Promise<void> {
  const d = db();
  await d.transaction('rw', d.guides, d.steps, d.images, async () => {
    // Images first, so a step is never written pointing at an image not yet there.
    const ordered = [...change.records].sort((a, b) => rank(a) - rank(b));
    for (const r of ordered) {
      const table = d.table(r.table);
      if (r.before && r.after) await table.update(r.id, changedFields(r.before, r.after));
      else if (r.after) await table.put(r.after);
      else await table.delete(r.id);
    }
    // "Last change" in the library: every guide whose steps changed was just edited.
    const now = Date.now();
    for (const guideId of touchedGuides(change)) await d.guides.update(guideId, { updatedAt: now });
  });
}

/**
 * Only the fields the command changed: undoing a rename must not also undo what the recorder
 * wrote meanwhile (the guide's status), nor what another tab changed in other fields.
 */
function changedFields(before: object, after: object): Record<string, unknown> {
  const a = after as Record<string, unknown>;
  const b = before as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) fields[key] = a[key];
  }
  return fields;
}

function touchedGuides(change: Change): Set<string> {
  const ids = new Set<string>();
  for (const r of change.records) {
    const after = r.after as { guideId?: string; id: string } | undefined;
    if (!after) continue;
    ids.add(r.table === 'guides' ? after.id : after.guideId!);
  }
  return ids;
}

function rank(r: RecordChange): number {
  if (r.table === 'images') return r.after ? 0 : 3;
  return r.table === 'guides' ? 1 : 2;
}
