import { describe, expect, it } from 'vitest';
import { daysInRange, MAX_RANGE_DAYS, searchFilters } from '../../../../src/app/features/search/engine/filters';
import { DEFAULT_SEARCH_VIEW, type SearchView } from '../../../../src/contract/search';

const view = (change: Partial<SearchView>): SearchView => ({ ...DEFAULT_SEARCH_VIEW, ...change });

describe('daysInRange', () => {
  it('lists every day of an inclusive range, across month and leap-day ends', () => {
    expect(daysInRange('2020-02-27', '2020-03-01')).toEqual(['2020-02-27', '2020-02-28', '2020-02-29', '2020-03-01']);
    expect(daysInRange('2020-06-11', '2020-06-11')).toEqual(['2020-06-11']);
  });

  it('swaps reversed bounds', () => {
    expect(daysInRange('2020-01-02', '2019-12-31')).toEqual(['2019-12-31', '2020-01-01', '2020-01-02']);
  });

  it(`opens an open end ${MAX_RANGE_DAYS} days from the other and shortens a longer range to its last days`, () => {
    const fromOnly = daysInRange('2020-01-01', undefined);
    expect(fromOnly).toHaveLength(MAX_RANGE_DAYS);
    expect(fromOnly[0]).toBe('2020-01-01');
    const toOnly = daysInRange(undefined, '2020-06-30');
    expect(toOnly).toHaveLength(MAX_RANGE_DAYS);
    expect(toOnly.at(-1)).toBe('2020-06-30');
    const long = daysInRange('1990-01-01', '2020-06-30');
    expect(long).toHaveLength(MAX_RANGE_DAYS);
    expect(long.at(-1)).toBe('2020-06-30');
  });

  it('is empty without bounds', () => {
    expect(daysInRange(undefined, undefined)).toEqual([]);
  });
});

describe('searchFilters', () => {
  it('finds only published articles by default', () => {
    expect(searchFilters(view({}))).toEqual({ unpublished: { none: ['true'] } });
    expect(searchFilters(view({ unpublished: true }))).toEqual({});
  });

  it('maps topics to any-of, source, type and the date range to days', () => {
    expect(
      searchFilters(
        view({ topics: ['ai', 'computer-vision'], source: 'theintercept.com', type: 'video', from: '2020-06-10', to: '2020-06-11', unpublished: true }),
      ),
    ).toEqual({
      topic: { any: ['ai', 'computer-vision'] },
      source: 'theintercept.com',
      type: 'video',
      day: { any: ['2020-06-10', '2020-06-11'] },
    });
  });

  it('leaves the topics out when asked (to count them)', () => {
    expect(searchFilters(view({ topics: ['ai'] }), false)).toEqual({ unpublished: { none: ['true'] } });
  });
});
