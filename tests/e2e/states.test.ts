/** Empty and error states: "No articles match" with "Clear filters"; a failed load offers "Retry". */
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { topicSlug } from '../../src/contract/slug';
import { browser, control, expectFeed, go, pathAndQuery, readAllCards, sorted, useBrowserPage } from './support/helpers';
import { seedCards, type SeedCards } from './support/seeds';

useBrowserPage();

let seeds: SeedCards;

beforeAll(() => {
  seeds = seedCards();
});

const published = () =>
  sorted(
    seeds.fromSeeds.filter((c) => c.published),
    'heat',
  );

test('a topic with only unpublished articles shows the empty state; "Clear filters" recovers', async () => {
  // The hostile fixtures hold one unpublished article, the only one with the topic "Drafts Only".
  const hostile = readAllCards('hostile');
  const drafts = hostile.filter((c) => c.topics.includes('Drafts Only'));
  expect(drafts.map((c) => c.published)).toEqual([false]);
  const page = await browser.newPage();
  await go(page, 'hostile', `/topic/${topicSlug('Drafts Only')}`);
  await page.getByText('No articles match').first().waitFor({ timeout: 15_000 });
  expect(await page.locator('article[data-slug]').count()).toBe(0);
  // The unpublished control still offers the draft.
  expect(await control(page, 'Show 1 unpublished').count()).toBe(1);
  const clear = control(page, 'Clear filters');
  await clear.first().click();
  await expect.poll(() => pathAndQuery(page)).toBe('/');
  await expectFeed(
    page,
    sorted(
      hostile.filter((c) => c.published),
      'heat',
    ),
  );
  await page.close();
});

test('when a list cannot be loaded, the feed shows "Retry", which loads it once the network is back', async () => {
  const page: Page = await browser.newPage();
  let failing = true;
  let failed = 0;
  await page.route(/\/data\//, (route) => {
    if (failing) {
      failed++;
      return route.abort('connectionfailed');
    }
    return route.continue();
  });
  // The page may carry its first screen inline (prerendered); the quality list must be fetched.
  await go(page, 'seeds', '/?sort=quality');
  const retry = page.getByRole('button', { name: 'Retry' });
  await retry.waitFor({ timeout: 30_000 });
  expect(failed).toBeGreaterThan(0);
  expect(await page.locator('article[data-slug]').count()).toBe(0);
  failing = false;
  await retry.click();
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.published),
      'quality',
    ),
  );
  expect(await retry.count()).toBe(0);
  await page.close();
});

test('an article that cannot be loaded offers "Retry" instead of claiming it does not exist', async () => {
  const page: Page = await browser.newPage();
  await go(page, 'seeds', '/');
  await expectFeed(page, published());
  let failing = true;
  await page.route(/\/data\/article\//, (route) => (failing ? route.abort('connectionfailed') : route.continue()));
  await page.locator(`article[data-slug="${seeds.c000.slug}"] h2 a`).click();
  const retry = page.getByRole('button', { name: 'Retry' });
  await retry.waitFor({ timeout: 30_000 });
  expect(await page.getByRole('heading', { level: 1, name: 'Page not found' }).count()).toBe(0);
  failing = false;
  await retry.click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toBe(seeds.c000.title);
  await page.close();
});
