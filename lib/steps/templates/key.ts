import type { Action } from '../types';
import { targetLabel } from './words';

/** `Press Escape`, `Press Ctrl+K`, `Press Enter in "Search"` */
export const key = (a: Extract<Action, { kind: 'key' }>) =>
  a.target ? `Press ${a.key} in ${targetLabel(a.target)}` : `Press ${a.key}`;
