/** axe-core: zero violations on feed, expanded related panel, article page, its full coverage, search results and not-found, light and dark. */
import { afterAll, beforeAll, test, type ExpectStatic } from 'vitest';
import type { Page } from 'playwright-core';
import { card, expectFeed, go, htmlHasDark, openBrowser, reactOwnsPage, runAxe, settled, sorted, type Browser } from './support/helpers';
import { seedCards, TITLE_001, type SeedCards } from './support/seeds';

let seeds: SeedCards;
beforeAll(() => {
  seeds = seedCards();
});

const views: Array<[string, (page: Page, expect: ExpectStatic) => Promise<void>]> = [
  [
    'feed',
    async (page, expect) => {
      await go(page, 'seeds', '/');
      await expectFeed(
        page,
        sorted(
          seeds.fromSeeds.filter((c) => c.published),
          'heat',
        ),
        expect,
      );
    },
  ],
  [
    'expanded related panel',
    async (page, expect) => {
      await go(page, 'seeds', '/?unpublished=1');
      await expectFeed(page, sorted(seeds.fromSeeds, 'heat'), expect);
      const toggle = card(page, seeds.c001.slug).getByRole('button', { name: '31 more sources', exact: true });
      await toggle.click();
      const panel = page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
      await panel.waitFor({ state: 'visible' });
      await page.getByRole('button', { name: 'Show all 31 sources', exact: true }).click();
      await expect.poll(() => panel.getByRole('listitem').count()).toBe(31);
    },
  ],
  [
    'article page',
    async (page, expect) => {
      await go(page, 'seeds', `/article/${seeds.c001.slug}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toBe(TITLE_001);
    },
  ],
  [
    'full coverage of a story, sorted by quality',
    async (page, expect) => {
      await go(page, 'seeds', `/article/${seeds.c001.slug}#full-coverage`);
      const rows = page.locator('section#full-coverage table tbody tr');
      await expect.poll(() => rows.count(), { timeout: 15_000 }).toBeGreaterThan(30);
      await page.locator('section#full-coverage').getByRole('button', { name: 'Quality', exact: true }).click();
      await expect.poll(() => page.locator('section#full-coverage caption').innerText()).toBe('Coverage by quality');
    },
  ],
  [
    'search results',
    async (page, expect) => {
      await go(page, 'seeds', '/search?q=microsoft+facial&unpublished=1');
      const cards = page.getByRole('list', { name: 'Search results', exact: true }).locator('article[data-slug] h2 mark');
      await expect.poll(() => cards.count(), { timeout: 15_000 }).toBeGreaterThan(0);
    },
  ],
  [
    'not-found page',
    async (page, expect) => {
      await go(page, 'seeds', '/article/no-such-article-0000000');
      await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toBe('Page not found');
    },
  ],
];

// One page per view, checked in the light scheme and then, switched in place, in the dark one:
// the app follows `prefers-color-scheme` while the choice is "system" (loading in a dark system
// is dark-mode.test.ts's). Axe's source is added to each page once.
let browser: Browser;
beforeAll(async () => {
  browser = await openBrowser({ colorScheme: 'light' });
});
afterAll(async () => {
  await browser?.close();
});

// The views load side by side, each in its own page: the browser renders one while Node waits on another.
test.concurrent.for(views)('%s has zero axe violations, light and dark', async ([, open], { expect }) => {
  const page = await browser.newPage();
  try {
    await open(page, expect);
    // Until the app has hydrated, nothing follows a change of the system's scheme.
    await reactOwnsPage(page);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      // The app hears of the switch in a media-query change event, delivered with the page's next
      // rendering update, which can lag behind when several pages render at once.
      await expect.poll(() => htmlHasDark(page), { message: `html.dark in ${scheme}`, timeout: 15_000 }).toBe(scheme === 'dark');
      // Colours are measured once transitions (theme, panel) have ended.
      await settled(page);
      const violations = await runAxe(page);
      expect(violations, `${scheme}: ${JSON.stringify(violations, null, 2)}`).toEqual([]);
    }
  } finally {
    await page.close();
  }
});
