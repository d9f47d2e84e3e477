import type { Action } from '../types';
import { fieldLabel, quote } from './words';

/** `Select "Travel" in Category` */
export const select = (a: Extract<Action, { kind: 'select' }>) => `Select ${quote(a.option)} in ${fieldLabel(a.target)}`;
