/**
 * Field edits become one step each, made when the edit is over (the field is left, the form
 * submitted, Enter pressed, another action begins) — never one per key or per `change`
 * a keyboard fires in a <select>.
 */
import type { Action } from '@/lib/steps/types';
import { storedValue } from '@/lib/privacy/policy';
import { describeTarget } from './describe';
import { fieldKind, fieldValue } from './fields';

export interface Edit {
  action: Action;
  at: number;
  field: Element;
}

export class PendingEdits {
  /** The value each field had when the user entered it (or when its last edit was recorded). */
  private readonly before = new WeakMap<Element, string>();
  private dirty?: Element;
  /** When the user last changed the pending field: the edit's place in the order of actions. */
  private editedAt = 0;

  /** A field got focus: remember its value, to tell an edit from a visit. */
  entered(field: Element): void {
    if (fieldKind(field) === 'text' || fieldKind(field) === 'select') {
      if (!this.before.has(field)) this.before.set(field, fieldValue(field));
    }
  }

  /** The user changed a field. Returns the action of another field whose edit ends here. */
  edited(field: Element): Edit | undefined {
    const finished = this.dirty === field ? undefined : this.commit();
    this.dirty = field;
    this.editedAt = Date.now();
    return finished;
  }

  /** Ends the pending edit (if `field` is given, only when it is that field). */
  commit(field?: Element): Edit | undefined {
    const element = this.dirty;
    if (!element || (field && field !== element)) return undefined;
    this.dirty = undefined;
    const value = fieldValue(element);
    if (this.before.get(element) === value) return undefined;
    this.before.set(element, value);
    const target = describeTarget(element);
    const at = this.editedAt;
    if (fieldKind(element) === 'select') return { action: { kind: 'select', target, option: value }, at, field: element };
    // Secret fields are masked here, before the value ever leaves the page.
    return { action: { kind: 'type', target, ...storedValue(element, value) }, at, field: element };
  }
}
