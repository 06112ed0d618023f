import { lazy, Suspense } from 'react';
import type { ArticleCard as Card } from '../../../../contract';
import { ArticleCard } from '../../../components/ArticleCard';

/** Past this many cards only those near the viewport are rendered. */
const VIRTUALISE_AFTER = 50;

// Loaded only for long sessions, so the first screen does not carry the virtualiser.
const VirtualList = lazy(() => import('./VirtualArticleList'));

function PlainList({ cards }: { cards: Card[] }) {
  return (
    <ol aria-label="Articles">
      {cards.map((card) => (
        <li key={card.slug} className="pb-4">
          <ArticleCard card={card} />
        </li>
      ))}
    </ol>
  );
}

export function ArticleList({ cards }: { cards: Card[] }) {
  if (cards.length <= VIRTUALISE_AFTER) return <PlainList cards={cards} />;
  return (
    <Suspense fallback={<PlainList cards={cards} />}>
      <VirtualList cards={cards} />
    </Suspense>
  );
}
