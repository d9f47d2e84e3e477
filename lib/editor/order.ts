/**
 * Step positions: `order` numbers, sorted ascending. A moved or inserted step takes a number
 * between its new neighbours, so a move rewrites one record (and undoes exactly).
 */
import type { Step } from '@/lib/steps/types';

export function orderBetween(before?: number, after?: number): number {
  if (before === undefined && after === undefined) return 0;
  if (before === undefined) return after! - 1;
  if (after === undefined) return before + 1;
  return (before + after) / 2;
}

/** The order for a step moved from index `from` to index `to` of `steps` (sorted). */
export function orderForMove(steps: Step[], from: number, to: number): number {
  const rest = steps.filter((_, i) => i !== from);
  return orderBetween(rest[to - 1]?.order, rest[to]?.order);
}

/** How a step is called on screen and in control names: "Step 3", "Heading 1", "Tip 2"… */
export function stepLabels(steps: Step[]): string[] {
  const counts: Record<string, number> = {};
  return steps.map((step) => {
    // Only action steps are numbered, as in the exports; the others are counted per kind.
    const kind =
      step.kind === 'action' ? 'Step' : step.kind === 'heading' ? 'Heading' : step.kind === 'text' ? 'Text' : step.tone === 'tip' ? 'Tip' : 'Warning';
    counts[kind] = (counts[kind] ?? 0) + 1;
    return `${kind} ${counts[kind]}`;
  });
}
