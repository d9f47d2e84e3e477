/**
 * Blurs boxes of a screenshot before it is stored. The pixels are replaced (downscaled and
 * smoothed back up), not covered by an overlay: the original cannot be recovered.
 */
import type { Box, Viewport } from '@/lib/steps/types';
import type { EncodedImage } from './encode';

const PAD_CSS_PX = 4;
const BLOCK = 10;

export async function blurBoxes(image: EncodedImage, boxes: Box[], viewport: Viewport | undefined): Promise<EncodedImage> {
  if (boxes.length === 0) return image;
  const bitmap = await createImageBitmap(image.blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  // CSS pixels → image pixels (the capture is at device pixel ratio).
  const scale = viewport && viewport.width > 0 ? image.width / viewport.width : 1;
  for (const box of boxes) {
    const x = Math.max(0, Math.floor((box.x - PAD_CSS_PX) * scale));
    const y = Math.max(0, Math.floor((box.y - PAD_CSS_PX) * scale));
    const w = Math.min(image.width - x, Math.ceil((box.width + 2 * PAD_CSS_PX) * scale));
    const h = Math.min(image.height - y, Math.ceil((box.height + 2 * PAD_CSS_PX) * scale));
    if (w <= 0 || h <= 0) continue;
    const small = new OffscreenCanvas(Math.max(1, Math.ceil(w / BLOCK)), Math.max(1, Math.ceil(h / BLOCK)));
    const sctx = small.getContext('2d')!;
    sctx.drawImage(canvas, x, y, w, h, 0, 0, small.width, small.height);
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(small, 0, 0, small.width, small.height, x, y, w, h);
  }
  const blob = await canvas.convertToBlob({ type: image.blob.type || 'image/jpeg', quality: 0.82 });
  return { blob, width: image.width, height: image.height };
}
