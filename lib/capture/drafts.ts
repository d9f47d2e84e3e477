/**
 * The stored draft of the edit being typed (see lib/capture/outbox.ts): a tab closed
 * mid-typing can no longer send anything, but its draft is already on disk. One draft at a
 * time, for the field being typed in; when the edit becomes a step, its copy takes the
 * draft's place under the same id.
 */
import type { ActionContext } from '@/lib/messages';
import type { PendingEdits } from './edits';
import { dropDraft, newOutboxId, saveDraft } from './outbox';

/** What the background needs with the edit of `field` at `at`. Reads layout. */
type ContextOf = (field: Element, at: number) => ActionContext;

export class Drafts {
  private draft?: { id: string; field: Element; context: ActionContext };

  constructor(
    private readonly edits: PendingEdits,
    private readonly contextOf: ContextOf,
    /** The page is hidden, as it is while being left (see `end`). */
    private readonly hidden: () => boolean,
  ) {}

  /** Stores the pending edit as it stands (after an input event). */
  keep(): void {
    const edit = this.edits.draft();
    if (!edit) {
      // Typed, then undone: what was typed must not stay on disk (nor become a step). Not
      // while the page is hidden: it may read its fields as empty as it goes (see `end`).
      if (this.draft && this.draft.field === this.edits.pending() && !this.hidden()) this.drop();
      return;
    }
    if (this.draft?.field !== edit.field) {
      // Once per edit: reading the page's secret boxes on every keystroke would cost the page.
      this.draft = { id: newOutboxId(), field: edit.field, context: this.contextOf(edit.field, edit.at) };
    }
    void saveDraft(this.draft.id, edit.action, { ...this.draft.context, at: edit.at });
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
      this.draft = undefined;
      return draft.id;
    }
    if (this.hidden()) this.draft = undefined;
    else this.drop();
    return undefined;
  }

  private drop(): void {
    if (this.draft) void dropDraft(this.draft.id);
    this.draft = undefined;
  }
}
