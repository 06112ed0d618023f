import { useArticle } from '../../../api/get-article';
import { ArticleCard } from '../../../components/ArticleCard';
import { useResultSlug } from '../api/use-search';
import type { PagefindResult } from '../api/pagefind-types';
import { matchSpans } from '../engine/highlight';
import type { ParsedQuery } from '../engine/query';
import { bodySnippet, termsNotIn } from '../engine/snippet';
import { Highlighted } from './Highlighted';

function CardPlaceholder() {
  return (
    <div aria-hidden="true" className="card animate-pulse space-y-3">
      <div className="h-3 w-1/3 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-5 w-5/6 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-3 w-full rounded bg-slate-200 dark:bg-slate-800" />
    </div>
  );
}

/**
 * One result: the feed's card, from the article's data file (the same query as the article
 * page, so opening it is instant), with the query's matches marked in the headline, the excerpt
 * and, where the body matched what those two do not show, a line of the body.
 */
export function SearchResultCard({ result, query }: { result: PagefindResult; query: ParsedQuery }) {
  const slug = useResultSlug(result);
  const article = useArticle(slug.data ?? '', slug.isSuccess);
  if (slug.isError || article.isError) {
    return <p className="card text-sm text-slate-600 dark:text-slate-300">This result could not be loaded.</p>;
  }
  if (!article.data) return <CardPlaceholder />;
  const card = article.data;
  // A line of the body only for terms the headline and excerpt do not show.
  const missing = termsNotIn(`${card.title}\n${card.excerpt ?? ''}`, query);
  const snippet = bodySnippet(
    card.body.map((b) => b.text),
    missing,
    180,
    query,
  );
  return (
    <ArticleCard
      card={card}
      text={{
        title: <Highlighted text={card.title} spans={matchSpans(card.title, query)} />,
        excerpt: card.excerpt && <Highlighted text={card.excerpt} spans={matchSpans(card.excerpt, query)} />,
        snippet: snippet && snippet.spans.length > 0 && <Highlighted text={snippet.text} spans={snippet.spans} />,
      }}
    />
  );
}
