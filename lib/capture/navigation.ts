/**
 * Notices when the top page's address changes: a new document (full load), or a single-page
 * app's route change (pushState/replaceState are invisible to a content script, so the
 * address is checked when the page settles, on popstate/hashchange, and before each action).
 * The background decides whether the change is a step of its own or the effect of the
 * click that caused it.
 */
import type { Action } from '@/lib/steps/types';
import { cleanTitle } from '@/lib/context/title';

export class AddressWatch {
  private known?: string;
  /** When the last popstate fired: Back/Forward within a page, at the moment it happened. */
  private popstateAt?: number;

  constructor(private readonly win: Window) {}

  notePopstate(): void {
    this.popstateAt = Date.now();
  }

  /** The navigate action if the address changed since the last call (or on the first call). */
  check(): Action | undefined {
    const url = this.win.location.href;
    if (url === this.known) return undefined;
    const popstate = this.popstateAt;
    this.popstateAt = undefined;
    const how = this.known === undefined ? this.loadKind() : popstate ? 'back-forward' : 'route';
    this.known = url;
    return {
      kind: 'navigate',
      page: { url, title: cleanTitle(this.win.document.title) },
      how,
      // When the document began loading: a load right after a click is that click's effect.
      startedAt: popstate ?? (how === 'route' ? Date.now() : Math.round(this.win.performance.timeOrigin)),
    };
  }

  private loadKind(): 'load' | 'back-forward' {
    const entry = this.win.performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    return entry?.type === 'back_forward' ? 'back-forward' : 'load';
  }
}
