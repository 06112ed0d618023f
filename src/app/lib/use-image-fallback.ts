import { useCallback, useState } from 'react';

/**
 * Whether an image failed to load. `onError` alone misses failures that happen before React
 * hydrates a prerendered page (most hot-linked images from 2020 are gone), so the ref also
 * checks an image that has already finished loading with nothing to show.
 */
export function useImageFallback() {
  const [failed, setFailed] = useState(false);
  const onError = useCallback(() => setFailed(true), []);
  const ref = useCallback((img: HTMLImageElement | null) => {
    if (img && img.complete && img.naturalWidth === 0) setFailed(true);
  }, []);
  return { failed, imageProps: { ref, onError } };
}
