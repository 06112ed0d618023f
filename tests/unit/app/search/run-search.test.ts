import { describe, expect, it } from 'vitest';
import type { PagefindApi, PagefindResponse, PagefindSearchOptions } from '../../../../src/app/features/search/api/pagefind-types';
import { textWords } from '../../../../src/app/features/search/engine/fold';
import { countTopics, runSearch } from '../../../../src/app/features/search/engine/run-search';
import { DEFAULT_SEARCH_VIEW, type SearchView } from '../../../../src/contract/search';

interface Doc {
  id: string;
  text: string;
  filters: Record<string, string[]>;
  heat: number;
}

/**
 * An in-memory stand-in with Pagefind's documented semantics: words AND-ed as prefixes, a wholly
 * quoted term as consecutive whole words, filters as exact values, `{ any }` or `{ none }`, counts for the
 * topic filter, numeric sort, and its fallback for a word no indexed word starts with. It
 * records the terms it was asked for.
 */
function fakePagefind(docs: Doc[]): PagefindApi & { terms: string[] } {
  const words = (doc: Doc) => textWords(doc.text).map((w) => w.folded);
  const matches = (doc: Doc, term: string) => {
    const exact = /^".*"$/.test(term);
    const query = term.replace(/"/g, '').split(' ').filter(Boolean);
    const own = words(doc);
    if (exact) return own.some((_, i) => query.every((q, j) => own[i + j] === q));
    return query.every((q) => own.some((w) => w.startsWith(effective(q))));
  };
  const passes = (doc: Doc, filters: Record<string, unknown>) =>
    Object.entries(filters).every(([name, want]) => {
      const have = doc.filters[name] ?? [];
      if (typeof want === 'string') return have.includes(want);
      const { any, none } = want as { any?: string[]; none?: string[] };
      if (none) return !none.some((v) => have.includes(v));
      return any!.length === 0 || any!.some((v) => have.includes(v));
    });
  // Pagefind's fallback: a word no indexed word starts with stands for the longest indexed word it starts with.
  const all = docs.flatMap(words);
  const effective = (q: string) => (all.some((w) => w.startsWith(q)) ? q : (all.filter((w) => q.startsWith(w)).sort((a, b) => b.length - a.length)[0] ?? q));
  const terms: string[] = [];
  return {
    terms,
    options: async () => undefined,
    init: async () => undefined,
    preload: async () => undefined,
    async search(term: string | null, options: PagefindSearchOptions = {}): Promise<PagefindResponse> {
      if (term !== null) terms.push(term);
      const found = docs.filter((d) => (term === null || matches(d, term)) && passes(d, options.filters ?? {}));
      if (options.sort?.heat) found.sort((a, b) => b.heat - a.heat);
      const topic: Record<string, number> = {};
      for (const d of found) for (const t of d.filters.topic ?? []) topic[t] = (topic[t] ?? 0) + 1;
      return {
        results: found.map((d) => ({ id: d.id, score: 1, data: async () => ({ url: `/article/${d.id}`, content: d.text, meta: {} }) })),
        filters: { topic },
      };
    },
  };
}

const doc = (id: string, text: string, topics: string[], heat = 0, published = true): Doc => ({
  id,
  text,
  heat,
  filters: published ? { topic: topics } : { topic: topics, unpublished: ['true'] },
});

const DOCS = [
  doc('a', 'Amazon Rekognition police ban', ['ai', 'vision'], 5),
  doc('b', 'Saira Hussain of the EFF on police surveillance', ['ai'], 9),
  doc('c', 'Hussain Saira is not the phrase; police again', ['vision'], 1),
  doc('d', 'DEA surveillance powers police', ['policy'], 3, false),
];

const view = (q: string, change: Partial<SearchView> = {}): SearchView => ({ ...DEFAULT_SEARCH_VIEW, q, ...change });
const slugs = async (pf: PagefindApi, v: SearchView) => (await runSearch(pf, v)).results.map((r) => r.id);

describe('runSearch', () => {
  it('searches plain words as one Pagefind search of the folded words, published only by default', async () => {
    const pf = fakePagefind(DOCS);
    expect(await slugs(pf, view('Polic'))).toEqual(['a', 'b', 'c']);
    expect(pf.terms).toEqual(['polic']);
    expect(await slugs(pf, view('polic', { unpublished: true }))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('intersects a phrase searched on its own with the plain words', async () => {
    const pf = fakePagefind(DOCS);
    expect(await slugs(pf, view('police "saira hussain"'))).toEqual(['b']);
    expect(pf.terms).toContain('"saira hussain"');
    expect(await slugs(pf, view('"saira hussain"'))).toEqual(['b']);
  });

  it('subtracts an exclusion searched on its own, so the two result sets differ exactly by it', async () => {
    const pf = fakePagefind(DOCS);
    const all = await slugs(pf, view('police'));
    const without = await slugs(pf, view('police -amazon'));
    expect(without).toEqual(['b', 'c']);
    expect(all.filter((s) => !without.includes(s))).toEqual(['a']);
  });

  it('finds nothing for a word no indexed word starts with (Pagefind would match a shorter word), and excludes nothing for one', async () => {
    const pf = fakePagefind(DOCS);
    expect((await pf.search('policexyz'))!.results.length).toBe(DOCS.length);
    expect(await slugs(pf, view('policexyz'))).toEqual([]);
    expect(await slugs(pf, view('police -amazonxyz'))).toEqual(['a', 'b', 'c']);
    expect(await runSearch(pf, view('policexyz'))).toMatchObject({ topicCounts: {} });
  });

  it('keeps the sort order of the ranked search', async () => {
    expect(await slugs(fakePagefind(DOCS), view('police', { sort: 'heat' }))).toEqual(['b', 'a', 'c']);
  });

  it('finds nothing without a positive term, and does not search', async () => {
    const pf = fakePagefind(DOCS);
    expect(await slugs(pf, view('-amazon'))).toEqual([]);
    expect(pf.terms).toEqual([]);
  });

  it('counts topics for the query and the other filters, not the selected topics', async () => {
    const outcome = await runSearch(fakePagefind(DOCS), view('police', { topics: ['vision'] }));
    expect(outcome.results.map((r) => r.id)).toEqual(['a', 'c']);
    expect(outcome.topicCounts).toEqual({ ai: 2, vision: 2 });
  });

  it('leaves the counts of a plan with exclusions or phrases to countTopics, which counts the whole plan', async () => {
    const pf = fakePagefind(DOCS);
    const outcome = await runSearch(pf, view('police -amazon', { topics: ['ai'] }));
    expect(outcome.results.map((r) => r.id)).toEqual(['b']);
    expect(outcome.topicCounts).toBeUndefined();
    // The results took the plan's own searches only, none per topic.
    expect(pf.terms).toEqual(['police', 'amazon']);
    expect(await countTopics(pf, view('police -amazon', { topics: ['ai'] }))).toEqual({ ai: 1, vision: 1 });
    expect(await countTopics(pf, view('"police departments"'))).toEqual(await runSearch(pf, view('"police departments"')).then((o) => o.topicCounts));
  });
});
