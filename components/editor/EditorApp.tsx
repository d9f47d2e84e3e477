import { useEffect } from 'react';
/** The editor page: the guide library, or one guide, by URL hash. */
import { GuideView } from '@/components/guide/GuideView';
import { Library } from '@/components/library/Library';
import { removeUnusedImages } from '@/lib/db/images';
import { useRoute } from './route';

export function EditorApp() {
  const route = useRoute();
  // Screenshots of steps deleted in earlier sessions: this page has no undo history yet.
  useEffect(() => void removeUnusedImages().catch(() => undefined), []);
  return route.page === 'guide' ? <GuideView key={route.guideId} guideId={route.guideId} /> : <Library />;
}
