import { Link } from 'react-router-dom';
import { feedHref, type FeedView } from '../../../../contract';

/** "Show N unpublished" / "Hide unpublished"; hidden when there is nothing to show. */
export function UnpublishedToggle({ view, count }: { view: FeedView; count: number | undefined }) {
  if (!view.unpublished && !count) return null;
  return (
    <Link to={feedHref({ ...view, unpublished: !view.unpublished, pages: 1 })} className="btn-ghost text-sm">
      {view.unpublished ? 'Hide unpublished' : `Show ${count} unpublished`}
    </Link>
  );
}
