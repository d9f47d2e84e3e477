/** Turns a captured data URL into a stored image Blob with its pixel size. */
export interface EncodedImage {
  blob: Blob;
  width: number;
  height: number;
}

export async function dataUrlToBlob(dataUrl: string): Promise<Blob> {
  const response = await fetch(dataUrl);
  return response.blob();
}

export async function encodeCapture(dataUrl: string): Promise<EncodedImage> {
  const blob = await dataUrlToBlob(dataUrl);
  const bitmap = await createImageBitmap(blob);
  const size = { width: bitmap.width, height: bitmap.height };
  bitmap.close();
  return { blob, ...size };
}
