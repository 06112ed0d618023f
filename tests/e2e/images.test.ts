/** Thumbnails and logos: lazy, sized, no referrer; a placeholder or initial badge when they fail. */
import { beforeAll, expect, test } from 'vitest';
import { browser, card, expectFeed, go, settled, sorted, useBrowserPage } from './support/helpers';
import { seedCards, type SeedCards } from './support/seeds';

// A 1×1 PNG stands in for every hot-linked image in the first test.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

useBrowserPage();

let seeds: SeedCards;

beforeAll(() => {
  seeds = seedCards();
});

test('a card thumbnail is lazy, has width and height, and sends no referrer; the logo is shown', async () => {
  const page = await browser.newPage();
  const imageRequests: Array<{ url: string; referer: string | undefined }> = [];
  await page.route(
    (url) => !(url.hostname === '127.0.0.1' || url.hostname === 'localhost'),
    async (route) => {
      imageRequests.push({ url: route.request().url(), referer: (await route.request().allHeaders())['referer'] });
      await route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
    },
  );
  await go(page, 'seeds', '/?unpublished=1');
  await expectFeed(page, sorted(seeds.fromSeeds, 'heat'));
  const thumb = card(page, seeds.c000.slug).locator('img[src*="theintercept.imgix.net"]');
  await thumb.waitFor({ state: 'attached', timeout: 10_000 });
  const attrs = await thumb.evaluate((img) => ({
    loading: img.getAttribute('loading'),
    referrerpolicy: img.getAttribute('referrerpolicy'),
    width: Number(img.getAttribute('width')),
    height: Number(img.getAttribute('height')),
    hasAlt: img.hasAttribute('alt'),
  }));
  expect(attrs.loading).toBe('lazy');
  expect(attrs.referrerpolicy).toBe('no-referrer');
  expect(attrs.width).toBeGreaterThan(0);
  expect(attrs.height).toBeGreaterThan(0);
  expect(attrs.hasAlt).toBe(true);

  const logo = card(page, seeds.c001.slug).locator('img[src*="digitaltrends.com-50x50"]');
  await logo.waitFor({ state: 'attached', timeout: 10_000 });
  expect(await logo.getAttribute('referrerpolicy')).toBe('no-referrer');
  // No hot-linked request carried our page as referrer.
  expect(imageRequests.length).toBeGreaterThan(0);
  expect(imageRequests.filter((r) => r.referer)).toEqual([]);
  await page.close();
});

test('when every image fails, no broken image is left on screen: placeholders and initial badges instead', async () => {
  const page = await browser.newPage(); // the browser aborts all non-local requests
  await go(page, 'seeds', '/?unpublished=1');
  await expectFeed(page, sorted(seeds.fromSeeds, 'heat'));
  // Every image on screen has failed by then; the app swaps each for its placeholder on its
  // own render after the error.
  await settled(page);
  const broken = () =>
    page.evaluate(() =>
      Array.from(document.querySelectorAll('main img'))
        .filter((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth === 0)
        .filter((img) => getComputedStyle(img).display !== 'none' && getComputedStyle(img).visibility !== 'hidden')
        .map((img) => img.getAttribute('src')),
    );
  await expect.poll(broken).toEqual([]);
  // Digital Trends' failed logo leaves its initial badge.
  const initials = await card(page, seeds.c001.slug).evaluate(
    (article) => Array.from(article.querySelectorAll('*')).filter((el) => el.children.length === 0 && (el.textContent ?? '').trim() === 'D').length,
  );
  expect(initials).toBeGreaterThanOrEqual(1);
  await page.close();
});
