/**
 * The rows of the tables Waymark keeps beside its guides, steps and images (lib/steps/types.ts).
 * Their own module: database.ts declares the tables and renditions.ts, which fills one, opens
 * the database; a type kept in either of those would make the two an import circle.
 */

/** A guide's summary for the library (lib/db/summaries.ts keeps it up to date). */
export interface StoredSummary {
  guideId: string;
  stepCount: number;
  /** The first screenshot shown in the guide, if any. */
  thumbnailId?: string;
  /** Sentences and notes, lower case, one per line: what search looks in besides the title. */
  text: string;
}

/** An export picture kept between exports (lib/db/renditions.ts). */
export interface StoredRendition {
  /** `<imageId>:<what is drawn into it and how it is encoded>` (lib/export/renditions.ts). */
  key: string;
  guideId: string;
  imageId: string;
  blob: Blob;
  width: number;
  height: number;
}
