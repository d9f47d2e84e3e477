/** The editor page: the guide library, or one guide, by URL hash. */
import { GuideView } from '@/components/guide/GuideView';
import { Library } from '@/components/library/Library';
import { useRoute } from './route';

export function EditorApp() {
  const route = useRoute();
  return route.page === 'guide' ? <GuideView key={route.guideId} guideId={route.guideId} /> : <Library />;
}
