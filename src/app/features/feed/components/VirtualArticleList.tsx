import { useState } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import type { ArticleCard as Card } from '../../../../contract';
import { ArticleCard } from '../../../components/ArticleCard';

/** Only the cards near the viewport are in the DOM; heights are measured as they render. */
export default function VirtualList({ cards }: { cards: Card[] }) {
  // The list element in state, not a ref: its offset is read while rendering, and setting it
  // renders the list again once it is in the page.
  const [list, setList] = useState<HTMLOListElement | null>(null);
  const virtualizer = useWindowVirtualizer({
    count: cards.length,
    estimateSize: () => 230,
    overscan: 6,
    scrollMargin: list?.offsetTop ?? 0,
    getItemKey: (i) => cards[i]!.slug,
  });
  return (
    <ol aria-label="Articles" ref={setList} className="relative" style={{ height: virtualizer.getTotalSize() }}>
      {virtualizer.getVirtualItems().map((item) => (
        <li
          key={item.key}
          data-index={item.index}
          ref={virtualizer.measureElement}
          aria-setsize={cards.length}
          aria-posinset={item.index + 1}
          className="absolute top-0 left-0 w-full pb-4"
          style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
        >
          <ArticleCard card={cards[item.index]!} />
        </li>
      ))}
    </ol>
  );
}
