/**
 * Search on the seeds build: the header field, the /search view (results, filters, sort, URL),
 * keyboard, hostile queries, the no-JavaScript page and screenshots. Expected result sets come
 * from a plain scan of the build's article files (a word matches as the prefix of a word).
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import {
  baseUrl,
  go,
  openBrowser,
  page,
  pathAndQuery,
  readArticle,
  reactOwnsPage,
  screenshot,
  sorted,
  useBrowserPage,
  browser,
  type Browser,
} from './support/helpers';
import { seedCards, type SeedCards } from './support/seeds';
import type { ArticleDetail } from '../../src/contract/article';
import { topicSlug } from '../../src/contract/slug';

useBrowserPage();

let seeds: SeedCards;
let articles: ArticleDetail[];
beforeAll(() => {
  seeds = seedCards();
  articles = seeds.all.map((c) => readArticle('seeds', c.slug));
});

/** The indexed text of an article: headline, excerpt, body, outlet, topics. */
const indexedText = (a: ArticleDetail) => [a.title, a.excerpt ?? '', ...a.body.map((b) => b.text), a.provider?.name ?? '', ...a.topics].join('\n');

/** Slugs of the articles with a word starting with `word` (ASCII words, as in these tests). */
function scan(word: string, unpublished: boolean): string[] {
  const re = new RegExp(`(^|[^A-Za-z0-9])${word}`, 'i');
  return articles
    .filter((a) => (unpublished || a.published) && re.test(indexedText(a)))
    .map((a) => a.slug)
    .sort();
}

const resultCards = (p: Page) => p.getByRole('list', { name: 'Search results', exact: true }).locator('article[data-slug]');
const field = (p: Page) => p.getByRole('searchbox', { name: 'Search articles' });
const status = (p: Page) => p.getByRole('status').filter({ hasText: /results? for|No results for|Searching|Search is unavailable/ });

/** The slugs shown, once the status says `count` results and that many cards have loaded. */
async function results(p: Page, count: number, order: 'sorted' | 'shown' = 'sorted'): Promise<string[]> {
  const word = count === 1 ? 'result' : 'results';
  await expect.poll(() => status(p).innerText(), { timeout: 15_000 }).toMatch(count === 0 ? /^No results for/ : new RegExp(`^${count} ${word} for`));
  if (count === 0) return [];
  await expect.poll(() => resultCards(p).count(), { timeout: 15_000 }).toBe(count);
  const slugs = await resultCards(p).evaluateAll((els) => els.map((el) => el.getAttribute('data-slug') ?? ''));
  return order === 'sorted' ? slugs.sort() : slugs;
}

async function search(path: string): Promise<void> {
  await go(page, 'seeds', path);
  await reactOwnsPage(page);
}

test('typing in the header field goes to /search?q= (one history entry), finds the body of 001 that came from plain-text file 003', async () => {
  await search('/?unpublished=1');
  await page.keyboard.press('/');
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('search-field');
  await page.keyboard.type('Rekog', { delay: 20 });
  await expect.poll(() => pathAndQuery(page)).toBe('/search?q=Rekog');
  await page.keyboard.type('nition', { delay: 20 });
  await expect.poll(() => pathAndQuery(page)).toBe('/search?q=Rekognition');
  // 001 is unpublished: found only with the toggle.
  expect(await results(page, 0)).toEqual([]);
  await page.getByRole('checkbox', { name: 'Include unpublished' }).check();
  await expect.poll(() => pathAndQuery(page)).toBe('/search?q=Rekognition&unpublished=1');
  expect(await results(page, 1)).toEqual([seeds.c001.slug]);
  expect(scan('rekognition', true)).toEqual([seeds.c001.slug]);
  // The match is in the body (not the headline or excerpt): a snippet shows it marked.
  const marks = await resultCards(page).locator('mark').allInnerTexts();
  expect(marks).toEqual(['Rekognition']);
  // Typing replaced history entries: back leaves search for the feed at once... after the toggle's entry.
  await page.goBack();
  await expect.poll(() => pathAndQuery(page)).toBe('/search?q=Rekognition');
  await page.goBack();
  await expect.poll(() => pathAndQuery(page)).toBe('/?unpublished=1');
  expect(await field(page).inputValue()).toBe('');
  await page.goForward();
  await expect.poll(() => pathAndQuery(page)).toBe('/search?q=Rekognition');
  expect(await field(page).inputValue()).toBe('Rekognition');
});

test('"Saira Hussain" finds 001 only; DEA finds 004', async () => {
  await search('/search?q=%22Saira+Hussain%22&unpublished=1');
  expect(await results(page, 1)).toEqual([seeds.c001.slug]);
  expect(await resultCards(page).locator('mark').allInnerTexts()).toContain('Saira Hussain');
  await search('/search?q=DEA');
  expect(await results(page, 1)).toEqual([seeds.c004.slug]);
});

test('-word: the results of "facial" and "facial -azure" differ exactly by the articles with azure', async () => {
  const facial = scan('facial', true);
  const azure = scan('azure', true);
  expect(azure.length).toBeGreaterThan(0);
  expect(azure.length).toBeLessThan(facial.length);
  await search('/search?q=facial&unpublished=1');
  const all = await results(page, facial.length);
  expect(all).toEqual(facial);
  await search('/search?q=facial+-azure&unpublished=1');
  const without = await results(page, facial.length - azure.length);
  expect(all.filter((s) => !without.includes(s))).toEqual(azure);
  // The counts come after the results (a search per topic) and count the whole query.
  const counts = new Map<string, number>();
  for (const a of articles.filter((a) => without.includes(a.slug))) for (const t of new Set(a.topics)) counts.set(t, (counts.get(t) ?? 0) + 1);
  expect(counts.size).toBeGreaterThan(0);
  const topics = page.getByRole('navigation', { name: 'Topics' });
  for (const [name, n] of counts) await expect.poll(() => topics.getByRole('link', { name: `${name} (${n})`, exact: true }).count()).toBe(1);
  expect(await topics.getByRole('link').count()).toBe(counts.size);
});

test('a topic narrows the query, with counts per topic for the query; back and forward step through it', async () => {
  const found = scan('microsoft', true);
  const inTopic = (slug: string) => articles.filter((a) => found.includes(a.slug) && a.topics.some((t) => topicSlug(t) === slug));
  const topic = 'microsoft-ai';
  const name = articles.flatMap((a) => a.topics).find((t) => topicSlug(t) === topic)!;
  const expected = inTopic(topic)
    .map((a) => a.slug)
    .sort();
  expect(expected.length).toBeGreaterThan(0);
  expect(expected.length).toBeLessThan(found.length);

  await search('/search?q=microsoft&unpublished=1');
  expect(await results(page, found.length)).toEqual(found);
  const topics = page.getByRole('navigation', { name: 'Topics' });
  const link = topics.getByRole('link', { name: `${name} (${expected.length})`, exact: true });
  await link.click();
  await expect.poll(() => pathAndQuery(page)).toBe(`/search?q=microsoft&topics=${topic}&unpublished=1`);
  expect(await results(page, expected.length)).toEqual(expected);
  expect(await topics.getByRole('link', { name: new RegExp(`^${name}`) }).getAttribute('aria-current')).toBe('true');
  // The share URL reproduces the view, on reload too.
  await page.reload();
  expect(await results(page, expected.length)).toEqual(expected);
  expect(await field(page).inputValue()).toBe('microsoft');
  await page.goBack();
  expect(await results(page, found.length)).toEqual(found);
  await page.goForward();
  expect(await results(page, expected.length)).toEqual(expected);
});

test('a word that no indexed word starts with finds nothing (Pagefind alone would match a shorter word) and excludes nothing', async () => {
  expect(scan('microsoftxyz', true)).toEqual([]);
  await search('/search?q=microsoftxyz&unpublished=1');
  expect(await results(page, 0)).toEqual([]);
  await search('/search?q=microsoft+-facialxyz&unpublished=1');
  expect(await results(page, scan('microsoft', true).length)).toEqual(scan('microsoft', true));
});

test('001 and 002 are found only with the unpublished toggle on', async () => {
  const published = scan('microsoft', false);
  expect(published).not.toContain(seeds.c001.slug);
  expect(published).not.toContain(seeds.c002.slug);
  await search('/search?q=microsoft');
  expect(await results(page, published.length)).toEqual(published);
  await search('/search?q=microsoft&unpublished=1');
  const all = await results(page, scan('microsoft', true).length);
  expect(all).toContain(seeds.c001.slug);
  expect(all).toContain(seeds.c002.slug);
});

test('a filter shows its new value as soon as it is changed, before the navigation renders, and follows the URL back', async () => {
  await search('/search?q=microsoft');
  await page.getByRole('checkbox', { name: 'Include unpublished' }).waitFor();
  await expect.poll(() => page.getByRole('combobox', { name: 'Source' }).locator('option').count()).toBeGreaterThan(1);
  // Read in the same task as the change: a control bound only to the URL would still show the old value.
  const shown = await page.evaluate(async () => {
    const box = [...document.querySelectorAll('label')].find((l) => l.textContent?.includes('Include unpublished'))?.querySelector('input');
    const source = [...document.querySelectorAll('select')].find((s) => s.options[0]?.text === 'All sources');
    if (!box || !source) return null;
    box.click();
    const checked = box.checked;
    await Promise.resolve();
    source.value = source.options[1]!.value;
    source.dispatchEvent(new Event('change', { bubbles: true }));
    return { checked, source: source.value, picked: source.options[1]!.value };
  });
  expect(shown).not.toBeNull();
  expect(shown!.checked).toBe(true);
  expect(shown!.source).toBe(shown!.picked);
  await expect.poll(() => pathAndQuery(page)).toBe(`/search?q=microsoft&source=${encodeURIComponent(shown!.picked)}&unpublished=1`);
  await page.goBack();
  await page.goBack();
  await expect.poll(() => pathAndQuery(page)).toBe('/search?q=microsoft');
  expect(await page.getByRole('checkbox', { name: 'Include unpublished' }).isChecked()).toBe(false);
});

test('type: no video matches; the empty state says what was searched and drops the filters', async () => {
  await search('/search?q=facial&type=video&unpublished=1');
  expect(await results(page, 0)).toEqual([]);
  await expect.poll(() => page.getByText('Nothing found for “facial”').count()).toBe(1);
  await page.getByRole('link', { name: 'Search without filters' }).click();
  await expect.poll(() => pathAndQuery(page)).toBe('/search?q=facial');
  expect(await results(page, scan('facial', false).length)).toEqual(scan('facial', false));
});

test('sort: quality and newest order the results as the feed does', async () => {
  const facial = new Set(scan('facial', true));
  const cards = seeds.fromSeeds.filter((c) => facial.has(c.slug));
  for (const sort of ['quality', 'newest'] as const) {
    await search(`/search?q=facial&unpublished=1&sort=${sort}`);
    expect(await results(page, cards.length, 'shown'), sort).toEqual(sorted(cards, sort));
    expect(
      await page
        .getByRole('navigation', { name: 'Sort by' })
        .getByRole('link', { name: sort === 'quality' ? 'Quality' : 'Newest' })
        .getAttribute('aria-current'),
    ).toBe('true');
  }
});

test('keyboard: j and k move between results, o opens one (its data already loaded); Escape clears the field', async () => {
  await search('/search?q=facial&unpublished=1&sort=quality');
  const order = await results(page, scan('facial', true).length, 'shown');
  await page.locator('main h1').click();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('article')?.getAttribute('data-slug'))).toBe(order[1]);
  await page.keyboard.press('k');
  await expect.poll(() => page.evaluate(() => document.activeElement?.closest('article')?.getAttribute('data-slug'))).toBe(order[0]);
  await page.keyboard.press('o');
  await expect.poll(() => pathAndQuery(page)).toBe(`/article/${order[0]}`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
  await page.goBack();
  await expect.poll(() => pathAndQuery(page)).toBe('/search?q=facial&unpublished=1&sort=quality');
  await field(page).focus();
  await page.keyboard.press('Escape');
  expect(await field(page).inputValue()).toBe('');
  await expect.poll(() => pathAndQuery(page)).toBe('/search?unpublished=1&sort=quality');
});

test('hostile queries are shown as text and searched without errors', async () => {
  const queries = ['<img src=x onerror=alert(1)>', '"unclosed \\ back\\slash', '\u202Efacial\u202C', '"""', `facial ${'x'.repeat(10_000)}`];
  const errorsBefore = browser.pageErrors.length;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  for (const q of queries) {
    await search(`/search?${new URLSearchParams({ q })}`);
    await expect.poll(() => status(page).innerText(), { timeout: 15_000 }).toMatch(/results? for|No results for/);
    expect(await field(page).inputValue()).toBe(q);
    expect(await page.locator('main img[src="x"], main img:not([src^="http"])').count()).toBe(0);
  }
  // The markup query is typed too: shown as text in the status line.
  await search('/search');
  await field(page).fill('<b>bold</b>');
  await expect.poll(() => status(page).innerText()).toBe('No results for “<b>bold</b>”.');
  expect(await page.locator('main b').count()).toBe(0);
  expect(browser.pageErrors.slice(errorsBefore)).toEqual([]);
  expect(dialogs).toEqual([]);
});

test('an index that does not load shows the error state; Retry searches once it is back', async () => {
  const b = await openBrowser();
  try {
    const p = await b.newPage();
    let blocked = true;
    await p.route(/\/pagefind\/pagefind\.js/, (route) => (blocked ? route.fulfill({ status: 404, body: 'missing' }) : route.fallback()));
    await p.goto(`${baseUrl('seeds')}/search?q=DEA`, { waitUntil: 'domcontentloaded' });
    const alert = p.getByRole('alert');
    await expect.poll(() => alert.innerText(), { timeout: 15_000 }).toContain('Search is unavailable');
    await expect.poll(() => status(p).innerText()).toBe('Search is unavailable.');
    blocked = false;
    await alert.getByRole('button', { name: 'Retry' }).click();
    expect(await results(p, 1)).toEqual([seeds.c004.slug]);
    expect(b.pageErrors).toEqual([]);
  } finally {
    await b.close();
  }
});

let noJs: Browser;
afterAll(async () => {
  await noJs?.close();
});

test('without JavaScript, /search says search needs JavaScript and links to the feed', async () => {
  noJs = await openBrowser({ javaScriptEnabled: false });
  const p = await noJs.newPage();
  await p.goto(`${baseUrl('seeds')}/search?q=facial`, { waitUntil: 'domcontentloaded' });
  await expect.poll(() => p.getByText('Search needs JavaScript').count()).toBe(1);
  expect(await p.getByRole('link', { name: 'Browse the feed' }).getAttribute('href')).toBe('/');
  // With JavaScript the notice is replaced by the search view.
  await search('/search');
  expect(await page.getByText('Search needs JavaScript').count()).toBe(0);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe('Search');
});

test('screenshots of results: desktop, 360 px (no horizontal scrolling) and dark', async () => {
  for (const [name, width, colorScheme] of [
    ['search-desktop', 1280, 'light'],
    ['search-phone', 360, 'light'],
    ['search-dark', 1280, 'dark'],
  ] as const) {
    const b = await openBrowser({ viewport: { width, height: 900 }, colorScheme });
    try {
      const p = await b.newPage();
      await p.goto(`${baseUrl('seeds')}/search?q=microsoft+facial&unpublished=1`, { waitUntil: 'domcontentloaded' });
      await expect.poll(() => resultCards(p).count(), { timeout: 15_000 }).toBe(scan('microsoft', true).filter((s) => scan('facial', true).includes(s)).length);
      await expect.poll(() => resultCards(p).locator('h2 mark').count()).toBeGreaterThan(0);
      const { scroll, client } = await p.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
      expect(scroll, `${name}: page is not wider than the viewport`).toBeLessThanOrEqual(client + 1);
      await screenshot(p, name);
    } finally {
      await b.close();
    }
  }
});

test('no page errors and no console errors during these tests', () => {
  expect(browser.pageErrors).toEqual([]);
  expect(browser.consoleErrors).toEqual([]);
});
