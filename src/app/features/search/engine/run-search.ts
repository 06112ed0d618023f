import { SEARCH_FILTERS, SEARCH_SORT_KEYS, type SearchView } from '../../../../contract/search';
import type { PagefindApi, PagefindResult, PagefindSearchOptions } from '../api/pagefind-types';
import { searchFilters } from './filters';
import { hasPositiveTerms, parseQuery, type ParsedQuery } from './query';

export interface SearchOutcome {
  /** The query as the reader typed it. */
  q: string;
  query: ParsedQuery;
  /** In display order. */
  results: PagefindResult[];
  /** Results per topic slug for the query and every filter but the topics. */
  topicCounts: Record<string, number>;
}

/** Pagefind's term for words: each matches as a prefix, all must match. */
const wordsTerm = (words: readonly string[]) => words.join(' ');
/** Pagefind's exact mode applies when the whole term is quoted. */
const phraseTerm = (words: readonly string[]) => `"${words.join(' ')}"`;

async function ids(pagefind: PagefindApi, term: string, options: PagefindSearchOptions): Promise<Set<string>> {
  const response = await pagefind.search(term, options);
  return new Set((response?.results ?? []).map((r) => r.id));
}

/**
 * Runs the reader's syntax on Pagefind, which itself knows only "all these words as prefixes"
 * and "this whole quoted term exactly": the plain words (or, without any, the first phrase)
 * give the ranked results; every other phrase is its own exact search, intersected by id; every
 * exclusion its own search, subtracted. Topic counts come from the same plan without the topic
 * filter: Pagefind's own counts when the plan is one search, else one search per counted topic.
 */
export async function runSearch(pagefind: PagefindApi, view: SearchView): Promise<SearchOutcome> {
  const query = parseQuery(view.q);
  if (!hasPositiveTerms(query)) return { q: view.q, query, results: [], topicCounts: {} };
  const sort: PagefindSearchOptions['sort'] = view.sort === 'relevance' ? {} : { [SEARCH_SORT_KEYS[view.sort]]: 'desc' };

  const primary = query.words.length ? wordsTerm(query.words) : phraseTerm(query.phrases[0]!);
  const others = (query.words.length ? query.phrases : query.phrases.slice(1)).map(phraseTerm);
  const exclusions = query.excluded.map((words) => (words.length === 1 ? words[0]! : phraseTerm(words)));
  const single = others.length === 0 && exclusions.length === 0;

  const plan = async (filters: Record<string, unknown>, withSort: boolean) => {
    const response = await pagefind.search(primary, { filters, sort: withSort ? sort : {} });
    let results = response?.results ?? [];
    if (!single) {
      const [kept, dropped] = await Promise.all([
        Promise.all(others.map((term) => ids(pagefind, term, { filters }))),
        Promise.all(exclusions.map((term) => ids(pagefind, term, { filters }))),
      ]);
      results = results.filter((r) => kept.every((set) => set.has(r.id)) && !dropped.some((set) => set.has(r.id)));
    }
    return { results, counts: response?.filters[SEARCH_FILTERS.topic] ?? {} };
  };

  const unTopiced = searchFilters(view, false);
  const [shown, counted] = await Promise.all([plan(searchFilters(view, true), true), view.topics.length || !single ? plan(unTopiced, false) : undefined]);
  let topicCounts = (counted ?? shown).counts;
  if (!single) {
    // Pagefind counted the primary search only: recount each topic it found on the whole plan.
    const all = new Set(counted!.results.map((r) => r.id));
    const entries = await Promise.all(
      Object.entries(topicCounts)
        .filter(([, n]) => n > 0)
        .map(async ([slug]) => {
          const inTopic = await ids(pagefind, primary, { filters: { ...unTopiced, [SEARCH_FILTERS.topic]: slug } });
          let n = 0;
          for (const id of inTopic) if (all.has(id)) n++;
          return [slug, n] as const;
        }),
    );
    topicCounts = Object.fromEntries(entries);
  }
  return { q: view.q, query, results: shown.results, topicCounts };
}

/** The article slug of a result's URL (`/article/<slug>` under any base), or undefined. */
export function slugOfResultUrl(url: string): string | undefined {
  const m = /\/article\/([^/?#]+)\/?(?:[?#].*)?$/.exec(url);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]!);
  } catch {
    return undefined;
  }
}
