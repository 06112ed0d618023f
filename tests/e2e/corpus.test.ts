/** The real Smartable corpus: paging with Load more, and a video article's click-to-load embed. */
import { beforeAll, expect, test } from 'vitest';
import { PAGE_SIZE } from '../../src/contract/feed';
import type { ArticleCard, ArticleDetail } from '../../src/contract/article';
import { articleList, feedSlugs, go, page, pathAndQuery, readArticle, readCards, readIndex, sorted, useBrowserPage } from './support/helpers';

useBrowserPage();

let published: ArticleCard[];
let expectedOrder: string[];

beforeAll(async () => {
  published = readCards('corpus', 'published');
  expectedOrder = sorted(published, 'heat');
});

/** Whether the card holds an element whose accessible text (aria-hidden parts removed) is `label`. */
async function hasLabel(slug: string, label: string): Promise<boolean> {
  return page.locator(`article[data-slug="${slug}"]`).evaluate((article, wanted) => {
    for (const el of Array.from(article.querySelectorAll('*'))) {
      if (el.closest('[aria-hidden="true"]')) continue;
      const clone = el.cloneNode(true) as Element;
      clone.querySelectorAll('[aria-hidden="true"]').forEach((h) => h.remove());
      if ((clone.textContent ?? '').replace(/\s+/g, ' ').trim() === wanted) return true;
    }
    return false;
  }, label);
}

async function renderedSlugs(): Promise<string[]> {
  return articleList(page)
    .locator('article[data-slug]')
    .evaluateAll((els) => els.map((el) => el.getAttribute('data-slug') ?? ''));
}

/** Scrolls the feed by `step` pixels at a time until the card of `slug` is on the page. */
async function scrollUntilShown(slug: string, step: number): Promise<void> {
  await expect
    .poll(
      async () => {
        await page.mouse.wheel(0, step);
        return page.locator(`article[data-slug="${slug}"]`).count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
}

test('the corpus builds to more than two pages of published articles', () => {
  const index = readIndex('corpus');
  expect(index.pageSize).toBe(PAGE_SIZE);
  expect(index.totals.published).toBe(published.length);
  expect(published.length).toBeGreaterThan(2 * PAGE_SIZE);
  expect(index.firstPage.items.map((c) => c.slug)).toEqual(expectedOrder.slice(0, PAGE_SIZE));
});

test('the feed shows 25 cards; Load more raises pages= and shows the next ones in order', async () => {
  await go(page, 'corpus', '/');
  await feedSlugs(page, PAGE_SIZE);
  expect(await renderedSlugs()).toEqual(expectedOrder.slice(0, PAGE_SIZE));
  const more = page.getByRole('button', { name: 'Load more' });
  await more.waitFor({ timeout: 10_000 });
  expect(await more.count()).toBe(1);

  await more.click();
  await expect.poll(() => new URL(page.url()).searchParams.get('pages')).toBe('2');
  await expect.poll(async () => (await renderedSlugs()).length, { timeout: 15_000 }).toBeGreaterThan(PAGE_SIZE);
  // A virtualised list may render only a window of the cards: they are still the right ones.
  const shown = await renderedSlugs();
  const start = expectedOrder.indexOf(shown[0]!);
  expect(start).toBeGreaterThanOrEqual(0);
  expect(shown).toEqual(expectedOrder.slice(start, start + shown.length));
  // The 50th card is reachable by scrolling.
  const last = expectedOrder[2 * PAGE_SIZE - 1]!;
  await scrollUntilShown(last, 4000);

  // A reload of ?pages=2 reproduces the depth.
  await page.reload({ waitUntil: 'domcontentloaded' });
  await expect.poll(async () => (await renderedSlugs()).length, { timeout: 15_000 }).toBeGreaterThan(PAGE_SIZE);
  expect(pathAndQuery(page)).toBe('/?pages=2');
});

test('Load more disappears on the last page', async () => {
  const pageCount = Math.ceil(published.length / PAGE_SIZE);
  await go(page, 'corpus', `/?pages=${pageCount}`);
  await feedSlugs(page, 1);
  const lastSlug = expectedOrder[expectedOrder.length - 1]!;
  await scrollUntilShown(lastSlug, 8000);
  expect(await page.getByRole('button', { name: 'Load more' }).count()).toBe(0);
});

test('a video article shows "Play video"; clicking swaps in a sandboxed youtube-nocookie iframe', async () => {
  const all = [...published, ...readCards('corpus', 'unpublished')];
  let video: ArticleDetail | undefined;
  for (const c of all.filter((x) => x.type === 'video')) {
    const d = readArticle('corpus', c.slug);
    if (d.embed?.provider === 'youtube') {
      video = d;
      break;
    }
  }
  expect(video, 'a video article with a YouTube embed in the corpus').toBeDefined();
  await go(page, 'corpus', `/article/${video!.slug}`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toBe(video!.title);
  expect(await page.locator('iframe').count()).toBe(0);
  const play = page.getByRole('button', { name: 'Play video' });
  await play.waitFor({ timeout: 10_000 });
  expect(await play.count()).toBe(1);
  await play.click();
  const iframe = page.locator('iframe');
  await iframe.first().waitFor({ state: 'attached', timeout: 5_000 });
  expect(await iframe.count()).toBe(1);
  const src = (await iframe.getAttribute('src'))!;
  expect(src.startsWith(`https://www.youtube-nocookie.com/embed/${video!.embed!.id}`)).toBe(true);
  expect(await iframe.getAttribute('sandbox')).not.toBeNull();
  expect(await iframe.getAttribute('title')).toBeTruthy();
});

test('video cards in the feed carry the "Video" marker', async () => {
  await go(page, 'corpus', '/');
  await feedSlugs(page, PAGE_SIZE);
  const videos = published.filter((c) => c.type === 'video' && expectedOrder.slice(0, PAGE_SIZE).includes(c.slug));
  const others = published.filter((c) => c.type !== 'video' && expectedOrder.slice(0, PAGE_SIZE).includes(c.slug));
  expect(videos.length + others.length).toBe(PAGE_SIZE);
  expect(videos.length).toBeGreaterThan(0);
  for (const v of videos) expect(await hasLabel(v.slug, 'Video'), v.title).toBe(true);
  for (const o of others) expect(await hasLabel(o.slug, 'Video'), o.title).toBe(false);
});
