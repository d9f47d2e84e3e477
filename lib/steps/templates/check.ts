import type { Action } from '../types';
import { targetLabel } from './words';

/** `Check "Billable to client"` / `Uncheck "Billable to client"` */
export const check = (a: Extract<Action, { kind: 'check' }>) =>
  `${a.checked ? 'Check' : 'Uncheck'} ${targetLabel(a.target)}`;
