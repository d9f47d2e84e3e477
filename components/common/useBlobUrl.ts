/** An object URL for a stored image, revoked when the component no longer shows it. */
import { useEffect, useState } from 'react';
import { getImage } from '@/lib/db/steps';

export type ShownImage =
  | { state: 'loading' }
  | { state: 'missing' }
  | { state: 'ready'; url: string; width: number; height: number };

/** The image with its size; 'missing' when the step points at an image no longer stored. */
export function useStoredImage(imageId: string | undefined): ShownImage {
  const [shown, setShown] = useState<ShownImage>({ state: 'loading' });
  useEffect(() => {
    if (!imageId) return setShown({ state: 'missing' });
    let objectUrl: string | undefined;
    let cancelled = false;
    setShown({ state: 'loading' });
    getImage(imageId).then(
      (image) => {
        if (cancelled) return;
        if (!image?.blob) return setShown({ state: 'missing' });
        objectUrl = URL.createObjectURL(image.blob);
        setShown({ state: 'ready', url: objectUrl, width: image.width || 1280, height: image.height || 800 });
      },
      () => !cancelled && setShown({ state: 'missing' }),
    );
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [imageId]);
  return shown;
}

export function useImageUrl(imageId: string | undefined): string | undefined {
  const shown = useStoredImage(imageId);
  return shown.state === 'ready' ? shown.url : undefined;
}
