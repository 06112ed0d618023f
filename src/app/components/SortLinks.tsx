import { Link } from 'react-router-dom';

/** The "Sort by" links of a view (feed or search): one segment per order, the current one marked. */
export function SortLinks<K extends string>({
  sorts,
  current,
  href,
  replace = false,
  wrap = false,
}: {
  sorts: readonly (readonly [K, string])[];
  current: K;
  href: (sort: K) => string;
  /** Replace the history entry instead of adding one. */
  replace?: boolean;
  /** Let the segments wrap on narrow screens. */
  wrap?: boolean;
}) {
  return (
    <nav aria-label="Sort by" className="flex items-center gap-2 text-sm">
      <span aria-hidden="true" className="text-slate-600 dark:text-slate-300">
        Sort:
      </span>
      <ul className={`flex ${wrap ? 'flex-wrap ' : ''}rounded-lg border border-slate-300 p-0.5 dark:border-slate-700`}>
        {sorts.map(([sort, label]) => (
          <li key={sort}>
            <Link to={href(sort)} replace={replace} aria-current={current === sort ? 'true' : undefined} className="segment">
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
