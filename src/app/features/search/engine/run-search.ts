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
  /**
   * Results per topic slug for the query and every filter but the topics; undefined when they
   * take a search per topic (the query has phrases or exclusions): `countTopics` gives them then.
   */
  topicCounts: Record<string, number> | undefined;
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

interface Plan {
  query: ParsedQuery;
  /** The ranked search: the plain words, or without any the first phrase. */
  primary: string;
  /** Every other phrase, each an exact search of its own whose results are intersected. */
  others: string[];
  /** Each exclusion, a search of its own whose results are subtracted. */
  exclusions: { term: string; words: string[] }[];
  /** Whether the plan is the primary search alone, so Pagefind's own topic counts are its counts. */
  single: boolean;
  sort: PagefindSearchOptions['sort'];
}

function planOf(view: SearchView): Plan | undefined {
  const query = parseQuery(view.q);
  if (!hasPositiveTerms(query)) return undefined;
  const others = (query.words.length ? query.phrases : query.phrases.slice(1)).map(phraseTerm);
  const exclusions = query.excluded.map((words) => (words.length === 1 ? { term: words[0]!, words } : { term: phraseTerm(words), words: [] }));
  return {
    query,
    primary: query.words.length ? wordsTerm(query.words) : phraseTerm(query.phrases[0]!),
    others,
    exclusions,
    single: others.length === 0 && exclusions.length === 0,
    sort: view.sort === 'relevance' ? {} : { [SEARCH_SORT_KEYS[view.sort]]: 'desc' },
  };
}

/** The plan's results under `filters`, with Pagefind's topic counts for its primary search. */
async function runPlan(pagefind: PagefindApi, plan: Plan, filters: Record<string, unknown>, withSort: boolean) {
  const response = await pagefind.search(plan.primary, { filters, sort: withSort ? plan.sort : {} });
  let results = response?.results ?? [];
  if (plan.query.words.length && !(await prefixesHold(results, plan.query.words))) results = [];
  if (!plan.single && results.length) {
    const [kept, dropped] = await Promise.all([
      Promise.all(plan.others.map((term) => ids(pagefind, term, { filters }))),
      Promise.all(plan.exclusions.map(({ term, words }) => ids(pagefind, term, { filters }, words))),
    ]);
    results = results.filter((r) => kept.every((set) => set.has(r.id)) && !dropped.some((set) => set.has(r.id)));
  }
  return { results, counts: results.length ? (response?.filters[SEARCH_FILTERS.topic] ?? {}) : {} };
}

/**
 * Runs the reader's syntax on Pagefind, which itself knows only "all these words as prefixes"
 * and "this whole quoted term exactly": the plain words (or, without any, the first phrase)
 * give the ranked results; every other phrase is its own exact search, intersected by id; every
 * exclusion its own search, subtracted. Topic counts come with the results when the plan is one
 * search (Pagefind's own); otherwise `countTopics` makes them, so the results do not wait.
 */
export async function runSearch(pagefind: PagefindApi, view: SearchView): Promise<SearchOutcome> {
  const plan = planOf(view);
  if (!plan) return { q: view.q, query: parseQuery(view.q), results: [], topicCounts: {} };
  const unTopiced = view.topics.length ? searchFilters(view, false) : undefined;
  const [shown, counted] = await Promise.all([
    runPlan(pagefind, plan, searchFilters(view, true), true),
    plan.single && unTopiced ? runPlan(pagefind, plan, unTopiced, false) : undefined,
  ]);
  let topicCounts: Record<string, number> | undefined;
  if (plan.single) topicCounts = (counted ?? shown).counts;
  // With no topic selected, nothing found leaves nothing to count.
  else if (!unTopiced && shown.results.length === 0) topicCounts = {};
  return { q: view.q, query: plan.query, results: shown.results, topicCounts };
}

/**
 * Topic counts of a plan with phrases or exclusions: Pagefind counted its primary search only,
 * so each topic found there is counted again on the whole plan, one search per topic.
 */
export async function countTopics(pagefind: PagefindApi, view: SearchView): Promise<Record<string, number>> {
  const plan = planOf(view);
  if (!plan) return {};
  const unTopiced = searchFilters(view, false);
  const counted = await runPlan(pagefind, plan, unTopiced, false);
  if (plan.single) return counted.counts;
  const all = new Set(counted.results.map((r) => r.id));
  const entries = await Promise.all(
    Object.entries(counted.counts)
      .filter(([, n]) => n > 0)
      .map(async ([slug]) => {
        const inTopic = await ids(pagefind, plan.primary, { filters: { ...unTopiced, [SEARCH_FILTERS.topic]: slug } });
        let n = 0;
        for (const id of inTopic) if (all.has(id)) n++;
        return [slug, n] as const;
      }),
  );
  return Object.fromEntries(entries);
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
