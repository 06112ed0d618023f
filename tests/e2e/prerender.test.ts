/**
 * Issue 4 in a browser: a prerendered article page reads without JavaScript, and with
 * JavaScript it hydrates on top without console errors or warnings (no mismatch, no flash).
 */
import { beforeAll, expect, test } from 'vitest';
import type { ConsoleMessage, Page } from 'playwright-core';
import { baseUrl, openBrowser, reactOwnsPage, readArticle, readIndex, type Browser } from './support/helpers';
import { seedCards, TITLE_000, type SeedCards } from './support/seeds';

let seeds: SeedCards;
beforeAll(() => {
  seeds = seedCards();
});

function collectConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (msg: ConsoleMessage) => {
    // Network failures are not the app's: the test browser aborts every third-party request
    // (hot-linked images), and an unknown path is meant to answer 404.
    if (msg.text().startsWith('Failed to load resource')) return;
    if (msg.type() === 'error' || msg.type() === 'warning') messages.push(`${msg.type()}: ${msg.text()}`);
  });
  return messages;
}

test('without JavaScript, article pages show their headline, body and related list', async () => {
  const browser: Browser = await openBrowser({ javaScriptEnabled: false });
  try {
    const page = await browser.newPage();
    const site = readIndex('seeds').site.name;
    // Every seed article with a page: 000 has related coverage, 001's body comes from 003.
    for (const slug of [seeds.c000.slug, seeds.c001.slug, seeds.c002.slug]) {
      const detail = readArticle('seeds', slug);
      const res = await page.goto(`${baseUrl('seeds')}/article/${slug}`, { waitUntil: 'domcontentloaded' });
      expect(res?.status()).toBe(200);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(detail.title);
      expect(await page.title()).toBe(`${detail.title} · ${site}`);
      const article = page.locator(`article[data-article="${slug}"]`);
      for (const block of detail.body.slice(0, 3)) {
        expect(await article.getByText(block.text.slice(0, 60), { exact: false }).count(), block.text).toBeGreaterThan(0);
      }
      const coverage = page.locator('section[aria-labelledby="related-coverage"]');
      if (detail.related.length === 0) continue;
      expect(await coverage.locator('h2').textContent()).toBe(`Related coverage (${detail.related.length})`);
      const related = await coverage.locator('li').allTextContents();
      expect(related.some((text) => text.includes(detail.related[0]!.title))).toBe(true);
    }
    expect(readArticle('seeds', seeds.c000.slug).related.length).toBeGreaterThan(0);
    expect(readArticle('seeds', seeds.c001.slug).body.length).toBeGreaterThan(0);
  } finally {
    await browser.close();
  }
});

test('with JavaScript, the article page hydrates without console errors or warnings', async () => {
  const browser: Browser = await openBrowser();
  try {
    const page = await browser.newPage();
    const messages = collectConsole(page);
    const requests: string[] = [];
    page.on('request', (req) => requests.push(new URL(req.url()).pathname));
    await page.goto(`${baseUrl('seeds')}/article/${seeds.c000.slug}`, { waitUntil: 'load' });
    const h1 = page.getByRole('heading', { level: 1 });
    expect(await h1.textContent()).toBe(TITLE_000);
    // Hydrated: React handles the theme button (its label changes on click).
    const theme = page.getByRole('button', { name: /^Theme:/ });
    await expect
      .poll(
        async () => {
          await theme.click();
          return theme.getAttribute('aria-label');
        },
        { timeout: 10_000 },
      )
      .not.toBe('Theme: System');
    await reactOwnsPage(page);
    expect(messages).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
    // One data request, the article's file, started by the head's preload and reused by the
    // app (an unused preload would be fetched twice and warn in the console); not the index.
    expect(requests.filter((p) => p.startsWith('/data/'))).toEqual([`/data/article/${seeds.c000.slug}.json`]);
  } finally {
    await browser.close();
  }
});

test('with JavaScript, the feed and a topic page hydrate without console errors; other URLs render afresh', async () => {
  const browser: Browser = await openBrowser();
  try {
    const page = await browser.newPage();
    const messages = collectConsole(page);
    for (const path of ['/', '/topic/ai', '/?sort=newest', '/no-such-page']) {
      await page.goto(`${baseUrl('seeds')}${path}`, { waitUntil: 'load' });
      await page.locator('main#main h1').first().waitFor({ timeout: 15_000 });
      await reactOwnsPage(page);
    }
    expect(messages).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  } finally {
    await browser.close();
  }
});
