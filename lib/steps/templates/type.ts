import type { Action } from '../types';
import { fieldLabel, quote } from './words';

/** `Type "Blue Bottle Coffee" into Merchant`; a masked secret is shown as its mask, unquoted. */
export const type = (a: Extract<Action, { kind: 'type' }>) =>
  `Type ${a.masked ? a.value : quote(a.value)} into ${fieldLabel(a.target)}`;
