/**
 * Blurs boxes of a screenshot before it is stored, with the same mosaic as exported blur boxes
 * (pixelate.ts). The pixels are replaced, not covered by an overlay: the original cannot be
 * recovered.
 */
import type { Box, Viewport } from '@/lib/steps/types';
import type { EncodedImage } from './encode';
import type { PageState } from './choice';
import { boxesInTop } from './frame-geometry';
import { pixelate } from './pixelate';

const PAD_CSS_PX = 4;
const BLOCK = 10;

export async function blurBoxes(image: EncodedImage, boxes: Box[], viewport: Viewport | undefined): Promise<EncodedImage> {
  if (boxes.length === 0) return image;
  const bitmap = await createImageBitmap(image.blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  pixelateBoxes(ctx, boxes, viewport);
  const blob = await canvas.convertToBlob({ type: image.blob.type || 'image/jpeg', quality: 0.82 });
  return { blob, width: image.width, height: image.height };
}

/** Pixelates `boxes` (CSS pixels of `viewport`) in a canvas of the whole viewport at any scale. */
export function pixelateBoxes(ctx: OffscreenCanvasRenderingContext2D, boxes: Box[], viewport: Viewport | undefined): void {
  // CSS pixels → image pixels (the capture is at device pixel ratio).
  const scale = viewport && viewport.width > 0 ? ctx.canvas.width / viewport.width : 1;
  for (const box of boxes) {
    const x = (box.x - PAD_CSS_PX) * scale;
    const y = (box.y - PAD_CSS_PX) * scale;
    pixelate(ctx, { x, y, width: (box.width + 2 * PAD_CSS_PX) * scale, height: (box.height + 2 * PAD_CSS_PX) * scale }, BLOCK * Math.max(1, scale));
  }
}

/** The secret boxes every frame of `page` reported, placed in the top viewport (see `blurPage`). */
export function pageBoxes(page: PageState, viewport = page[0]?.viewport): Box[] {
  const whole = { x: 0, y: 0, width: viewport?.width ?? 1e5, height: viewport?.height ?? 1e5 };
  return boxesInTop(Object.values(page), whole);
}

/**
 * Blurs the secret boxes every frame of `page` reported, placed in the top viewport, in a
 * picture of the whole tab (a capture or a rendering). A frame whose place is unknown is
 * blurred whole (frame-geometry.ts).
 */
export function blurPage(image: EncodedImage, page: PageState, viewport = page[0]?.viewport): Promise<EncodedImage> {
  return blurBoxes(image, pageBoxes(page, viewport), viewport);
}
