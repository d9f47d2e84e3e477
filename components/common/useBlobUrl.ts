/** An object URL for a stored image, revoked when the component no longer shows it. */
import { useEffect, useState } from 'react';
import { getImage } from '@/lib/db/steps';

export function useImageUrl(imageId: string | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (!imageId) return setUrl(undefined);
    let objectUrl: string | undefined;
    let cancelled = false;
    void getImage(imageId).then((image) => {
      if (cancelled || !image) return;
      objectUrl = URL.createObjectURL(image.blob);
      setUrl(objectUrl);
    });
    return () => {
      cancelled = true;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [imageId]);
  return url;
}
