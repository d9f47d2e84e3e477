/**
 * The one Waymark database. Only extension pages and the background open it: a content
 * script would reach the web page's IndexedDB instead of ours.
 *
 * Each schema change adds a `version(n)` below (never edit an old one) with an
 * `upgrade()` and a unit test that migrates a fixture of the old data.
 */
import Dexie, { type Table } from 'dexie';
import type { Guide, Step, StoredImage } from '@/lib/steps/types';
import { keepSummaries, summarize } from './summaries';
import type { StoredRendition, StoredSummary } from './records';

export class WaymarkDatabase extends Dexie {
  guides!: Table<Guide, string>;
  steps!: Table<Step, string>;
  images!: Table<StoredImage, string>;
  summaries!: Table<StoredSummary, string>;
  renditions!: Table<StoredRendition, string>;

  constructor(name = 'waymark') {
    super(name);
    // Index only what is queried; never index blobs.
    this.version(1).stores({
      guides: 'id, updatedAt, createdAt',
      steps: 'id, guideId, [guideId+order]',
      images: 'id, guideId',
    });
    // v2 (issue 13): per-guide summaries for a library of thousands of guides.
    this.version(2)
      .stores({ summaries: 'guideId' })
      .upgrade(async (tx) => {
        const byGuide = new Map<string, Step[]>();
        for (const g of await tx.table<Guide, string>('guides').toArray()) byGuide.set(g.id, []);
        await tx.table<Step, string>('steps').each((s) => byGuide.get(s.guideId)?.push(s));
        await tx.table<StoredSummary, string>('summaries').bulkPut([...byGuide].map(([id, steps]) => summarize(id, steps)));
      });
    // v3 (issue 13): export pictures made ahead of the export (lib/export/renditions.ts). Starts
    // empty: a guide's renditions are made when its page is next opened.
    this.version(3).stores({ renditions: 'key, guideId, imageId' });
    keepSummaries(this);
  }
}

let shared: WaymarkDatabase | undefined;

/** The shared instance (lazy, so importing this module costs nothing). */
export function db(): WaymarkDatabase {
  shared ??= new WaymarkDatabase();
  return shared;
}

// One id function for pages, workers and insecure contexts alike.
export { newId } from '@/lib/ids';
