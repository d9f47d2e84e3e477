/**
 * The sentence of a step, from one template module per action kind (lib/steps/templates/),
 * so wording stays consistent and can be translated one file at a time.
 * The output is plain text: callers put it into the DOM as text, never as HTML.
 */
import type { Action } from './types';
import { click } from './templates/click';
import { type } from './templates/type';
import { select } from './templates/select';
import { check } from './templates/check';
import { choose } from './templates/choose';
import { key } from './templates/key';
import { navigate } from './templates/navigate';

export { quote, targetLabel, fieldLabel } from './templates/words';

export function sentenceFor(action: Action): string {
  switch (action.kind) {
    case 'click':
      return click(action);
    case 'type':
      return type(action);
    case 'select':
      return select(action);
    case 'check':
      return check(action);
    case 'choose':
      return choose(action);
    case 'key':
      return key(action);
    case 'navigate':
      return navigate(action);
  }
}
