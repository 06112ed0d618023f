import { memo, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { articleHref, type ArticleCard as Card } from '../../contract';
import { ArticleMeta } from './ArticleMeta';
import { TopicChips } from './TopicChips';
import { RelatedDisclosure } from './RelatedDisclosure';
import { Thumbnail } from './Thumbnail';

function FlameIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" fill="currentColor">
      <path d="M8 1c.5 2.6 3.9 4.3 3.9 8.1A3.9 3.9 0 0 1 8 13a3.9 3.9 0 0 1-3.9-3.9c0-1.6.7-2.8 1.6-3.7.1 1.3.7 2.2 1.5 2.5C7 5.9 6.9 3.2 8 1Z" />
    </svg>
  );
}

function Score({ card }: { card: Card }) {
  return (
    <span className="inline-flex flex-wrap gap-x-3 gap-y-1 text-sm">
      {card.heat < 0 ? (
        <span title="Not ranked by heat">Unranked</span>
      ) : (
        <span title="Heat: how much attention the story is getting" className="inline-flex items-center gap-1 font-medium text-orange-800 dark:text-orange-300">
          <FlameIcon />
          Heat {card.heat}
        </span>
      )}
      {card.quality !== undefined && <span title="Quality score of the source and writing">Quality {card.quality}</span>}
    </span>
  );
}

/** What a view may show in place of the card's own text (search shows its matches highlighted). */
export interface CardText {
  title?: ReactNode;
  excerpt?: ReactNode;
  /** A line below the excerpt (search shows where the body matched). */
  snippet?: ReactNode;
}

function CardView({ card, text = {} }: { card: Card; text?: CardText }) {
  return (
    <article data-slug={card.slug} className="card">
      <div className="flex gap-4">
        <div className="min-w-0 flex-1">
          <ArticleMeta item={card} />
          <h2 className="mt-1.5 text-lg leading-snug font-semibold">
            <Link to={articleHref(card.slug)} className="headline-link">
              {text.title ?? card.title}
            </Link>
          </h2>
          {card.excerpt && <p className="mt-1.5 line-clamp-3 text-slate-700 dark:text-slate-300">{text.excerpt ?? card.excerpt}</p>}
          {text.snippet && <p className="mt-1.5 text-sm text-slate-600 dark:text-slate-300">{text.snippet}</p>}
        </div>
        <Thumbnail image={card.image} />
      </div>
      <div className="mt-3 flex flex-wrap items-center gap-x-4 gap-y-2 text-slate-600 dark:text-slate-300">
        <Score card={card} />
        <TopicChips topics={card.topics} />
      </div>
      {card.relatedCount > 0 && <RelatedDisclosure slug={card.slug} count={card.relatedCount} />}
    </article>
  );
}

/**
 * Memoised: a refetch keeps every unchanged card the same object (TanStack Query's structural
 * sharing), so loading more cards or a dev server's content update renders only the new ones.
 */
export const ArticleCard = memo(CardView);
