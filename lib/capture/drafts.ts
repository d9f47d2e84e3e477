/**
 * The stored draft of the edit being typed (see lib/capture/outbox.ts): a tab closed
 * mid-typing can no longer send anything, but its draft is already on disk. One draft at a
 * time, for the field being typed in; when the edit becomes a step, its copy takes the
 * draft's place under the same id.
 *
 * Writes go one at a time, at most one per `DRAFT_EVERY_MS`: meanwhile the newest state waits
 * in memory and is written next, or at once when the page is left. A renderer killed outright
 * (a crash, no pagehide) loses only the keys typed in that time.
 */
import type { ActionContext } from '@/lib/messages';
import type { Action, TargetDescription } from '@/lib/steps/types';
import type { Edit, PendingEdits } from './edits';
import { dropDraft, newOutboxId, saveDraft } from './outbox';

/** What the background needs with the edit of `field` at `at`. Reads layout. */
type ContextOf = (field: Element, at: number) => ActionContext;

type Draft = { id: string; action: Action; context: ActionContext };

/**
 * Each write costs the page a storage call, so a burst (a paste, a key held down) writes a few
 * states, not one each. Short, though: a person types 5–10 keys a second, and a tab closed right
 * after the last key keeps only what was written before (Firefox drops a closing page's writes:
 * at 200 ms, a close 0–100 ms after the last key lost the last 1–2 characters, 8 in 9 runs).
 */
const DRAFT_EVERY_MS = 50;

export class Drafts {
  private draft?: { id: string; field: Element; context: ActionContext; target: TargetDescription };
  /** The newest state not written yet: while a write is under way, keystrokes only update it. */
  private unsaved?: Draft;
  private writing = false;

  constructor(
    private readonly edits: PendingEdits,
    private readonly contextOf: ContextOf,
    /** The page is hidden, as it is while being left (see `end`). */
    private readonly hidden: () => boolean,
  ) {}

  /** Stores the pending edit as it stands (after an input event). */
  keep(): void {
    const same = this.draft?.field === this.edits.pending() ? this.draft : undefined;
    const edit = this.edits.draft(same?.target);
    if (!edit) {
      // Typed, then undone: what was typed must not stay on disk (nor become a step). Not
      // while the page is hidden: it may read its fields as empty as it goes (see `end`).
      if (same && !this.hidden()) this.drop();
      return;
    }
    const { id, context } = same ?? this.start(edit);
    this.unsaved = { id, action: edit.action, context: { ...context, at: edit.at } };
    if (!this.writing) this.writeNext();
  }

  /** A new draft. Its field is described once per edit: on every keystroke that would cost the page. */
  private start(edit: Edit): NonNullable<Drafts['draft']> {
    const context = this.contextOf(edit.field, edit.at);
    this.draft = { id: newOutboxId(), field: edit.field, context, target: edit.action.target };
    return this.draft;
  }

  /** One write at a time, spaced: a burst of keys (a paste, fast typing) costs the page a few, not one each. */
  private writeNext(): void {
    const next = this.takeUnsaved();
    if (!next) return;
    this.writing = true;
    const spaced = new Promise((resolve) => setTimeout(resolve, DRAFT_EVERY_MS));
    void Promise.allSettled([saveDraft(next.id, next.action, next.context), spaced]).then(() => {
      this.writing = false;
      this.writeNext();
    });
  }

  private takeUnsaved(): Draft | undefined {
    const next = this.unsaved;
    this.unsaved = undefined;
    return next;
  }

  /**
   * After an edit may have ended: the draft of an edit that became a step lends the step its
   * outbox id (returned); one that came to nothing is deleted — but not while the page is
   * hidden or being left: a tab being closed in Firefox can read its fields as empty, and the
   * edit typed before would be lost. Its draft stays, and is recorded once the page is gone.
   */
  end(committed: { field: Element } | undefined): string | undefined {
    const draft = this.draft;
    if (!draft || this.edits.pending() === draft.field) return undefined;
    if (committed?.field === draft.field) {
      // The step's copy takes the draft's place: an older state must not be written over it.
      this.unsaved = undefined;
      this.draft = undefined;
      return draft.id;
    }
    if (this.hidden()) {
      // The page is going: its newest state is written now, not after the write under way.
      const last = this.takeUnsaved();
      if (last) void saveDraft(last.id, last.action, last.context);
      this.draft = undefined;
    } else this.drop();
    return undefined;
  }

  private drop(): void {
    this.unsaved = undefined;
    if (this.draft) void dropDraft(this.draft.id);
    this.draft = undefined;
  }
}
