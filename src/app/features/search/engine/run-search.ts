import { SEARCH_FILTERS, SEARCH_SORT_KEYS, type SearchView } from '../../../../contract/search';
import type { PagefindApi, PagefindResult, PagefindSearchOptions } from '../api/pagefind-types';
import { textWords } from './fold';
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

/**
 * Whether a words search really matched: when no indexed word starts with a query word,
 * Pagefind matches the longest indexed word that the query word starts with instead
 * ("microsoftxyz" finds "microsoft"). Then no result has a word starting with it, so the first
 * result's text (a fragment the first card loads anyway) tells.
 */
async function prefixesHold(results: readonly PagefindResult[], words: readonly string[]): Promise<boolean> {
  const first = results[0];
  if (!first || words.length === 0) return true;
  const text = textWords((await first.data()).content);
  return words.every((w) => text.some((t) => t.folded.startsWith(w) || t.parts.some((part) => part.folded.startsWith(w))));
}

async function ids(pagefind: PagefindApi, term: string, options: PagefindSearchOptions, words: readonly string[] = []): Promise<Set<string>> {
  const results = (await pagefind.search(term, options))?.results ?? [];
  if (!(await prefixesHold(results, words))) return new Set();
  return new Set(results.map((r) => r.id));
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
  const exclusions = query.excluded.map((words) => (words.length === 1 ? { term: words[0]!, words } : { term: phraseTerm(words), words: [] }));
  const single = others.length === 0 && exclusions.length === 0;

  const plan = async (filters: Record<string, unknown>, withSort: boolean) => {
    const response = await pagefind.search(primary, { filters, sort: withSort ? sort : {} });
    let results = response?.results ?? [];
    if (query.words.length && !(await prefixesHold(results, query.words))) results = [];
    if (!single && results.length) {
      const [kept, dropped] = await Promise.all([
        Promise.all(others.map((term) => ids(pagefind, term, { filters }))),
        Promise.all(exclusions.map(({ term, words }) => ids(pagefind, term, { filters }, words))),
      ]);
      results = results.filter((r) => kept.every((set) => set.has(r.id)) && !dropped.some((set) => set.has(r.id)));
    }
    return { results, counts: results.length ? (response?.filters[SEARCH_FILTERS.topic] ?? {}) : {} };
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
