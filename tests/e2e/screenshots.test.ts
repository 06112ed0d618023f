/**
 * Screenshots for people to look at (screenshots/, gitignored), plus layout checks at 360 px.
 * The three tests have a browser context each and run side by side.
 */
import { afterAll, beforeAll, test, type ExpectStatic } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { card, expectFeed, go, openBrowser, screenshot, sorted, type Browser } from './support/helpers';
import { seedCards, TITLE_001, type SeedCards } from './support/seeds';

let seeds: SeedCards;
const browsers: Browser[] = [];
beforeAll(() => {
  seeds = seedCards();
});
afterAll(async () => {
  for (const b of browsers) await b.close();
});

async function open(options: Parameters<typeof openBrowser>[0]): Promise<Browser> {
  const b = await openBrowser(options);
  browsers.push(b);
  return b;
}

function expectImage(expect: ExpectStatic, path: string): void {
  expect(existsSync(path)).toBe(true);
  expect(statSync(path).size).toBeGreaterThan(5_000);
}

async function noHorizontalOverflow(expect: ExpectStatic, page: import('playwright-core').Page): Promise<void> {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, 'page is not wider than the viewport').toBeLessThanOrEqual(client + 1);
}

test.concurrent('desktop: feed, expanded panel, article page', async ({ expect }) => {
  const b = await open({ viewport: { width: 1280, height: 900 } });
  const page = await b.newPage();
  await go(page, 'seeds', '/?unpublished=1');
  await expectFeed(page, sorted(seeds.fromSeeds, 'heat'), expect);
  expectImage(expect, await screenshot(page, 'feed'));

  const toggle = card(page, seeds.c001.slug).getByRole('button', { name: '31 more sources', exact: true });
  await toggle.click();
  await page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`).waitFor({ state: 'visible' });
  expectImage(expect, await screenshot(page, 'expanded-panel'));

  await go(page, 'seeds', `/article/${seeds.c001.slug}`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toBe(TITLE_001);
  expectImage(expect, await screenshot(page, 'article'));
  expectImage(expect, await screenshot(page, 'article-viewport', false));
});

test.concurrent('phone width (360 px): feed and article fit without horizontal scrolling', async ({ expect }) => {
  const b = await open({ viewport: { width: 360, height: 780 } });
  const page = await b.newPage();
  await go(page, 'seeds', '/?unpublished=1');
  await expectFeed(page, sorted(seeds.fromSeeds, 'heat'), expect);
  await noHorizontalOverflow(expect, page);
  expectImage(expect, await screenshot(page, 'phone-feed'));
  const toggle = card(page, seeds.c001.slug).getByRole('button', { name: '31 more sources', exact: true });
  await toggle.click();
  await page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`).waitFor({ state: 'visible' });
  await noHorizontalOverflow(expect, page);
  expectImage(expect, await screenshot(page, 'phone-expanded-panel'));
  await go(page, 'seeds', `/article/${seeds.c001.slug}`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toBe(TITLE_001);
  await noHorizontalOverflow(expect, page);
  expectImage(expect, await screenshot(page, 'phone-article'));
  expectImage(expect, await screenshot(page, 'phone-article-viewport', false));
});

test.concurrent('dark mode: feed and article', async ({ expect }) => {
  const b = await open({ colorScheme: 'dark' });
  const page = await b.newPage();
  await go(page, 'seeds', '/?unpublished=1');
  await expectFeed(page, sorted(seeds.fromSeeds, 'heat'), expect);
  expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
  expectImage(expect, await screenshot(page, 'dark-feed'));
  await go(page, 'seeds', `/article/${seeds.c001.slug}`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toBe(TITLE_001);
  expectImage(expect, await screenshot(page, 'dark-article'));
});
