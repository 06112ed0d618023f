/** The seeds' feed order under each sort, default and with unpublished articles included. */
import { beforeAll, describe, expect, test } from 'vitest';
import { SORT_KEYS, type SortKey } from '../../src/contract/feed';
import { expectFeed, go, page, pathAndQuery, sorted, useBrowserPage } from './support/helpers';
import { seedCards, type SeedCards } from './support/seeds';

useBrowserPage();

let seeds: SeedCards;

beforeAll(async () => {
  seeds = seedCards();
});

function sortQuery(sort: SortKey): string {
  return sort === 'heat' ? '' : `sort=${sort}`;
}

describe('seed data', () => {
  test("the build holds four articles (003 is 001's body) whose ranking fields match the seed files", () => {
    const { all, fromSeeds } = seeds;
    expect(all).toHaveLength(4);
    for (const expected of fromSeeds) {
      const built = all.find((c) => c.slug === expected.slug)!;
      expect({ title: built.title, heat: built.heat, quality: built.quality, publishedAt: built.publishedAt, published: built.published }).toEqual({
        title: expected.title,
        heat: expected.heat,
        quality: expected.quality,
        publishedAt: expected.publishedAt,
        published: expected.published,
      });
    }
  });
});

describe.each(SORT_KEYS)('sort=%s', (sort) => {
  test('published feed is in compareCards order', async () => {
    const expected = sorted(
      seeds.fromSeeds.filter((c) => c.published),
      sort,
    );
    expect(expected).toEqual([seeds.c000.slug, seeds.c004.slug]);
    const q = sortQuery(sort);
    await go(page, 'seeds', q ? `/?${q}` : '/');
    await expectFeed(page, expected);
    const active = page.getByRole('navigation', { name: 'Sort by' }).getByRole('link', { name: sort[0]!.toUpperCase() + sort.slice(1), exact: true });
    await expect.poll(() => active.getAttribute('aria-current')).toBe('true');
  });

  test('with unpublished articles included, the merged feed is in compareCards order', async () => {
    const expected = sorted(seeds.fromSeeds, sort);
    // The same order computed from the build's own cards.
    expect(sorted(seeds.all, sort)).toEqual(expected);
    const q = [sortQuery(sort), 'unpublished=1'].filter(Boolean).join('&');
    await go(page, 'seeds', `/?${q}`);
    await expectFeed(page, expected);
  });
});

test('the sort links reorder the feed and update the URL; heat is the default and has no query', async () => {
  await go(page, 'seeds', '/?unpublished=1');
  const nav = page.getByRole('navigation', { name: 'Sort by' });
  await expect.poll(() => nav.getByRole('link', { name: 'Heat', exact: true }).getAttribute('aria-current')).toBe('true');
  await expectFeed(page, sorted(seeds.fromSeeds, 'heat'));

  await nav.getByRole('link', { name: 'Quality', exact: true }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('quality');
  expect(new URL(page.url()).searchParams.get('unpublished')).toBe('1');
  await expectFeed(page, sorted(seeds.fromSeeds, 'quality'));
  expect(await nav.getByRole('link', { name: 'Quality', exact: true }).getAttribute('aria-current')).toBe('true');
  expect(await nav.getByRole('link', { name: 'Heat', exact: true }).getAttribute('aria-current')).not.toBe('true');

  await nav.getByRole('link', { name: 'Newest', exact: true }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
  await expectFeed(page, sorted(seeds.fromSeeds, 'newest'));

  await nav.getByRole('link', { name: 'Heat', exact: true }).click();
  await expect.poll(() => pathAndQuery(page)).toBe('/?unpublished=1');
  await expectFeed(page, sorted(seeds.fromSeeds, 'heat'));

  // Back/forward reproduce the view from the URL.
  await page.goBack();
  await expect.poll(() => new URL(page.url()).searchParams.get('sort')).toBe('newest');
  await expectFeed(page, sorted(seeds.fromSeeds, 'newest'));
});

test('cards show heat, quality and unranked as the contract words them', async () => {
  await go(page, 'seeds', '/?unpublished=1');
  await expectFeed(page, sorted(seeds.fromSeeds, 'heat'));
  for (const c of seeds.fromSeeds) {
    const text = (await page.locator(`article[data-slug="${c.slug}"]`).innerText()).replace(/\s+/g, ' ');
    if (c.heat < 0) expect(text, c.title).toContain('Unranked');
    else expect(text, c.title).toContain(`Heat ${c.heat}`);
    if (c.quality !== undefined) expect(text, c.title).toContain(`Quality ${c.quality}`);
    const times = await page.locator(`article[data-slug="${c.slug}"] time[datetime]`).evaluateAll((els) => els.map((e) => e.getAttribute('datetime') ?? ''));
    if (c.publishedAt)
      expect(
        times.map((t) => Date.parse(t)),
        `${c.title}: time[datetime]`,
      ).toContain(Date.parse(c.publishedAt));
    else expect(times, `${c.title}: no date, no time element`).toEqual([]);
  }
});
