import type { Action } from '../types';
import { quote } from './words';

/** `Go to "Report 42"` (the page's title, or its address when it has none). */
export const navigate = (a: Extract<Action, { kind: 'navigate' }>) => `Go to ${quote(a.page.title || a.page.url)}`;
