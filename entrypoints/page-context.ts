import { readPageContext } from '@/lib/context/page-context';
import { send } from '@/lib/messaging';

// Injected once into the recorded tab when a new guide starts (lib/recording/controls.ts):
// Readability stays out of the content script that every page loads.
export default defineUnlistedScript(() => {
  void send({ type: 'context.page', ...readPageContext(document) }).catch(() => undefined);
});
