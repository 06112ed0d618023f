import { Link } from 'react-router-dom';
import { articleHref, safeHttpUrl, type RelatedItem } from '../../../../contract';
import { ProviderLogo } from '../../../components/ProviderBadge';
import { TimeAgo } from '../../../components/TimeAgo';

/** One outlet's story: in-app when it is an article of the corpus, else the outlet in a new tab. */
export function RelatedItemRow({ item }: { item: RelatedItem }) {
  const external = safeHttpUrl(item.url);
  const headline = item.slug ? (
    <Link to={articleHref(item.slug)} className="headline-link">
      {item.title}
    </Link>
  ) : external ? (
    <a href={external} target="_blank" rel="noopener noreferrer" className="headline-link">
      {item.title}
    </a>
  ) : (
    <span>{item.title}</span>
  );
  return (
    <li className="flex gap-3 py-2.5">
      <ProviderLogo provider={item.provider} size={24} />
      <div className="min-w-0 flex-1">
        <p className="font-medium leading-snug">{headline}</p>
        <p className="mt-0.5 flex flex-wrap gap-x-2 text-sm text-slate-600 dark:text-slate-300">
          <span>{item.provider.name}</span>
          {item.publishedAt && <span aria-hidden="true">·</span>}
          <TimeAgo iso={item.publishedAt} />
          {item.quality !== undefined && (
            <>
              <span aria-hidden="true">·</span>
              <span>Quality {item.quality}</span>
            </>
          )}
          {item.slug && <span className="badge badge-inapp">On this site</span>}
        </p>
      </div>
    </li>
  );
}
