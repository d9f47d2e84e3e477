import { useEffect } from 'react';
/** The editor page: the guide library, or one guide, by URL hash. */
import { GuideView } from '@/components/guide/GuideView';
import { Library } from '@/components/library/Library';
import { cleanUpWhenAlone } from '@/lib/editor/cleanup';
import { useRoute } from './route';

export function EditorApp() {
  const route = useRoute();
  // Screenshots of steps deleted in earlier sessions (see lib/editor/cleanup.ts).
  useEffect(cleanUpWhenAlone, []);
  return route.page === 'guide' ? <GuideView key={route.guideId} guideId={route.guideId} /> : <Library />;
}
