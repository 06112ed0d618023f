/** The stories view (`?view=stories`): one card per story, More: expanding in place, sorts and the unpublished rule. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { StoryIndex, StoryPage } from '../../src/contract/story';
import { browser, go, page, pathAndQuery, reactOwnsPage, readData, runAxe, screenshot, useBrowserPage } from './support/helpers';
import { seedCards, type SeedCards } from './support/seeds';

useBrowserPage();

let seeds: SeedCards;
beforeAll(() => {
  seeds = seedCards();
});

const storyCards = (p: Page) => p.getByRole('list', { name: 'Stories', exact: true }).locator('article[data-story]');
const headlines = (p: Page) => storyCards(p).locator('h2').allInnerTexts();

async function open(path: string): Promise<void> {
  await go(page, 'seeds', path);
  await reactOwnsPage(page);
  await storyCards(page).first().waitFor({ timeout: 15_000 });
}

test('the switch goes from articles to stories and back, keeping the topic; each card is an article whose h2 is the lead headline', async () => {
  await go(page, 'seeds', '/');
  await reactOwnsPage(page);
  await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Stories' }).click();
  await expect.poll(() => pathAndQuery(page)).toBe('/?view=stories');
  await storyCards(page).first().waitFor();
  // Published only: 000 (5 outlets) and 004; the story of the unpublished 001 and 002 is hidden.
  expect(await headlines(page)).toEqual([seeds.c000.title, seeds.c004.title]);
  const text = await page.locator('main').innerText();
  expect(text).not.toContain(seeds.c001.title);
  expect(text).not.toContain('26 outlets');
  expect(await storyCards(page).first().innerText()).toContain('5 outlets');
  expect(await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Stories' }).getAttribute('aria-current')).toBe('page');
  await page.getByRole('navigation', { name: 'View' }).getByRole('link', { name: 'Articles' }).click();
  await expect.poll(() => pathAndQuery(page)).toBe('/');
});

test('with unpublished shown, the story of 001 and 002 leads by outlets: 26 outlets, first CNET on June 11, 2020', async () => {
  await open('/?view=stories&unpublished=1&sort=outlets');
  expect((await headlines(page))[0]).toBe(seeds.c001.title);
  const first = await storyCards(page).first().innerText();
  expect(first).toContain('26 outlets over 4 days');
  expect(first).toContain('first: CNET, June 11, 2020');
  expect(first).toContain('2 articles');
  expect(first).toContain('Unpublished');
  expect(await storyCards(page).first().locator('time[datetime="2020-06-11T17:28:00.000Z"]').getAttribute('title')).toBe('June 11, 2020 at 5:28 PM UTC');
  // The data says so too, and the index counts it in the unpublished scope.
  const index = readData<StoryIndex>('seeds', 'data/stories/index.json');
  expect(index.totals).toEqual({ published: 2, unpublished: 1, mixed: 0 });
  const listed = readData<StoryPage>('seeds', 'data/stories/unpublished/all/outlets/1.json').items[0]!;
  expect(listed.outlets).toBe(26);
});

test('"Show headlines" expands in place (keyboard too): other outlets\' headlines and a link to the full coverage', async () => {
  await open('/?view=stories&unpublished=1&sort=outlets');
  const card = storyCards(page).first();
  const button = card.getByRole('button', { name: 'Show headlines' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => card.getByRole('button', { name: 'Hide headlines' }).getAttribute('aria-expanded')).toBe('true');
  await card.getByRole('link', { name: /^Full coverage: 34 reports$/ }).waitFor();
  const items = await card.locator('ul li').allInnerTexts();
  expect(items.length).toBe(8);
  expect(items[0]).toContain('CNET');
  expect(pathAndQuery(page)).toBe('/?view=stories&unpublished=1&sort=outlets');
  const href = await card.getByRole('link', { name: /^Full coverage/ }).getAttribute('href');
  expect(href).toBe(`/article/${seeds.c001.slug}#full-coverage`);
  for (const link of await card.locator('ul a[target="_blank"]').all()) {
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
  }
  await page.keyboard.press('Enter');
  await expect.poll(() => card.getByRole('button', { name: 'Show headlines' }).getAttribute('aria-expanded')).toBe('false');
});

test('a topic filter and the sorts apply to stories; outlets is offered only there', async () => {
  await open('/topic/microsoft-ai?view=stories');
  expect(await headlines(page)).toEqual([seeds.c000.title]);
  await open('/?view=stories&sort=newest');
  expect(await headlines(page)).toEqual([seeds.c000.title, seeds.c004.title]);
  const sorts = await page.getByRole('navigation', { name: 'Sort by' }).getByRole('link').allInnerTexts();
  expect(sorts).toEqual(['Heat', 'Quality', 'Newest', 'Outlets']);
  await go(page, 'seeds', '/?sort=outlets');
  await reactOwnsPage(page);
  expect(await page.getByRole('navigation', { name: 'Sort by' }).getByRole('link').allInnerTexts()).toEqual(['Heat', 'Quality', 'Newest']);
});

test('zero axe violations, light and dark, expanded; 360 px without horizontal scrolling; screenshots', async () => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await open('/?view=stories&unpublished=1');
    await storyCards(page).first().getByRole('button', { name: 'Show headlines' }).click();
    await storyCards(page)
      .first()
      .getByRole('link', { name: /^Full coverage/ })
      .waitFor();
    expect(await runAxe(page), scheme).toEqual([]);
    await screenshot(page, `stories-${scheme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  const narrow = await browser.context.newPage();
  await narrow.setViewportSize({ width: 360, height: 800 });
  await go(narrow, 'seeds', '/?view=stories&unpublished=1');
  await storyCards(narrow).first().waitFor();
  expect(await narrow.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(360);
  await screenshot(narrow, 'stories-360');
  await narrow.close();
});

afterAll(() => {
  expect(browser.pageErrors).toEqual([]);
  expect(browser.consoleErrors).toEqual([]);
});
