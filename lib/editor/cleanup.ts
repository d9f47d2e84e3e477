/**
 * Removing screenshots no step uses, only when no other editor page is open: another page's
 * undo history may still bring back a deleted step with its picture. Each editor page holds
 * a shared Web Lock for its lifetime; the clean-up runs only when it can take that lock alone.
 */
import { removeUnusedImages } from '@/lib/db/images';
import { useHistory } from './history';

const LOCK = 'waymark-editor-history';
/** Late enough not to slow the first paint of a large guide. */
const DELAY_MS = 3000;

export function cleanUpWhenAlone(): void {
  if (!navigator.locks) return;
  void navigator.locks
    .request(LOCK, { mode: 'exclusive', ifAvailable: true }, async (lock) => {
      if (!lock) return;
      await new Promise((resolve) => setTimeout(resolve, DELAY_MS));
      // Edits made in this page meanwhile may be undone: then their pictures stay too.
      const { past, future } = useHistory.getState();
      if (past.length === 0 && future.length === 0) await removeUnusedImages().catch(() => undefined);
    })
    .then(holdWhileOpen);
}

/** This page's history lives until the page closes, and so does its share of the lock. */
function holdWhileOpen(): void {
  void navigator.locks.request(LOCK, { mode: 'shared' }, () => new Promise<void>(() => undefined));
}
