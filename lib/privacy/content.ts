/**
 * The privacy side of the recorder, started once per frame when the recorder is injected:
 * reads the settings (so the first screenshot already honours them) and remembers the
 * right-clicked element for the "Never record this element" menu.
 */
import { trackContextTarget } from './context-target';
import { loadPrivacySettings } from './settings';

export function startPrivacy(win: Window): Promise<unknown> {
  trackContextTarget(win);
  return loadPrivacySettings().catch(() => undefined);
}
