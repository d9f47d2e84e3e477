/**
 * Field edits become one step each, made when the edit is over (the field is left, the form
 * submitted, Enter pressed, another action begins) — never one per key or per `change`
 * a keyboard fires in a <select>.
 */
import type { Action, TargetDescription } from '@/lib/steps/types';
import { storedValue } from '@/lib/privacy/policy';
import { maskSecret } from '@/lib/privacy/secret-fields';
import { describeTarget } from './describe';
import { fieldKind, fieldValue } from './fields';

export interface Edit {
  action: Extract<Action, { kind: 'type' | 'select' }>;
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

  /** The field being edited, if any. */
  pending(): Element | undefined {
    return this.dirty;
  }

  /**
   * The pending edit as it stands, without ending it (undefined while its value is as it was).
   * A partly typed value is masked when it has a digit: a card number or code is recognised
   * only once complete, and a draft is recorded only if the page is gone before it is.
   */
  draft(target?: TargetDescription): Edit | undefined {
    const element = this.dirty;
    if (!element) return undefined;
    const value = fieldValue(element);
    if (this.before.get(element) === value) return undefined;
    const edit = this.editOf(element, value, target);
    if (edit.action.kind !== 'type' || edit.action.masked || !/\d/.test(value)) return edit;
    return { ...edit, action: { ...edit.action, value: maskSecret(value), masked: true } };
  }

  /** Ends the pending edit (if `field` is given, only when it is that field). */
  commit(field?: Element): Edit | undefined {
    const element = this.dirty;
    if (!element || (field && field !== element)) return undefined;
    this.dirty = undefined;
    const value = fieldValue(element);
    if (this.before.get(element) === value) return undefined;
    this.before.set(element, value);
    return this.editOf(element, value);
  }

  /** `target`: the field as described earlier in the same edit (a draft's, once per edit). */
  private editOf(element: Element, value: string, target = describeTarget(element)): Edit {
    const at = this.editedAt;
    if (fieldKind(element) === 'select') return { action: { kind: 'select', target, option: value }, at, field: element };
    // Secret fields are masked here, before the value ever leaves the page.
    return { action: { kind: 'type', target, ...storedValue(element, value) }, at, field: element };
  }
}
