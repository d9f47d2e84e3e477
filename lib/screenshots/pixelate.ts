/**
 * The one pixelate function: replaces a rectangle of a canvas by a coarse mosaic, for blurred
 * secrets in stored screenshots (blur.ts) and blur boxes in exports (lib/export/render-shot.ts).
 * The pixels are replaced, not covered: the original cannot be recovered.
 * Exported pictures are kept (lib/export/renditions.ts): a change to what this draws bumps RENDERER_VERSION there.
 */

export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `rect` in canvas pixels (clipped to the canvas); `block`: mosaic block size in pixels. */
export function pixelate(ctx: OffscreenCanvasRenderingContext2D, rect: PixelRect, block: number): void {
  const x = Math.max(0, Math.floor(rect.x));
  const y = Math.max(0, Math.floor(rect.y));
  const w = Math.min(ctx.canvas.width, Math.ceil(rect.x + rect.width)) - x;
  const h = Math.min(ctx.canvas.height, Math.ceil(rect.y + rect.height)) - y;
  if (w <= 0 || h <= 0) return;
  const size = Math.max(1, Math.round(block));
  const target = { width: Math.max(1, Math.ceil(w / size)), height: Math.max(1, Math.ceil(h / size)) };
  // Halve at most each time: every pass then averages 2×2 pixels, so each block is the mean
  // of its area in every browser (Firefox samples a few pixels in one big downscale, which
  // left busy, not flat, blocks).
  let source: CanvasImageSource = ctx.canvas;
  let from = { x, y, width: w, height: h };
  let small: OffscreenCanvas;
  do {
    const next = { width: Math.max(target.width, Math.ceil(from.width / 2)), height: Math.max(target.height, Math.ceil(from.height / 2)) };
    small = new OffscreenCanvas(next.width, next.height);
    const sctx = small.getContext('2d')!;
    sctx.imageSmoothingEnabled = true;
    sctx.imageSmoothingQuality = 'high';
    sctx.drawImage(source, from.x, from.y, from.width, from.height, 0, 0, next.width, next.height);
    source = small;
    from = { x: 0, y: 0, ...next };
  } while (from.width > target.width || from.height > target.height);
  ctx.save();
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(small, 0, 0, small.width, small.height, x, y, w, h);
  ctx.restore();
}
