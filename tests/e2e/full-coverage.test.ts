/**
 * Issue 18 on the article page: the "Full coverage" section (its summary, timeline, table, the
 * story's other articles and related stories), checked against the emitted story data and the
 * seeds' known facts; keyboard use, 360 px and screenshots. Axe runs in axe.test.ts.
 */
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ArticleDetail } from '../../src/contract/article';
import type { CoverageItem, StoryDetail } from '../../src/contract/story';
import {
  baseUrl,
  browser,
  go,
  openBrowser,
  page,
  reactOwnsPage,
  readArticle,
  readData,
  screenshot,
  settled,
  SCREENSHOTS,
  useBrowserPage,
} from './support/helpers';
import { seedCards, TITLE_001, TITLE_002, type SeedCards } from './support/seeds';

useBrowserPage();

let seeds: SeedCards;
let a001: ArticleDetail;
let story: StoryDetail;

beforeAll(() => {
  seeds = seedCards();
  a001 = readArticle('seeds', seeds.c001.slug);
  story = readData<StoryDetail>('seeds', `data/story/${a001.story!.id}.json`);
});

const section = (p: Page = page) => p.locator('section#full-coverage');
const rows = (p: Page = page) => section(p).locator('table tbody tr');
const timeline = (p: Page = page) => section(p).locator('svg[role="img"]');

/** The cells of each row: time, outlet, headline, quality. */
async function cells(p: Page = page): Promise<{ time: string; outlet: string; headline: string; quality: string }[]> {
  return rows(p).evaluateAll((trs) =>
    trs.map((tr) => {
      const td = Array.from(tr.querySelectorAll('td'));
      // The outlet cell also holds the quality on narrow screens; its first text node is the name.
      return {
        time: td[0]?.querySelector('time')?.getAttribute('datetime') ?? '',
        outlet: td[1]?.firstChild?.textContent?.trim() ?? '',
        headline: td[2]?.querySelector('a, span')?.textContent?.replace(/\s*↗$/, '').trim() ?? '',
        quality: td[3]?.textContent?.trim() ?? '',
      };
    }),
  );
}

async function openStory(p: Page, slug: string, expectedRows: number): Promise<void> {
  await go(p, 'seeds', `/article/${slug}`);
  await expect.poll(() => rows(p).count(), { timeout: 15_000 }).toBe(expectedRows);
  await reactOwnsPage(p);
}

const title = (item: CoverageItem) => item.title.replace(/\s+/g, ' ').trim();

test("001 and 002 are one story; its data has the seeds' known numbers", () => {
  const a002 = readArticle('seeds', seeds.c002.slug);
  expect(a001.story).toMatchObject({ id: seeds.c001.slug, members: 2 });
  expect(a002.story?.id).toBe(seeds.c001.slug);
  expect(a001.published).toBe(false);
  expect(a002.published).toBe(false);
  expect(story.members.map((m) => m.slug).sort()).toEqual([seeds.c001.slug, seeds.c002.slug].sort());
  // Both members are unpublished: the story has no published summary, and their pages show all of it.
  expect(story.summary.published).toBeUndefined();
  const all = story.summary.all;
  expect(all.outlets).toBe(26);
  expect(all.items).toBe(story.coverage.length);
  const first = story.coverage[all.first!]!;
  const latest = story.coverage[all.latest!]!;
  expect(first.provider?.name).toBe('CNET');
  expect(first.title).toBe('Microsoft bans police from using its facial recognition software');
  expect(first.publishedAt).toBe('2020-06-11T17:28:00.000Z');
  expect(latest.provider?.name).toBe('Portland Press Herald');
  expect(latest.publishedAt).toBe('2020-06-16T01:18:00.000Z');
});

test("001's page: the summary, the first report, one table row per report and a mark per dated report", async () => {
  await openStory(page, seeds.c001.slug, story.summary.all.items);
  const region = page.getByRole('region', { name: 'Full coverage', exact: true });
  expect(await region.count()).toBe(1);
  const text = (await section().innerText()).replace(/\s+/g, ' ');
  expect(text).toContain('26 outlets over 4 days');
  expect(text).toContain('first: CNET, June 11, 2020, 17:28 UTC');
  expect(text).toContain(`${story.coverage.length} reports`);
  expect(text).toContain('groups 2 articles on this site');
  expect(text).not.toContain('Loading coverage');

  // The table is the story's coverage in its order (oldest first).
  const shown = await cells();
  expect(shown.map((r) => r.headline)).toEqual(story.coverage.map(title));
  expect(shown[0]).toMatchObject({ outlet: 'CNET', time: '2020-06-11T17:28:00.000Z' });
  expect(await section().locator('table caption').innerText()).toBe('Coverage by time');

  // The timeline: a mark per dated report, the first one and this article's highlighted.
  const svg = timeline();
  expect(await svg.count()).toBe(1);
  const dated = story.coverage.filter((c) => c.publishedAt).length;
  expect(await svg.locator('[data-mark]').count()).toBe(dated);
  expect(await svg.locator('[data-mark="first"]').count()).toBe(1);
  expect(await svg.locator('[data-mark="own"]').count()).toBe(1);
  const label = (await svg.getAttribute('aria-label')) ?? '';
  expect(label).toContain(`${dated} reports from June 11, 2020, 17:28 UTC to June 16, 2020, 01:18 UTC`);
  expect(label).toContain('First report: CNET');
  // Day ticks for a span of days.
  expect(await svg.locator('text').allTextContents()).toEqual(expect.arrayContaining(['Jun 12', 'Jun 13']));
  const legend = await section().getByRole('listitem').allInnerTexts();
  expect(legend).toEqual(expect.arrayContaining(['Report', 'First report', 'This article']));

  // Links: corpus articles in-app, the rest to the outlet in a new tab, never a non-http(s) URL.
  const links = await section()
    .locator('table a')
    .evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href') ?? '', target: a.getAttribute('target'), rel: a.getAttribute('rel') })));
  expect(links.length).toBeGreaterThan(30);
  for (const link of links) {
    if (link.href.startsWith('/')) expect(link.target).toBeNull();
    else {
      expect(link.href).toMatch(/^https?:\/\//);
      expect(link).toMatchObject({ target: '_blank', rel: 'noopener noreferrer' });
    }
  }
  expect(links.some((l) => l.href === `/article/${seeds.c002.slug}`)).toBe(true);
});

test('sorting by quality orders the rows by quality, best first; Time restores the story order', async () => {
  await openStory(page, seeds.c001.slug, story.coverage.length);
  const byTime = section().getByRole('button', { name: 'Time', exact: true });
  const byQuality = section().getByRole('button', { name: 'Quality', exact: true });
  expect(await byTime.getAttribute('aria-pressed')).toBe('true');
  expect(await byQuality.getAttribute('aria-pressed')).toBe('false');
  await byQuality.click();
  await expect.poll(() => byQuality.getAttribute('aria-pressed')).toBe('true');
  expect(await byTime.getAttribute('aria-pressed')).toBe('false');
  const shown = await cells();
  const qualities = shown.map((r) => Number(r.quality));
  expect(qualities).toEqual([...qualities].sort((a, b) => b - a));
  // Ties keep the story's order: the same as a stable sort of the data.
  const expected = [...story.coverage].sort((a, b) => (b.quality ?? -1) - (a.quality ?? -1)).map(title);
  expect(shown.map((r) => r.headline)).toEqual(expected);
  expect(await section().locator('table caption').innerText()).toBe('Coverage by quality');
  await byTime.click();
  await expect.poll(async () => (await cells()).map((r) => r.headline)).toEqual(story.coverage.map(title));
});

test('filtering by an outlet leaves only its rows; "All outlets" brings them back', async () => {
  await openStory(page, seeds.c001.slug, story.coverage.length);
  const outlet = section().getByLabel('Outlet', { exact: true });
  const options = await outlet.locator('option').allInnerTexts();
  expect(options[0]).toBe(`All outlets (${story.coverage.length})`);
  // One option per outlet, as the story counts them (26).
  expect(options.length - 1).toBe(story.summary.all.outlets);
  const forbes = story.coverage.filter((c) => c.provider?.name === 'Forbes');
  expect(forbes.length).toBe(3);
  await outlet.selectOption({ label: `Forbes (${forbes.length})` });
  await expect.poll(() => rows().count()).toBe(forbes.length);
  const shown = await cells();
  expect(shown.map((r) => r.outlet)).toEqual(forbes.map(() => 'Forbes'));
  expect(shown.map((r) => r.headline)).toEqual(forbes.map(title));
  expect(await section().innerText()).toContain(`Showing 3 reports of ${story.coverage.length}.`);
  await outlet.selectOption({ label: `All outlets (${story.coverage.length})` });
  await expect.poll(() => rows().count()).toBe(story.coverage.length);
});

test('"In this story": 002 on 001\'s page and 001 on 002\'s, linked in-app, with their badge and why they belong', async () => {
  await openStory(page, seeds.c001.slug, story.coverage.length);
  const members = section().getByRole('list', { name: 'In this story', exact: true });
  const items = members.getByRole('listitem');
  expect(await items.count()).toBe(1);
  const link = items.getByRole('link', { name: TITLE_002, exact: true });
  expect(await link.getAttribute('href')).toBe(`/article/${seeds.c002.slug}`);
  const text = (await items.innerText()).replace(/\s+/g, ' ');
  expect(text).toContain('Fast Company');
  expect(text).toContain('Unpublished');
  // 001's related coverage lists 002.
  expect(text).toContain('Cited by this article');

  await link.click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toBe(TITLE_002);
  await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(story.coverage.length);
  const back = section().getByRole('list', { name: 'In this story', exact: true }).getByRole('listitem');
  expect(await back.count()).toBe(1);
  expect(await back.getByRole('link', { name: TITLE_001, exact: true }).getAttribute('href')).toBe(`/article/${seeds.c001.slug}`);
  expect(await back.innerText()).toContain('Cites this article');
  // The same story: the same numbers on either member's page.
  expect((await section().innerText()).replace(/\s+/g, ' ')).toContain('26 outlets over 4 days · first: CNET, June 11, 2020, 17:28 UTC');
});

test("000's page (published, alone in its story): 5 outlets, 5 rows, made from its own data without a story file", async () => {
  const a000 = readArticle('seeds', seeds.c000.slug);
  expect(a000.published).toBe(true);
  expect(a000.story).toBeUndefined();
  expect(a000.related.length).toBe(4);
  const requests: string[] = [];
  const listen = (req: { url(): string }) => requests.push(new URL(req.url()).pathname);
  page.on('request', listen);
  try {
    await openStory(page, seeds.c000.slug, 5);
  } finally {
    page.off('request', listen);
  }
  expect(requests.filter((p) => p.startsWith('/data/story/'))).toEqual([]);
  const text = (await section().innerText()).replace(/\s+/g, ' ');
  expect(text).toContain('5 outlets over 23 hours');
  expect(text).toContain('first: Business Insider, July 14, 2020, 12:51 UTC');
  expect(text).not.toContain('In this story');
  expect(await timeline().locator('[data-mark]').count()).toBe(5);
  // Hours ticks for a span of hours.
  expect(await timeline().locator('text').allTextContents()).toEqual(expect.arrayContaining(['Jul 15']));
  const own = (await cells()).find((r) => r.headline === a000.title);
  expect(own?.outlet).toBe('The Intercept');
});

test("000's and 001's sections are in their prerendered pages (before any script runs)", async () => {
  const noJs = await openBrowser({ javaScriptEnabled: false });
  try {
    const p = await noJs.newPage();
    await p.goto(`${baseUrl('seeds')}/article/${seeds.c000.slug}`, { waitUntil: 'domcontentloaded' });
    expect(await rows(p).count()).toBe(5);
    expect(await timeline(p).count()).toBe(1);
    // A story of more than one article is in its members' pages too, from its story file.
    await p.goto(`${baseUrl('seeds')}/article/${seeds.c001.slug}`, { waitUntil: 'domcontentloaded' });
    expect(await section(p).innerText()).not.toContain('Loading coverage…');
    expect((await section(p).innerText()).replace(/\s+/g, ' ')).toContain('26 outlets over 4 days · first: CNET, June 11, 2020, 17:28 UTC');
    expect(await rows(p).count()).toBe(story.coverage.length);
    expect(await timeline(p).count()).toBe(1);
  } finally {
    await noJs.close();
  }
});

test('opened in the app, a page says so while its story file loads; when it fails, Retry loads it', async () => {
  let fail = true;
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/data/story/**', async (route) => {
    await held;
    if (fail) await route.abort();
    else await route.continue();
  });
  try {
    // A prerendered page has its story before it hydrates: reach 001 from the feed instead.
    await go(page, 'seeds', '/?unpublished=1');
    await reactOwnsPage(page);
    await page.locator(`article[data-slug="${seeds.c001.slug}"] h2 a`).click();
    await expect.poll(() => section().getByRole('status').innerText(), { timeout: 15_000 }).toBe('Loading coverage…');
    expect(await rows().count()).toBe(0);
    release();
    const retry = section().getByRole('button', { name: 'Retry' });
    // The query retries once before it gives up (see query-client.ts).
    await retry.waitFor({ timeout: 15_000 });
    expect(await section().getByRole('alert').innerText()).toContain('could not be loaded');
    fail = false;
    await retry.click();
    await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(story.coverage.length);
  } finally {
    await page.unroute('**/data/story/**');
  }
});

test("004's page (no date, outlet or related coverage): a short line, no timeline, no table", async () => {
  await go(page, 'seeds', `/article/${seeds.c004.slug}`);
  await expect.poll(() => section().innerText(), { timeout: 15_000 }).toContain('Only this report so far.');
  await reactOwnsPage(page);
  expect(await timeline().count()).toBe(0);
  expect(await section().locator('table').count()).toBe(0);
  expect(await section().getByRole('button').count()).toBe(0);
});

test('/article/<slug>#full-coverage opens the page at its story', async () => {
  await go(page, 'seeds', `/article/${seeds.c001.slug}#full-coverage`);
  await expect.poll(() => rows().count(), { timeout: 15_000 }).toBe(story.coverage.length);
  expect(await page.locator('[id="full-coverage"]').count()).toBe(1);
  // The section's top is on screen (below the sticky header), not the page's top.
  await expect
    .poll(() => section().evaluate((el) => ({ top: Math.round(el.getBoundingClientRect().top), scrolled: window.scrollY > 0 })))
    .toMatchObject({ scrolled: true });
  const top = await section().evaluate((el) => el.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(0);
  expect(top).toBeLessThan(200);
});

test('keyboard: Tab reaches the sort buttons and the outlet filter, which Enter, Space and arrows operate', async () => {
  await openStory(page, seeds.c001.slug, story.coverage.length);
  // From the article's last control ("Copy link"), Tab passes the section's links (its other
  // articles, related stories) and reaches the table's controls.
  await page.getByRole('button', { name: 'Copy link' }).focus();
  const focused = () => page.evaluate(() => `${document.activeElement?.tagName.toLowerCase()}:${document.activeElement?.textContent?.trim().slice(0, 20)}`);
  const passed: string[] = [];
  for (let i = 0; i < 10 && (await focused()) !== 'button:Time'; i++) {
    await page.keyboard.press('Tab');
    passed.push(await focused());
  }
  expect(passed).toEqual([`a:${TITLE_002.slice(0, 20)}`, 'button:Time']);
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('button:Quality');
  await page.keyboard.press('Enter');
  const byQuality = section().getByRole('button', { name: 'Quality', exact: true });
  await expect.poll(() => byQuality.getAttribute('aria-pressed')).toBe('true');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Space');
  await expect.poll(() => section().getByRole('button', { name: 'Time', exact: true }).getAttribute('aria-pressed')).toBe('true');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await focused()).toMatch(/^select:/);
  // The first outlet by name; arrows change a closed select's choice.
  await page.keyboard.press('ArrowDown');
  const outlet = section().getByLabel('Outlet', { exact: true });
  const chosen = (await outlet.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent)) ?? '';
  const match = /^(.*) \((\d+)\)$/.exec(chosen);
  expect(match, chosen).not.toBeNull();
  expect(match![1]).not.toBe('All outlets');
  await expect.poll(() => rows().count()).toBe(Number(match![2]));
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => rows().count()).toBe(story.coverage.length);
});

async function noHorizontalScroll(p: Page): Promise<void> {
  const width = await p.evaluate(() => document.scrollingElement!.scrollWidth);
  expect(width).toBeLessThanOrEqual(360);
}

test('360 px: the section fits without horizontal scrolling; desktop, dark and phone screenshots', async () => {
  const phone = await openBrowser({ viewport: { width: 360, height: 780 } });
  const dark = await openBrowser({ colorScheme: 'dark' });
  try {
    const p = await phone.newPage();
    await openStory(p, seeds.c001.slug, story.coverage.length);
    await noHorizontalScroll(p);
    // The quality column gives way under sm; each row says its quality under the outlet instead.
    expect(await section(p).locator('th', { hasText: 'Quality' }).isVisible()).toBe(false);
    const svgBox = await timeline(p).boundingBox();
    expect(svgBox!.x + svgBox!.width).toBeLessThanOrEqual(360);
    await shoot(p, 'full-coverage-phone');
    await section(p).getByLabel('Outlet', { exact: true }).selectOption({ label: 'Forbes (3)' });
    await noHorizontalScroll(p);
    await openStory(p, seeds.c000.slug, 5);
    await noHorizontalScroll(p);
    await shoot(p, 'full-coverage-phone-000');
    await p.close();

    await openStory(page, seeds.c001.slug, story.coverage.length);
    await shoot(page, 'full-coverage-desktop');
    await openStory(page, seeds.c000.slug, 5);
    await shoot(page, 'full-coverage-desktop-000');

    const d = await dark.newPage();
    await openStory(d, seeds.c001.slug, story.coverage.length);
    expect(await d.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(true);
    await shoot(d, 'full-coverage-dark');
    await d.close();
    expect([...phone.pageErrors, ...dark.pageErrors, ...phone.consoleErrors, ...dark.consoleErrors]).toEqual([]);
  } finally {
    await phone.close();
    await dark.close();
  }
});

/**
 * The section alone (the whole of it, and its first screenful) and the page as a whole. Cut from
 * a full-page capture, where the sticky header is at the top of the page and not over the section.
 */
async function shoot(p: Page, name: string): Promise<void> {
  await settled(p);
  const box = await section(p).evaluate((el) => {
    const r = el.getBoundingClientRect();
    return {
      x: Math.max(0, r.left + scrollX - 8),
      y: r.top + scrollY - 8,
      width: Math.min(r.width + 16, document.documentElement.clientWidth),
      height: r.height + 16,
    };
  });
  await p.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true, clip: box });
  await p.screenshot({ path: `${SCREENSHOTS}/${name}-top.png`, fullPage: true, clip: { ...box, height: Math.min(box.height, 900) } });
  await screenshot(p, `${name}-page`);
}

test('no errors in the console or the page on these pages', () => {
  expect(browser.consoleErrors).toEqual([]);
  expect(browser.pageErrors).toEqual([]);
});
