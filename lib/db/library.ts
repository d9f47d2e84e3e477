/**
 * What the guide library shows: each guide with its step count and thumbnail, searchable.
 * Read from the per-guide summaries (lib/db/summaries.ts), never from every step.
 */
import type { Guide } from '@/lib/steps/types';
import { db } from './database';
import { refreshSummaries, type StoredSummary } from './summaries';

export interface GuideSummary {
  guide: Guide;
  stepCount: number;
  /** The first screenshot of the guide, if any. */
  thumbnailId?: string;
  /** Sentences and notes in lower case, for search. */
  text: string;
}

/** Every guide with its summary, last changed first: read once, then searched in memory. */
export async function librarySummaries(): Promise<GuideSummary[]> {
  const d = db();
  const [guides, summaries] = await Promise.all([d.guides.toArray(), d.summaries.toArray()]);
  const summarized = new Set(summaries.map((s) => s.guideId));
  const missing = guides.filter((g) => !summarized.has(g.id)).map((g) => g.id);
  // A summary lost (the worker stopped before writing it, or a guide written around Dexie) is
  // made again. Later, outside this read: a live query may not open a write transaction.
  if (missing.length) {
    setTimeout(() => refreshSummaries(d, missing).catch((e) => console.error('Waymark: could not summarize guides', e)), 0);
  }
  return withSummaries(guides, summaries);
}

/**
 * The first screen of the library: the `limit` guides changed last, and how many there are.
 * It reads no other guide's summary (their text is what takes time in a library of thousands).
 */
export async function newestSummaries(limit: number): Promise<{ newest: GuideSummary[]; total: number }> {
  const d = db();
  const [guides, total] = await Promise.all([d.guides.orderBy('updatedAt').reverse().limit(limit).toArray(), d.guides.count()]);
  const summaries = await d.summaries.bulkGet(guides.map((g) => g.id));
  return { newest: withSummaries(guides, summaries.filter((s) => s !== undefined)), total };
}

/** Guides with their summaries (none yet: 0 steps), last changed first. */
function withSummaries(guides: Guide[], summaries: StoredSummary[]): GuideSummary[] {
  const byGuide = new Map<string, StoredSummary>(summaries.map((s) => [s.guideId, s]));
  return guides
    .sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt)
    .map((guide) => {
      const s = byGuide.get(guide.id);
      return { guide, stepCount: s?.stepCount ?? 0, thumbnailId: s?.thumbnailId, text: s?.text ?? '' };
    });
}

/** The guides whose title, sentences or notes contain `query` (any case). Pure, in memory. */
export function searchSummaries(all: GuideSummary[], query: string): GuideSummary[] {
  const needle = query.trim().toLowerCase();
  if (!needle) return all;
  return all.filter((s) => s.guide.title.toLowerCase().includes(needle) || s.text.includes(needle));
}
