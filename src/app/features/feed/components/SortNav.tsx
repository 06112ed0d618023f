import { Link } from 'react-router-dom';
import { feedHref, type FeedView, type SortKey } from '../../../../contract';

const SORTS: [SortKey, string][] = [
  ['heat', 'Heat'],
  ['quality', 'Quality'],
  ['newest', 'Newest'],
];

export function SortNav({ view }: { view: FeedView }) {
  return (
    <nav aria-label="Sort by" className="flex items-center gap-2 text-sm">
      <span aria-hidden="true" className="text-slate-600 dark:text-slate-300">
        Sort:
      </span>
      <ul className="flex rounded-lg border border-slate-300 p-0.5 dark:border-slate-700">
        {SORTS.map(([sort, label]) => (
          <li key={sort}>
            <Link to={feedHref({ ...view, sort, pages: 1 })} aria-current={view.sort === sort ? 'true' : undefined} className="segment">
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
