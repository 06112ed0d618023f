/** Share: the Web Share API when present, else the clipboard with "Link copied"; Copy link. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, go, openBrowser, reactOwnsPage, readIndex, type Browser } from './support/helpers';
import { seedCards, TITLE_000, type SeedCards } from './support/seeds';

let browser: Browser;
let seeds: SeedCards;

beforeAll(async () => {
  seeds = seedCards();
  browser = await openBrowser();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl('seeds') });
});
afterAll(async () => {
  await browser?.close();
});

/** The shared URL is this page's URL, or the same path on the site's configured URL. */
function expectArticleUrl(copied: string, page: Page, slug: string): void {
  const acceptable = [page.url()];
  const siteUrl = readIndex('seeds').site.url;
  if (siteUrl) acceptable.push(new URL(`/article/${slug}`, siteUrl).href);
  expect(acceptable).toContain(copied);
  expect(new URL(copied).pathname).toBe(`/article/${slug}`);
}

async function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

async function openArticle(page: Page): Promise<void> {
  await go(page, 'seeds', `/article/${seeds.c000.slug}`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toBe(TITLE_000);
  // The heading is prerendered: the buttons work once the page is hydrated.
  await reactOwnsPage(page);
  await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
}

test('without the Web Share API, Share copies the article URL and says "Link copied"', async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    // Force the fallback whatever this Chromium supports.
    delete (Navigator.prototype as unknown as Record<string, unknown>).share;
    delete (Navigator.prototype as unknown as Record<string, unknown>).canShare;
  });
  await openArticle(page);
  expect(await page.evaluate(() => 'share' in navigator)).toBe(false);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const status = page.getByRole('status').filter({ hasText: 'Link copied' });
  await status.waitFor({ timeout: 5_000 });
  expectArticleUrl(await readClipboard(page), page, seeds.c000.slug);
  await page.close();
});

test('Copy link always copies the article URL', async () => {
  const page = await browser.newPage();
  await openArticle(page);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor({ timeout: 5_000 });
  expectArticleUrl(await readClipboard(page), page, seeds.c000.slug);
  await page.close();
});

test('with the Web Share API, Share hands it the article URL and title', async () => {
  const page = await browser.newPage();
  await page.addInitScript(() => {
    const calls: unknown[] = [];
    (window as unknown as { __shareCalls: unknown[] }).__shareCalls = calls;
    Object.defineProperty(Navigator.prototype, 'share', {
      configurable: true,
      value: async (data: unknown) => {
        calls.push(data);
      },
    });
    Object.defineProperty(Navigator.prototype, 'canShare', { configurable: true, value: () => true });
  });
  await openArticle(page);
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { __shareCalls: unknown[] }).__shareCalls.length)).toBe(1);
  const [call] = await page.evaluate(() => (window as unknown as { __shareCalls: Array<{ url?: string; title?: string }> }).__shareCalls);
  expectArticleUrl(call!.url!, page, seeds.c000.slug);
  expect(call!.title).toContain(TITLE_000);
  // The clipboard was not used.
  expect(await readClipboard(page)).toBe('nothing yet');
  await page.close();
});
