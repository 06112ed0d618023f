import { useState } from 'react';
import { Link } from 'react-router-dom';
import { searchHref, type SearchView } from '../../../../contract/search';
import { CardSkeletons, EmptyState, ErrorState } from '../../../components/StatusViews';
import type { SearchOutcome } from '../engine/run-search';
import { SearchResultCard } from './SearchResultCard';

/** Results shown at first and added by each "More results". */
export const RESULTS_PAGE = 15;

export function hasFilters(view: SearchView): boolean {
  return view.topics.length > 0 || !!view.source || !!view.type || !!view.from || !!view.to || view.unpublished;
}

export function SearchResults({
  view,
  outcome,
  pending,
  error,
  stale,
  onRetry,
}: {
  view: SearchView;
  outcome: SearchOutcome | undefined;
  pending: boolean;
  error: boolean;
  /** Showing the previous view's results while this one's run. */
  stale: boolean;
  onRetry: () => void;
}) {
  const [shown, setShown] = useState(RESULTS_PAGE);
  const count = outcome?.results.length ?? 0;
  const status = error
    ? 'Search is unavailable.'
    : pending && !outcome
      ? 'Searching…'
      : count === 0
        ? `No results for “${outcome?.q ?? view.q}”.`
        : `${count} ${count === 1 ? 'result' : 'results'} for “${outcome?.q ?? view.q}”.`;

  return (
    <>
      <p role="status" className="mb-3 text-sm break-words text-slate-600 dark:text-slate-300">
        {status}
      </p>
      {error && !outcome ? (
        <ErrorState message="Search is unavailable: the search index could not be loaded." onRetry={onRetry} />
      ) : !outcome ? (
        <CardSkeletons />
      ) : count === 0 ? (
        <EmptyState title={`Nothing found for “${outcome.q}”`}>
          {hasFilters(view) ? (
            <Link to={searchHref({ q: view.q, sort: view.sort })} className="btn">
              Search without filters
            </Link>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-300">Try fewer or shorter words: each word matches the start of a word.</p>
          )}
        </EmptyState>
      ) : (
        <div aria-busy={stale} className={stale ? 'opacity-70' : undefined}>
          <ol aria-label="Search results">
            {outcome.results.slice(0, shown).map((result) => (
              <li key={result.id} className="pb-4">
                <SearchResultCard result={result} query={outcome.query} />
              </li>
            ))}
          </ol>
          {count > shown && (
            <div className="mt-2 flex justify-center">
              <button type="button" className="btn" onClick={() => setShown((n) => n + RESULTS_PAGE)}>
                More results
              </button>
            </div>
          )}
        </div>
      )}
    </>
  );
}
