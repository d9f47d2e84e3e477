/**
 * The steps of a guide: a virtualised list (only the steps near the screen are in the DOM,
 * so a 500-step guide opens as fast as a 5-step one), sortable by drag and drop.
 */
import { useMemo, useRef } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { Step } from '@/lib/steps/types';
import { perform } from '@/lib/editor/history';
import { moveStep } from '@/lib/editor/commands';
import { stepLabels } from '@/lib/editor/order';
import { StepItem } from './StepItem';

interface Props {
  guideId: string;
  steps: Step[];
  onSplit(newGuideId: string): void;
  onError(message: string): void;
}

/** A typical step with a screenshot; real heights are measured once drawn. */
const ESTIMATE = 560;

export function StepList({ guideId, steps, onSplit, onError }: Props) {
  const list = useRef<HTMLOListElement>(null);
  const labels = useMemo(() => stepLabels(steps), [steps]);
  const ids = useMemo(() => steps.map((s) => s.id), [steps]);
  const virtualizer = useWindowVirtualizer({
    count: steps.length,
    estimateSize: (i) => (steps[i]?.kind === 'action' ? ESTIMATE : 160),
    overscan: 4,
    scrollMargin: list.current?.offsetTop ?? 0,
    getItemKey: (i) => steps[i]!.id,
  });
  // A small distance before a drag starts, so clicks on the handle stay clicks.
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const to = ids.indexOf(String(over.id));
    const label = labels[ids.indexOf(String(active.id))]!.toLowerCase();
    void perform(() => moveStep(guideId, String(active.id), to, `Move ${label}`));
  }

  const items = virtualizer.getVirtualItems();
  const margin = virtualizer.options.scrollMargin;
  const top = items.length ? items[0]!.start - margin : 0;
  const bottom = items.length ? virtualizer.getTotalSize() - (items.at(-1)!.end - margin) : 0;

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ol ref={list} className="steps" aria-label="Steps" style={{ paddingTop: top, paddingBottom: bottom }}>
          {items.map((item) => {
            const step = steps[item.index]!;
            return (
              <li key={step.id} data-index={item.index} ref={virtualizer.measureElement}>
                <StepItem step={step} label={labels[item.index]!} index={item.index} count={steps.length} onSplit={onSplit} onError={onError} />
              </li>
            );
          })}
        </ol>
      </SortableContext>
    </DndContext>
  );
}
