/** The "Show N unpublished" toggle. */
import { beforeAll, expect, test } from 'vitest';
import type { Locator } from 'playwright-core';
import { topicSlug } from '../../src/contract/slug';
import { card, expectFeed, go, page, pathAndQuery, readIndex, sorted, useBrowserPage } from './support/helpers';
import { seedCards, type SeedCards } from './support/seeds';

useBrowserPage();

let seeds: SeedCards;

beforeAll(async () => {
  seeds = seedCards();
});

/** The contract says "a control": a button, a link, a checkbox or a switch. */
function control(name: string): Locator {
  return page
    .getByRole('button', { name, exact: true })
    .or(page.getByRole('link', { name, exact: true }))
    .or(page.getByRole('checkbox', { name, exact: true }))
    .or(page.getByRole('switch', { name, exact: true }));
}

test('the default feed hides unpublished articles; the toggle shows them marked, and hides them again', async () => {
  const unpublished = seeds.fromSeeds.filter((c) => !c.published);
  expect(unpublished.map((c) => c.slug).sort()).toEqual([seeds.c001.slug, seeds.c002.slug].sort());
  expect(readIndex('seeds').totals.unpublished).toBe(unpublished.length);

  await go(page, 'seeds', '/');
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.published),
      'heat',
    ),
  );
  const show = control(`Show ${unpublished.length} unpublished`);
  await show.first().waitFor({ timeout: 15_000 });
  for (const c of seeds.fromSeeds.filter((x) => x.published)) {
    expect(await card(page, c.slug).innerText(), c.title).not.toContain('Unpublished');
  }

  await show.first().click();
  await expect.poll(() => pathAndQuery(page)).toBe('/?unpublished=1');
  await expectFeed(page, sorted(seeds.fromSeeds, 'heat'));
  for (const c of seeds.fromSeeds) {
    const text = await card(page, c.slug).innerText();
    if (c.published) expect(text, c.title).not.toContain('Unpublished');
    else expect(text, c.title).toContain('Unpublished');
  }
  const hide = control('Hide unpublished');
  expect(await hide.count()).toBe(1);
  if ((await hide.getAttribute('aria-pressed')) !== null) expect(await hide.getAttribute('aria-pressed')).toBe('true');

  // Reload keeps it.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await expectFeed(page, sorted(seeds.fromSeeds, 'heat'));

  await hide.click();
  await expect.poll(() => pathAndQuery(page)).toBe('/');
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.published),
      'heat',
    ),
  );
  expect(await control(`Show ${unpublished.length} unpublished`).count()).toBe(1);
});

test('N counts the unpublished articles of the selected topics', async () => {
  const topic = 'Computer Vision';
  const n = seeds.fromSeeds.filter((c) => !c.published && c.topics.includes(topic)).length;
  expect(n).toBe(2);
  await go(page, 'seeds', `/topic/${topicSlug(topic)}`);
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.published && c.topics.includes(topic)),
      'heat',
    ),
  );
  await control(`Show ${n} unpublished`).first().click();
  await expect.poll(() => pathAndQuery(page)).toBe(`/topic/${topicSlug(topic)}?unpublished=1`);
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.topics.includes(topic)),
      'heat',
    ),
  );
});
