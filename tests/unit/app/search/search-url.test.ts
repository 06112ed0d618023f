import { describe, expect, it } from 'vitest';
import { slugOfResultUrl } from '../../../../src/app/features/search/engine/run-search';
import { DEFAULT_SEARCH_VIEW, parseSearchView, searchHref, type SearchView } from '../../../../src/contract/search';

const query = (href: string) => href.slice(href.indexOf('?') + 1);

describe('search view URLs', () => {
  it('the default view is /search', () => {
    expect(searchHref(DEFAULT_SEARCH_VIEW)).toBe('/search');
    expect(parseSearchView('')).toEqual(DEFAULT_SEARCH_VIEW);
  });

  it('round-trips every field', () => {
    const view: SearchView = {
      q: '"saira hussain" -amazon',
      topics: ['ai', 'computer-vision'],
      source: 'theintercept.com',
      type: 'video',
      from: '2020-06-01',
      to: '2020-06-30',
      unpublished: true,
      sort: 'newest',
    };
    const href = searchHref(view);
    expect(href).toBe(
      '/search?q=%22saira+hussain%22+-amazon&topics=ai%2Ccomputer-vision&source=theintercept.com&type=video&from=2020-06-01&to=2020-06-30&unpublished=1&sort=newest',
    );
    expect(parseSearchView(query(href))).toEqual(view);
  });

  it('round-trips hostile queries as text', () => {
    for (const q of ['<img src=x onerror=alert(1)>', 'a&b=c#d', 'back\\slash "quote', '\u202Eabc\u202C', 'x'.repeat(10_000)]) {
      expect(parseSearchView(query(searchHref({ q }))).q).toBe(q);
    }
  });

  it('gives equal views equal URLs (topics sorted and unique) and drops malformed values', () => {
    expect(searchHref({ q: 'ai', topics: ['b', 'a', 'b'] })).toBe(searchHref({ q: ' ai ', topics: ['a', 'b'] }));
    expect(parseSearchView('q=x&sort=loud&type=podcast&from=2020-02-30&to=yesterday&unpublished=yes')).toEqual({ ...DEFAULT_SEARCH_VIEW, q: 'x' });
  });
});

describe('slugOfResultUrl', () => {
  it('reads the slug of an article URL under any base, decoded', () => {
    expect(slugOfResultUrl('/article/dea-surveillance-0a1b')).toBe('dea-surveillance-0a1b');
    expect(slugOfResultUrl('/news/article/a%2Db/')).toBe('a-b');
  });

  it('is undefined for anything else', () => {
    expect(slugOfResultUrl('/topic/ai')).toBeUndefined();
    expect(slugOfResultUrl('/article/%E0%A4%A')).toBeUndefined();
  });
});
