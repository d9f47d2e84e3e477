import type { Action } from '../types';
import { shorten, targetLabel } from './words';

/** `Choose "Corporate card" (Payment method)` */
export const choose = (a: Extract<Action, { kind: 'choose' }>) =>
  `Choose ${targetLabel(a.target)}${a.group ? ` (${shorten(a.group)})` : ''}`;
