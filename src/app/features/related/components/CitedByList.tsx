import { Link } from 'react-router-dom';
import { articleHref, type CitingArticle } from '../../../../contract';
import { ProviderLogo } from '../../../components/ProviderBadge';
import { TimeAgo } from '../../../components/TimeAgo';

/** Articles of the corpus that cite this one in their related coverage. */
export function CitedByList({ items }: { items: CitingArticle[] }) {
  return (
    <ul className="divide-y divide-slate-200 dark:divide-slate-800">
      {items.map((item) => (
        <li key={item.slug} className="flex gap-3 py-2.5">
          <ProviderLogo provider={item.provider} size={24} />
          <div className="min-w-0 flex-1">
            <p className="font-medium leading-snug">
              <Link to={articleHref(item.slug)} className="headline-link">
                {item.title}
              </Link>
            </p>
            <p className="mt-0.5 flex flex-wrap gap-x-2 text-sm text-slate-600 dark:text-slate-300">
              {item.provider && <span>{item.provider.name}</span>}
              <TimeAgo iso={item.publishedAt} />
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
