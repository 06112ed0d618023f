/** Landmarks, the site link, one h1 per page and document titles of feed views. */
import { beforeAll, expect, test } from 'vitest';
import { browser, expectFeed, go, page, pathAndQuery, reactOwnsPage, readIndex, sorted, useBrowserPage } from './support/helpers';
import { seedCards, type SeedCards } from './support/seeds';

useBrowserPage();

let seeds: SeedCards;
let site: string;

beforeAll(async () => {
  seeds = seedCards();
  site = readIndex('seeds').site.name;
});

test('banner with the site name linking home, main#main, contentinfo; one h1', async () => {
  await go(page, 'seeds', '/topic/computer-vision');
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.published && c.topics.includes('Computer Vision')),
      'heat',
    ),
  );
  expect(await page.getByRole('banner').count()).toBe(1);
  expect(await page.getByRole('main').count()).toBe(1);
  expect(await page.getByRole('contentinfo').count()).toBe(1);
  expect(await page.getByRole('heading', { level: 1 }).count()).toBe(1);
  const home = page.getByRole('banner').getByRole('link', { name: site });
  expect(await home.getAttribute('href')).toBe('/');
  await home.click();
  await expect.poll(() => pathAndQuery(page)).toBe('/');
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.published),
      'heat',
    ),
  );
});

test.each([
  ['/', 'Top stories'],
  ['/?sort=newest&unpublished=1', 'Top stories'],
  ['/topic/computer-vision', 'Computer Vision'],
])('%s has the document title "%s · <site>"', async (path, title) => {
  await go(page, 'seeds', path);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toBe(title);
  await expect.poll(() => page.title()).toBe(`${title} · ${site}`);
});

test('prerendered pages hydrate without errors in the console', async () => {
  const fresh = await browser.newPage();
  const paths = ['/', '/topic/computer-vision', `/article/${seeds.c000.slug}`, `/article/${seeds.c001.slug}`, '/no/such/route', '/?unpublished=1&sort=newest'];
  for (const path of paths) {
    await go(fresh, 'seeds', path);
    await expect.poll(() => fresh.getByRole('heading', { level: 1 }).count(), { timeout: 15_000 }).toBe(1);
    await reactOwnsPage(fresh);
  }
  expect(browser.consoleErrors).toEqual([]);
  expect(browser.pageErrors).toEqual([]);
  await fresh.close();
});
