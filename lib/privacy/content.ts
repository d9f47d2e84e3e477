/**
 * The privacy side of the content script, started once per frame at document_start: reads
 * the settings early (so the first screenshot already honours them) and remembers the
 * right-clicked element for the "Never record this element" menu.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { trackContextTarget } from './context-target';
import { loadPrivacySettings } from './settings';

export function startPrivacy(ctx: ContentScriptContext, win: Window): void {
  void loadPrivacySettings().catch(() => undefined);
  trackContextTarget(ctx, win);
}
