import type { Action } from '../types';
import { targetLabel } from './words';

/** `Click "Submit for approval"` */
export const click = (a: Extract<Action, { kind: 'click' }>) => `Click ${targetLabel(a.target)}`;
