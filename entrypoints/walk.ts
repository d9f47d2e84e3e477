import { PageWalker } from '@/lib/walk/page-walker';
import { WalkPanel } from '@/components/walk/panel';
import { WalkRing } from '@/components/walk/ring';

// Injected by the background into the frames of the walked tab only (lib/walk/controller.ts).
// Logic: lib/walk/page-walker.ts; its page UI (components/walk) is handed in here.
export default defineUnlistedScript(() => {
  // A frame gets the script once, however often the background injects it.
  const flag = '__waymarkWalk';
  const scope = globalThis as unknown as Record<string, boolean>;
  if (scope[flag]) return;
  scope[flag] = true;
  void new PageWalker(window, { ring: new WalkRing(), panel: (actions) => new WalkPanel(actions) }).connect();
});
