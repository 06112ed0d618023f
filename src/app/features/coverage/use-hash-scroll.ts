import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';

/**
 * Brings the element into view when the URL's hash names it: a link from elsewhere in the app
 * to `…#id` (the router starts a new page at the top; a page loaded afresh is scrolled by the
 * browser, and again here, harmlessly).
 */
export function useHashScroll<T extends HTMLElement>(id: string) {
  const ref = useRef<T>(null);
  const { hash, key } = useLocation();
  useEffect(() => {
    if (hash === `#${id}`) ref.current?.scrollIntoView();
  }, [hash, key, id]);
  return ref;
}
