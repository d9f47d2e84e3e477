/** Everything an export needs about one guide, read in one go from the database. */
import { getGuide } from '@/lib/db/guides';
import { getImage, stepsOf } from '@/lib/db/steps';
import type { Guide, Step, StoredImage } from '@/lib/steps/types';

export interface GuideData {
  guide: Guide;
  steps: Step[];
  /** Looks up a step's screenshot lazily, so exports need not hold every image at once. */
  image(imageId: string): Promise<StoredImage | undefined>;
}

export async function loadGuideData(guideId: string): Promise<GuideData> {
  const guide = await getGuide(guideId);
  if (!guide) throw new Error('This guide no longer exists.');
  return { guide, steps: await stepsOf(guideId), image: getImage };
}

/** The image a step shows in exports, if any. */
export function shownImageId(step: Step): string | undefined {
  return step.kind === 'action' && !step.hideImage ? step.imageId : undefined;
}
