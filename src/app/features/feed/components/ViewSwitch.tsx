import { Link } from 'react-router-dom';
import { feedHref, type FeedView } from '../../../../contract';

/** Articles or stories: the same topics and unpublished choice, the first page again. */
export function ViewSwitch({ view }: { view: FeedView }) {
  const tab = (stories: boolean, label: string) => (
    <Link
      to={feedHref({ ...view, stories, sort: stories || view.sort !== 'outlets' ? view.sort : undefined, pages: 1 })}
      aria-current={view.stories === stories ? 'page' : undefined}
      className={`rounded-md px-3 py-1 text-sm font-medium ${view.stories === stories ? 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900' : 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800'}`}
    >
      {label}
    </Link>
  );
  return (
    <nav aria-label="View" className="inline-flex gap-1 rounded-lg border border-slate-300 p-0.5 dark:border-slate-600">
      {tab(false, 'Articles')}
      {tab(true, 'Stories')}
    </nav>
  );
}
