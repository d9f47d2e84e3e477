import { describe, expect, it } from 'vitest';
import { greetsOn } from '@/lib/onboarding/welcome';

describe('welcome page', () => {
  it('greets a first install only, not an update or a browser update', () => {
    expect(greetsOn('install')).toBe(true);
    expect(greetsOn('update')).toBe(false);
    expect(greetsOn('chrome_update')).toBe(false);
    expect(greetsOn('browser_update')).toBe(false);
  });
});
