import { useCallback, type MouseEvent } from 'react';
import { useHref, useNavigate } from 'react-router-dom';

/**
 * In-app links for repeated rows (coverage lists of up to 40 rows, topic chips on every card),
 * which are prerendered on every article page: plain `<a data-in-app>` elements with one click
 * handler on their list, instead of a router `<Link>` each (which resolves its path and
 * subscribes to navigation per link, and was the costliest part of rendering a coverage row).
 * Clicks with a modifier key or another button keep the browser's behaviour (new tab, window).
 */
export function useInAppLinks() {
  const navigate = useNavigate();
  // The base path, e.g. `/news` (empty at `/`), so hrefs are right on a sub-path host.
  const base = useHref('/').replace(/\/$/, '');
  /** The href of an app path such as `/article/x` or `/topic/ai?sort=quality`. */
  const href = useCallback((appPath: string) => base + appPath, [base]);
  const onClick = useCallback(
    (event: MouseEvent<HTMLElement>) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element).closest('a[data-in-app]');
      const target = anchor?.getAttribute('href');
      if (!target?.startsWith(`${base}/`)) return;
      event.preventDefault();
      navigate(target.slice(base.length));
    },
    [base, navigate],
  );
  return { href, onClick };
}
