import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { searchHref, type SearchView } from '../../../../contract/search';
import { countTopics, runSearch, slugOfResultUrl } from '../engine/run-search';
import { loadPagefind } from './load-pagefind';
import type { PagefindResult } from './pagefind-types';
import { SearchGate } from './search-gate';

const gate = new SearchGate();

/**
 * The results of a view; while the next view's run, the previous results stay on screen. A view
 * left before its searches started (the reader typed on) cancels them: see SearchGate.
 */
export function useSearch(view: SearchView) {
  return useQuery({
    // The canonical URL names the view: equal views share a cache entry.
    queryKey: ['search', 'results', searchHref(view)],
    queryFn: async ({ signal }) => runSearch(gate.searches(await loadPagefind(), signal), view),
    placeholderData: keepPreviousData,
    enabled: view.q.trim() !== '',
    gcTime: 5 * 60 * 1000,
  });
}

/**
 * The topic counts of a view whose results came without them (phrases or exclusions: a search
 * per topic), asked for once its results are on screen; while they run, none are shown.
 */
export function useTopicCounts(view: SearchView, enabled: boolean) {
  return useQuery({
    queryKey: ['search', 'topic-counts', searchHref(view)],
    queryFn: async ({ signal }) => countTopics(gate.searches(await loadPagefind(), signal), view),
    enabled,
    gcTime: 5 * 60 * 1000,
  });
}

/** A result's article slug, read from its Pagefind fragment (the card comes from the article's data file). */
export function useResultSlug(result: PagefindResult) {
  return useQuery({
    queryKey: ['search', 'result', result.id],
    queryFn: async () => {
      const slug = slugOfResultUrl((await result.data()).url);
      if (!slug) throw new Error(`search: result ${result.id} is not an article URL`);
      return slug;
    },
  });
}
