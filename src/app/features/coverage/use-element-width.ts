import { useCallback, useState } from 'react';

/**
 * The width of the element the returned ref is on, in CSS pixels, as it changes; `fallback`
 * until it is measured (on the server, and in the first render in the browser, so hydration
 * sees the markup the server wrote).
 */
export function useElementWidth(fallback: number) {
  const [width, setWidth] = useState(fallback);
  const ref = useCallback((element: HTMLElement | null) => {
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver((entries) => {
      const measured = Math.round(entries[0]?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}
