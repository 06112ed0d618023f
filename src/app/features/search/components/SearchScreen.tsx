import { useEffect } from 'react';
import type { SearchView } from '../../../../contract/search';
import { useNewsIndex } from '../../../api/get-news-index';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { SITE_NAME } from '../../../site';
import { loadPagefind } from '../api/load-pagefind';
import { useSearch, useTopicCounts } from '../api/use-search';
import { hasFilters, SearchResults } from './SearchResults';
import { SearchFilters } from './SearchFilters';

function SearchHelp() {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 p-6 text-slate-700 dark:border-slate-700 dark:text-slate-200">
      <p className="font-semibold">Type in the search field above.</p>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-sm">
        <li>Every word must match the start of a word: “elect” finds “election”.</li>
        <li>
          <code>"exact phrase"</code> in quotes matches those words in that order.
        </li>
        <li>
          <code>-word</code> leaves out articles with that word.
        </li>
      </ul>
    </div>
  );
}

export function SearchScreen({ view }: { view: SearchView }) {
  const search = useSearch(view);
  const index = useNewsIndex();
  useDocumentTitle(view.q ? `Search: ${view.q.slice(0, 80)}` : 'Search', SITE_NAME);
  // Opening /search loads the index, so the first query does not wait for it.
  useEffect(() => {
    loadPagefind().catch(() => undefined);
  }, []);
  const outcome = view.q ? search.data : undefined;
  const current = outcome && !search.isPlaceholderData ? outcome : undefined;
  const counted = useTopicCounts(view, current !== undefined && current.topicCounts === undefined);
  const counts = current ? (current.topicCounts ?? counted.data) : outcome?.topicCounts;
  return (
    <>
      <h1 className="mb-4 text-2xl font-bold tracking-tight break-words sm:text-3xl">{view.q ? 'Search results' : 'Search'}</h1>
      {(view.q || hasFilters(view)) && <SearchFilters index={index.data} view={view} counts={counts} />}
      {view.q ? (
        <SearchResults
          key={`${view.q}|${view.topics.join(',')}|${view.source}|${view.type}|${view.from}|${view.to}|${view.unpublished}|${view.sort}`}
          view={view}
          outcome={outcome}
          pending={search.isPending}
          error={search.isError}
          stale={search.isPlaceholderData}
          onRetry={() => void search.refetch()}
        />
      ) : (
        <SearchHelp />
      )}
    </>
  );
}
