/** What the guide library shows: each guide with its step count and thumbnail, searchable. */
import type { Guide, Step } from '@/lib/steps/types';
import { db } from './database';

export interface GuideSummary {
  guide: Guide;
  stepCount: number;
  /** The first screenshot of the guide, if any. */
  thumbnailId?: string;
}

/** Guides whose title, sentences or notes contain `query` (any case); last changed first. */
export async function guideSummaries(query = ''): Promise<GuideSummary[]> {
  const d = db();
  const needle = query.trim().toLowerCase();
  const [guides, steps] = await Promise.all([d.guides.toArray(), d.steps.toArray()]);
  const byGuide = new Map<string, Step[]>();
  for (const step of steps) {
    const list = byGuide.get(step.guideId) ?? [];
    list.push(step);
    byGuide.set(step.guideId, list);
  }
  const matches = (guide: Guide, list: Step[]) =>
    !needle ||
    guide.title.toLowerCase().includes(needle) ||
    list.some((s) => s.text.toLowerCase().includes(needle) || s.note?.toLowerCase().includes(needle));
  return guides
    .filter((g) => matches(g, byGuide.get(g.id) ?? []))
    .sort((a, b) => b.updatedAt - a.updatedAt || b.createdAt - a.createdAt)
    .map((guide) => {
      const list = (byGuide.get(guide.id) ?? []).sort((a, b) => a.order - b.order);
      const first = list.find((s) => s.kind === 'action' && s.imageId && !s.hideImage);
      return { guide, stepCount: list.length, thumbnailId: first?.kind === 'action' ? first.imageId : undefined };
    });
}
