/** The intro a guide starts with, from the page where the recording began. */
import type { Step } from '@/lib/steps/types';

export function suggestedIntro(steps: Step[]): string {
  const first = steps.find((s) => s.kind === 'action');
  if (!first || first.kind !== 'action') return '';
  const { title, url } = first.page;
  let host = '';
  try {
    host = new URL(url).host;
  } catch {
    // A page without a usable URL still has a title.
  }
  const where = [title.trim(), host && `(${host})`].filter(Boolean).join(' ');
  return where ? `This guide walks you through the task step by step, starting on ${where}.` : '';
}
