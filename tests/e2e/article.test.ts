/** Opening an article from the feed, its page, and reloading its URL. */
import { beforeAll, expect, test } from 'vitest';
import { baseUrl, browser, card, expectFeed, go, page, pathAndQuery, readArticle, readIndex, sorted, useBrowserPage } from './support/helpers';
import { frontMatterSeeds, seedCards, TITLE_000, TITLE_001, type SeedCards } from './support/seeds';

useBrowserPage();

let seeds: SeedCards;
let site: string;

beforeAll(async () => {
  seeds = seedCards();
  site = readIndex('seeds').site.name;
});

const h1 = () => page.getByRole('heading', { level: 1 });

test('the headline link opens the article page; reloading its URL shows it again with the right title', async () => {
  expect(site.length).toBeGreaterThan(0);
  await go(page, 'seeds', '/');
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.published),
      'heat',
    ),
  );
  const link = card(page, seeds.c000.slug).locator('h2 a');
  expect(await link.getAttribute('href')).toBe(`/article/${seeds.c000.slug}`);
  await link.click();
  await expect.poll(() => pathAndQuery(page)).toBe(`/article/${seeds.c000.slug}`);
  await expect.poll(() => h1().innerText(), { timeout: 15_000 }).toBe(TITLE_000);
  await expect.poll(() => page.title()).toBe(`${TITLE_000} · ${site}`);

  await page.reload({ waitUntil: 'domcontentloaded' });
  await expect.poll(() => h1().innerText(), { timeout: 15_000 }).toBe(TITLE_000);
  await expect.poll(() => page.title()).toBe(`${TITLE_000} · ${site}`);

  // Back returns to the feed.
  await page.goBack();
  await expect.poll(() => pathAndQuery(page)).toBe('/');
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.published),
      'heat',
    ),
  );
});

test('"All stories" and the site name lead back to the feed in-app, without reloading the document', async () => {
  for (const name of ['All stories', site]) {
    await go(page, 'seeds', `/article/${seeds.c000.slug}`);
    await expect.poll(() => h1().innerText(), { timeout: 15_000 }).toBe(TITLE_000);
    // A marker on the window survives only an in-app navigation.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    const link = page.getByRole('link', { name, exact: true });
    expect(await link.getAttribute('href')).toBe('/');
    await link.click();
    await expect.poll(() => pathAndQuery(page)).toBe('/');
    await expectFeed(
      page,
      sorted(
        seeds.fromSeeds.filter((c) => c.published),
        'heat',
      ),
    );
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  }
});

test('a fresh load of the article URL (as a shared link would) renders the article', async () => {
  const fresh = await browser.newPage();
  try {
    const res = await fresh.goto(`${baseUrl('seeds')}/article/${seeds.c001.slug}`, { waitUntil: 'domcontentloaded' });
    expect(res?.status()).toBe(200);
    await expect.poll(() => fresh.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toBe(TITLE_001);
    await expect.poll(() => fresh.title()).toBe(`${TITLE_001} · ${site}`);
  } finally {
    await fresh.close();
  }
});

test("001's page: provider, time, excerpt, body from the plain-text file, Read at, AMP, full coverage", async () => {
  const facts = frontMatterSeeds().find((s) => s.title === TITLE_001)!;
  const detail = readArticle('seeds', seeds.c001.slug);
  await go(page, 'seeds', `/article/${seeds.c001.slug}`);
  await expect.poll(() => h1().innerText(), { timeout: 15_000 }).toBe(TITLE_001);
  const main = page.locator('main');
  const text = (await main.innerText()).replace(/\s+/g, ' ');
  expect(text).toContain('Digital Trends');
  expect(text).toContain(detail.excerpt!);
  // The body comes from 003.
  expect(text).toContain('Following in other tech giants’ footsteps');
  expect(text).toContain('Saira Hussain');
  for (const debris of ['Skip to main content', 'Recommended Videos', 'Please enable Javascript']) expect(text).not.toContain(debris);

  const times = await main.locator('time[datetime]').evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime') ?? '')));
  expect(times).toContain(Date.parse(facts.publishedAt!));

  const readAt = page.getByRole('link', { name: 'Read at Digital Trends' });
  expect(await readAt.count()).toBe(1);
  expect(await readAt.getAttribute('href')).toBe(new URL(facts.url!).href);
  expect(await readAt.getAttribute('target')).toBe('_blank');
  expect((await readAt.getAttribute('rel'))?.split(/\s+/)).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));

  const amp = page.getByRole('link', { name: 'AMP version' });
  expect(await amp.count()).toBe(1);
  expect(await amp.getAttribute('href')).toBe(new URL(facts.ampUrl!).href);

  const coverage = page.getByRole('heading', { level: 2, name: 'Related coverage (31)' });
  expect(await coverage.count()).toBe(1);
  // All 31 related stories are listed on the article page.
  for (const r of detail.related) expect(text).toContain(r.title.replace(/\s+/g, ' '));

  // Topics link to the filtered feed.
  for (const t of ['computer-vision', 'ai']) expect(await main.locator(`a[href="/topic/${t}"]`).count(), t).toBeGreaterThanOrEqual(1);
});

test('004 (plain text) has its own page with its body and no invented provider link', async () => {
  await go(page, 'seeds', `/article/${seeds.c004.slug}`);
  await expect.poll(() => h1().innerText(), { timeout: 15_000 }).toBe(seeds.c004.title);
  const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
  expect(text).toContain('On Thursday, Microsoft announced');
  expect(await page.getByRole('link', { name: /^Read at / }).count()).toBe(0);
});
