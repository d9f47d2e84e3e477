import type { Action } from '../types';
import { quote, targetLabel } from './words';

/**
 * `Click "Submit for approval"`; a list button, by its label and what it showed, as a person
 * finds it: `Open "Cost center" (shows "Choose…")`.
 */
export const click = (a: Extract<Action, { kind: 'click' }>) =>
  a.target.shows ? `Open ${targetLabel(a.target)} (shows ${quote(a.target.shows)})` : `Click ${targetLabel(a.target)}`;
