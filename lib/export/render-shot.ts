/**
 * The one renderer of a step's picture for every export (HTML, PDF, Word, Markdown): the
 * shown region (the focus around the target, lib/steps/focus.ts), blur boxes, annotations and
 * the target marks (lib/steps/marks.ts) are drawn into the pixels, so all formats agree and a
 * blurred area can never be recovered from an exported file. Pictures are encoded at the size
 * they are shown, WebP where the browser encodes it (else JPEG).
 * Exported pictures are kept (lib/export/renditions.ts): a change to what this draws bumps RENDERER_VERSION there.
 */
import type { ActionStep, Annotation, NormBox, NormPoint } from '@/lib/steps/types';
import { ANNOTATION_STYLE as S } from '@/lib/steps/annotation-style';
import { FULL, shownRegion } from '@/lib/steps/focus';
import { type Mark, stepMarks } from '@/lib/steps/marks';
import { pixelate } from '@/lib/screenshots/pixelate';

export interface RenderOptions {
  /** Longest side of the output, in pixels; smaller pictures are not enlarged. */
  maxWidth?: number;
  quality?: number;
  /** Draw only the blur boxes (bundles keep crop, marker and annotations as data). */
  blurOnly?: boolean;
  /** 'image/webp' where the format allows it (HTML); JPEG otherwise (PDF, Word need JPEG/PNG). */
  type?: 'image/jpeg' | 'image/webp';
}

export interface RenderedShot {
  blob: Blob;
  width: number;
  height: number;
}

type Ctx = OffscreenCanvasRenderingContext2D;
/** Image-normalized coordinates → output pixels, through the shown region. */
type Project = (p: NormPoint) => { x: number; y: number };

/** Mosaic block size as a fraction of the output width: coarse enough that text is gone. */
const BLUR_BLOCK = 1 / 60;

export async function renderShot(blob: Blob, step: ActionStep, options: RenderOptions = {}): Promise<RenderedShot> {
  const bitmap = await createImageBitmap(blob);
  try {
    const crop = options.blurOnly ? FULL : shownRegion(step);
    const sx = crop.x * bitmap.width;
    const sy = crop.y * bitmap.height;
    const sw = Math.max(1, crop.width * bitmap.width);
    const sh = Math.max(1, crop.height * bitmap.height);
    const scale = Math.min(1, (options.maxWidth ?? Infinity) / sw);
    const width = Math.max(1, Math.round(sw * scale));
    const height = Math.max(1, Math.round(sh * scale));
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, sx, sy, sw, sh, 0, 0, width, height);
    const project: Project = (p) => ({
      x: ((p.x - crop.x) / crop.width) * width,
      y: ((p.y - crop.y) / crop.height) * height,
    });
    const annotations = step.annotations ?? [];
    for (const a of annotations) if (a.kind === 'blur') pixelateBox(ctx, a.box, project, width);
    if (!options.blurOnly) {
      for (const a of annotations) drawAnnotation(ctx, a, project, width);
      for (const mark of stepMarks(step, crop, { width, height })) paintMark(ctx, mark);
    }
    const out = await encode(canvas, options.type ?? 'image/jpeg', options.quality ?? 0.85);
    return { blob: out, width, height };
  } finally {
    bitmap.close();
  }
}

/** Encodes as asked, checking the result: a browser without a WebP encoder returns PNG. */
async function encode(canvas: OffscreenCanvas, type: string, quality: number): Promise<Blob> {
  const blob = await canvas.convertToBlob({ type, quality });
  if (blob.type === type) return blob;
  return canvas.convertToBlob({ type: 'image/jpeg', quality });
}

/** Paints one mark of lib/steps/marks.ts: the halo first, the coloured line over it. */
export function paintMark(ctx: Ctx, m: Mark): void {
  ctx.save();
  ctx.beginPath();
  if (m.kind === 'ring') ctx.roundRect(m.x, m.y, m.width, m.height, m.radius);
  else {
    ctx.arc(m.cx, m.cy, m.r, 0, Math.PI * 2);
    ctx.fillStyle = m.fill;
    ctx.fill();
  }
  for (const stroke of [m.outer, m.inner]) {
    ctx.lineWidth = stroke.width;
    ctx.strokeStyle = stroke.color;
    ctx.stroke();
  }
  ctx.restore();
}

/** Replaces the pixels of a box by a coarse mosaic (lib/screenshots/pixelate.ts): irreversible, unlike an overlay. */
function pixelateBox(ctx: Ctx, box: NormBox, project: Project, width: number): void {
  const a = project(box);
  const b = project({ x: box.x + box.width, y: box.y + box.height });
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  pixelate(ctx, { x, y, width: Math.max(a.x, b.x) - x, height: Math.max(a.y, b.y) - y }, Math.max(8, Math.round(width * BLUR_BLOCK)));
}

function drawAnnotation(ctx: Ctx, a: Annotation, project: Project, width: number): void {
  const line = Math.max(2, width * S.strokeWidth);
  ctx.save();
  ctx.lineWidth = line;
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  switch (a.kind) {
    case 'blur':
      break;
    case 'highlight': {
      const p = project(a.box);
      const q = project({ x: a.box.x + a.box.width, y: a.box.y + a.box.height });
      ctx.strokeStyle = a.color ?? S.highlightColor;
      ctx.strokeRect(p.x, p.y, q.x - p.x, q.y - p.y);
      break;
    }
    case 'arrow':
      drawArrow(ctx, project(a.from), project(a.to), a.color ?? S.arrowColor, line);
      break;
    case 'label':
      drawLabel(ctx, project(a.at), a.text, a.color, width);
      break;
  }
  ctx.restore();
}

function drawArrow(ctx: Ctx, from: { x: number; y: number }, to: { x: number; y: number }, color: string, line: number) {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const head = line * 4;
  ctx.strokeStyle = color;
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(to.x - Math.cos(angle) * head * 0.8, to.y - Math.sin(angle) * head * 0.8);
  ctx.stroke();
  ctx.beginPath();
  ctx.moveTo(to.x, to.y);
  ctx.lineTo(to.x - head * Math.cos(angle - Math.PI / 7), to.y - head * Math.sin(angle - Math.PI / 7));
  ctx.lineTo(to.x - head * Math.cos(angle + Math.PI / 7), to.y - head * Math.sin(angle + Math.PI / 7));
  ctx.closePath();
  ctx.fill();
}

function drawLabel(ctx: Ctx, at: { x: number; y: number }, text: string, color: string | undefined, width: number) {
  const size = Math.max(11, width * S.labelFontSize);
  const pad = size * 0.4;
  ctx.font = `600 ${size}px system-ui, "DejaVu Sans", sans-serif`;
  ctx.textBaseline = 'middle';
  const shown = text.length > 120 ? `${text.slice(0, 119)}…` : text;
  const textWidth = Math.min(ctx.measureText(shown).width, width - 2 * pad);
  const x = Math.max(0, Math.min(at.x, width - textWidth - 2 * pad));
  ctx.fillStyle = color ?? S.labelBackground;
  ctx.fillRect(x, at.y - size / 2 - pad, textWidth + 2 * pad, size + 2 * pad);
  ctx.fillStyle = S.labelColor;
  ctx.fillText(shown, x + pad, at.y, textWidth);
}
