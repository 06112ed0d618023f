import { useCallback, type MouseEvent } from 'react';
import { useHref, useNavigate } from 'react-router-dom';
import { articleHref } from '../../../contract';

/**
 * In-app links for coverage lists, which hold up to 40 rows and are prerendered on every article
 * page: plain `<a data-in-app>` elements with one click handler on the list, instead of a router
 * `<Link>` per row (which resolves its path and subscribes to navigation for each row, and was
 * the costliest part of rendering a row). Clicks with a modifier key or another button keep
 * the browser's behaviour (new tab, new window).
 */
export function useInAppLinks() {
  const navigate = useNavigate();
  // The base path, e.g. `/news` (empty at `/`), so hrefs are right on a sub-path host.
  const base = useHref('/').replace(/\/$/, '');
  const hrefFor = useCallback((slug: string) => base + articleHref(slug), [base]);
  const onClick = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element).closest('a[data-in-app]');
      const href = anchor?.getAttribute('href');
      if (!href?.startsWith(`${base}/`)) return;
      event.preventDefault();
      navigate(href.slice(base.length));
    },
    [base, navigate],
  );
  return { hrefFor, onClick };
}
