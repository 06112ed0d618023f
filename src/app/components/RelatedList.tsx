import { useState } from 'react';
import type { RelatedItem } from '../../contract';
import { useInAppLinks } from '../lib/use-in-app-links';
import { RelatedItemRow } from './RelatedItemRow';

/** Related coverage, best first (the data is sorted by quality); the rest behind "Show all". */
export function RelatedList({ items, initial = items.length }: { items: RelatedItem[]; initial?: number }) {
  const [showAll, setShowAll] = useState(false);
  const { href, onClick } = useInAppLinks();
  const shown = showAll ? items : items.slice(0, initial);
  return (
    <>
      <ul className="coverage-list" onClick={onClick}>
        {shown.map((item, i) => (
          <RelatedItemRow key={`${item.url}#${i}`} item={item} inAppHref={href} />
        ))}
      </ul>
      {shown.length < items.length && (
        <button type="button" className="btn-ghost mt-2 text-sm" onClick={() => setShowAll(true)}>
          Show all {items.length} sources
        </button>
      )}
    </>
  );
}
