/**
 * A step's screenshot with its annotations, focus and target marks drawn as SVG over it.
 * Focused, the SVG's viewBox is the shown region (the picture the exports show); whole, the
 * region is an outlined area that can be moved and resized (it becomes the step's `crop`).
 * Shapes are selected by click or Tab, moved by dragging or arrow keys, resized by their
 * handle or Shift+arrows, removed with Delete. Each finished gesture is one undo entry.
 */
import { useRef, useState } from 'react';
import type { ActionStep, Annotation, NormBox, NormPoint } from '@/lib/steps/types';
import { drawnAnnotation, dragHandle, moveBox, resizeBox, type DrawKind, type Handle } from './geometry';
import { KIND_NAMES, MarkShape, Shape, type Size } from './shapes';
import { markerPoint, stepMarks } from '@/lib/steps/marks';
import { isFocused, shownRegion } from '@/lib/steps/focus';

/**
 * What an edit of the picture changes in its step. Declared here, with the screenshot that
 * makes most of them, so that AnnotationTools.tsx imports it from here and not the other way.
 */
export type StepPatch = Partial<Pick<ActionStep, 'annotations' | 'crop' | 'wholeScreen' | 'marker' | 'hideImage'>>;

/** What is being dragged right now, drawn from this preview until the pointer is released. */
type Preview = { id: string; annotation?: Annotation; crop?: NormBox; marker?: NormPoint };
interface Drag {
  id: string;
  handle: Handle;
  start: NormPoint;
  moved: boolean;
  drawing?: boolean;
}

interface Props {
  step: ActionStep;
  label: string;
  url: string;
  size: Size;
  selected?: string;
  /** Show the whole screenshot with the focus outlined, rather than the focused part alone. */
  whole: boolean;
  /** What a drag on the bare picture draws. */
  drawKind: DrawKind;
  newId(): string;
  onSelect(id: string | undefined): void;
  onChange(patch: StepPatch, label: string): void;
}

const NUDGE = 0.01;

export function Screenshot({ step, label, url, size, selected, whole, drawKind, newId, onSelect, onChange }: Props) {
  const svg = useRef<SVGSVGElement>(null);
  const drag = useRef<Drag>(undefined);
  const [preview, setPreview] = useState<Preview>();
  const annotations = step.annotations ?? [];
  const marker = markerPoint(step);
  const idBase = `s${step.id.replace(/[^a-zA-Z0-9]/g, '')}`;
  const region = shownRegion(step);
  const focused = isFocused(step);
  const view = whole ? { x: 0, y: 0, width: 1, height: 1 } : region;

  /** A pointer position in image coordinates (0..1), through the shown part of the picture. */
  function normalized(e: React.PointerEvent): NormPoint {
    const r = svg.current!.getBoundingClientRect();
    return { x: view.x + ((e.clientX - r.left) / r.width) * view.width, y: view.y + ((e.clientY - r.top) / r.height) * view.height };
  }

  /** The shape `id` moved by (dx, dy) through `handle`, as the patch that saves it. */
  function patchFor(id: string, handle: Handle, dx: number, dy: number): Preview & { patch: StepPatch } {
    if (id === 'marker') {
      const at = { x: Math.min(1, Math.max(0, marker!.x + dx)), y: Math.min(1, Math.max(0, marker!.y + dy)) };
      return { id, marker: at, patch: { marker: { ...step.marker, at } } };
    }
    if (id === 'crop') {
      // Moving the default focus makes it the trainer's own region.
      const crop = handle === 'corner' ? resizeBox(region, dx, dy) : moveBox(region, dx, dy);
      return { id, crop, patch: { crop } };
    }
    const annotation = dragHandle(annotations.find((a) => a.id === id)!, handle, dx, dy);
    return { id, annotation, patch: { annotations: annotations.map((a) => (a.id === id ? annotation : a)) } };
  }

  function onPointerDown(e: React.PointerEvent, id: string, handle: Handle) {
    e.stopPropagation();
    onSelect(id);
    drag.current = { id, handle, start: normalized(e), moved: false };
    svg.current!.setPointerCapture(e.pointerId);
  }

  /** A press on the bare picture starts drawing a new shape (or just clears the selection). */
  function onBackgroundDown(e: React.PointerEvent) {
    onSelect(undefined);
    drag.current = { id: newId(), handle: 'body', start: normalized(e), moved: false, drawing: true };
    svg.current!.setPointerCapture(e.pointerId);
  }

  function onPointerMove(e: React.PointerEvent) {
    const d = drag.current;
    if (!d) return;
    const p = normalized(e);
    d.moved = true;
    if (d.drawing) return setPreview({ id: d.id, annotation: drawnAnnotation(drawKind, d.id, d.start, p) ?? undefined });
    setPreview(patchFor(d.id, d.handle, p.x - d.start.x, p.y - d.start.y));
  }

  function onPointerUp(e: React.PointerEvent) {
    const d = drag.current;
    drag.current = undefined;
    setPreview(undefined);
    if (!d?.moved) return;
    const p = normalized(e);
    if (d.drawing) {
      const drawn = drawnAnnotation(drawKind, d.id, d.start, p);
      if (!drawn) return;
      onSelect(drawn.id);
      return onChange({ annotations: [...annotations, drawn] }, `Draw ${nameOf(drawn.id, drawn)} on ${label}`);
    }
    onChange(patchFor(d.id, d.handle, p.x - d.start.x, p.y - d.start.y).patch, `Move ${nameOf(d.id)} on ${label}`);
  }

  function nameOf(id: string, drawn?: Annotation): string {
    if (id === 'marker') return 'click marker';
    if (id === 'crop') return 'crop';
    const a = drawn ?? annotations.find((x) => x.id === id);
    return a ? KIND_NAMES[a.kind].toLowerCase() : 'annotation';
  }

  function onKeyDown(e: React.KeyboardEvent, id: string) {
    const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const move = moves[e.key];
    if (move) {
      e.preventDefault();
      const handle: Handle = e.shiftKey ? (annotations.find((a) => a.id === id)?.kind === 'arrow' ? 'to' : 'corner') : 'body';
      onChange(patchFor(id, handle, move[0] * NUDGE, move[1] * NUDGE).patch, `${e.shiftKey ? 'Resize' : 'Move'} ${nameOf(id)} on ${label}`);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && id !== 'marker') {
      e.preventDefault();
      onSelect(undefined);
      const patch: StepPatch = id === 'crop' ? { crop: undefined, wholeScreen: true } : { annotations: annotations.filter((a) => a.id !== id) };
      onChange(patch, `Delete ${nameOf(id)} on ${label}`);
    } else if (e.key === 'Escape') {
      onSelect(undefined);
    }
  }

  const shown = (a: Annotation) => (preview?.id === a.id && preview.annotation) || a;
  // The focus is outlined for adjusting only in the whole view.
  const crop = whole && focused ? (preview?.id === 'crop' && preview.crop) || region : undefined;
  const markerAt = (preview?.id === 'marker' && preview.marker) || marker;
  const marked = markerAt === marker ? step : { ...step, marker: { ...step.marker, at: markerAt } };
  const viewPx = { x: view.x * size.width, y: view.y * size.height, width: view.width * size.width, height: view.height * size.height };
  const marks = stepMarks(marked, view, viewPx);
  const px = (b: NormBox) => ({ x: b.x * size.width, y: b.y * size.height, width: b.width * size.width, height: b.height * size.height });
  const handleSize = viewPx.width * 0.014;
  const counts: Record<string, number> = {};

  return (
    <svg ref={svg} className="shot" viewBox={`${viewPx.x} ${viewPx.y} ${viewPx.width} ${viewPx.height}`} role="group"
      aria-label={`${whole || !focused ? 'Screenshot' : 'Focused screenshot'} of ${label}`}
      onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerDown={onBackgroundDown}>
      <defs>
        <filter id={`${idBase}-blur`}>
          <feGaussianBlur stdDeviation={size.width * 0.012} />
        </filter>
      </defs>
      <image href={url} width={size.width} height={size.height} role="img" aria-label={step.text || label} preserveAspectRatio="none" />
      {crop && (
        <path fill="rgba(16,22,32,0.55)" fillRule="evenodd" pointerEvents="none"
          d={`M0 0H${size.width}V${size.height}H0Z M${px(crop).x} ${px(crop).y}h${px(crop).width}v${px(crop).height}h${-px(crop).width}Z`} />
      )}
      {annotations.map((a) => {
        counts[a.kind] = (counts[a.kind] ?? 0) + 1;
        const s = shown(a);
        return (
          <g key={a.id} role="button" tabIndex={0} aria-label={`${KIND_NAMES[a.kind]} ${counts[a.kind]} on ${label}`}
            aria-pressed={selected === a.id} className={`annotation${selected === a.id ? ' selected' : ''}`}
            onPointerDown={(e) => onPointerDown(e, a.id, 'body')} onKeyDown={(e) => onKeyDown(e, a.id)} onFocus={() => onSelect(a.id)}>
            <Shape a={s} size={size} url={url} clipId={`${idBase}-clip-${a.id}`} filterId={`${idBase}-blur`} />
            {selected === a.id && handlesOf(s).map(([handle, p]) => (
              <rect key={handle} className="handle" x={p.x * size.width - handleSize / 2} y={p.y * size.height - handleSize / 2}
                width={handleSize} height={handleSize} onPointerDown={(e) => onPointerDown(e, a.id, handle)} />
            ))}
          </g>
        );
      })}
      {drag.current?.drawing && preview?.annotation && (
        <g pointerEvents="none">
          <Shape a={preview.annotation} size={size} url={url} clipId={`${idBase}-clip-new`} filterId={`${idBase}-blur`} />
        </g>
      )}
      {crop && (
        <g role="button" tabIndex={0} aria-label={`Crop area on ${label}`} aria-pressed={selected === 'crop'}
          onPointerDown={(e) => onPointerDown(e, 'crop', 'body')} onKeyDown={(e) => onKeyDown(e, 'crop')} onFocus={() => onSelect('crop')}>
          <rect {...px(crop)} fill="transparent" stroke="#fff" strokeDasharray={`${handleSize} ${handleSize / 2}`} strokeWidth={size.width * 0.002} />
          {selected === 'crop' && (
            <rect className="handle" x={(crop.x + crop.width) * size.width - handleSize / 2} y={(crop.y + crop.height) * size.height - handleSize / 2}
              width={handleSize} height={handleSize} onPointerDown={(e) => onPointerDown(e, 'crop', 'corner')} />
          )}
        </g>
      )}
      <g transform={`translate(${viewPx.x} ${viewPx.y})`}>
        {marks.map((m) => m.kind === 'ring' ? <MarkShape key="ring" mark={m} /> : (
          <g key="dot" role="button" tabIndex={0} aria-label={`Click marker on ${label}`} aria-pressed={selected === 'marker'}
            onPointerDown={(e) => onPointerDown(e, 'marker', 'body')} onKeyDown={(e) => onKeyDown(e, 'marker')} onFocus={() => onSelect('marker')}>
            <MarkShape mark={m} />
          </g>
        ))}
      </g>
    </svg>
  );
}

function handlesOf(a: Annotation): [Handle, NormPoint][] {
  switch (a.kind) {
    case 'highlight':
    case 'blur':
      return [['corner', { x: a.box.x + a.box.width, y: a.box.y + a.box.height }]];
    case 'arrow':
      return [['from', a.from], ['to', a.to]];
    case 'label':
      return [];
  }
}
