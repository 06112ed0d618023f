/**
 * Issue 18's unpublished rule on a story of a published and an unpublished article
 * (tests/fixtures/mixed-story): A (published, Wheels Daily, heat 50) and B (unpublished, Gadget
 * Desk, heat 90, lists A), and C, a story of its own. Numbers read off the fixture by hand:
 * - published scope: A alone: Wheels Daily, Alpha Wire (03-02 07:30, the first report) and Beta
 *   Post (03-02 12:15): 3 outlets over 4.75 hours, "over 5 hours".
 * - all: B leads (heat 90); A's three reports, B's own and its Gamma Times and Delta Review items
 *   (A, which B lists, counted once): 6 outlets from 03-02 07:30 to 03-04 08:20, "over 2 days".
 * Nothing of B (its headline, its outlets) shows where unpublished articles are hidden.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { baseUrl, go, openBrowser, page, reactOwnsPage, useBrowserPage } from './support/helpers';

useBrowserPage();

const A = 'acme-recalls-x1-electric-scooters-over-battery-fires-4f1486';
const B = 'acme-expands-x1-electric-scooter-recall-over-battery-fires-0e1104';
const C = 'city-council-approves-new-protected-bike-lanes-downtown-35fe55';
const TITLE_A = 'Acme recalls X1 electric scooters over battery fires';
const TITLE_B = 'Acme expands X1 electric scooter recall over battery fires';
const TITLE_C = 'City council approves new protected bike lanes downtown';
/** What only B brings: its headline, its outlet and its related items' outlets and headlines. */
const ONLY_B = [TITLE_B, 'Gadget Desk', 'Gamma Times', 'Delta Review', 'Regulators open inquiry'];

const storyCards = (p: Page) => p.getByRole('list', { name: 'Stories', exact: true }).locator('article[data-story]');
const section = (p: Page) => p.locator('section#full-coverage');
const oneLine = (text: string) => text.replace(/\s+/g, ' ');

async function openStories(path: string): Promise<void> {
  await go(page, 'mixed', path);
  await reactOwnsPage(page);
  await storyCards(page).first().waitFor({ timeout: 15_000 });
}

function expectNothingOfB(text: string): void {
  for (const part of ONLY_B) expect(text).not.toContain(part);
}

test('default Stories view: the mixed story counts its published member only, and nothing of the unpublished one shows', async () => {
  await openStories('/?view=stories');
  expect(await storyCards(page).locator('h2').allInnerTexts()).toEqual([TITLE_A, TITLE_C]);
  const card = oneLine(await storyCards(page).first().innerText());
  expect(card).toContain('3 outlets over 5 hours · first: Alpha Wire, March 2, 2021');
  expect(card).not.toContain('2 articles');
  expect(card).not.toContain('Unpublished');
  const other = storyCards(page).nth(1);
  expect(await other.innerText()).toContain('Only this report so far');
  expect(await other.locator('h2 a').getAttribute('href')).toBe(`/article/${C}`);
  // Expanded, it lists the published member's coverage only.
  await storyCards(page).first().getByRole('button', { name: 'Show headlines' }).click();
  await expect.poll(async () => storyCards(page).first().innerText(), { timeout: 15_000 }).toContain('X1 scooter owners told to stop charging them');
  expectNothingOfB(await page.locator('main').innerText());
});

test('with unpublished shown, the story has both members and the unpublished one leads it', async () => {
  await openStories('/?view=stories&unpublished=1');
  expect(await storyCards(page).locator('h2').allInnerTexts()).toEqual([TITLE_B, TITLE_C]);
  const card = oneLine(await storyCards(page).first().innerText());
  expect(card).toContain('6 outlets over 2 days · first: Alpha Wire, March 2, 2021');
  expect(card).toContain('2 articles');
  expect(card).toContain('Unpublished');
});

/** Opens an article's page and waits for its Full coverage summary; answers how many reports its table has. */
async function openCoverage(slug: string, summary: string): Promise<number> {
  await go(page, 'mixed', `/article/${slug}`);
  await reactOwnsPage(page);
  await expect.poll(async () => oneLine(await section(page).innerText()), { timeout: 15_000 }).toContain(summary);
  return section(page).locator('table tbody tr').count();
}

test("the published member's page shows its own coverage only; the unpublished member's shows the whole story", async () => {
  expect(await openCoverage(A, '3 outlets over 5 hours · first: Alpha Wire, March 2, 2021, 07:30 UTC')).toBe(3);
  expect(
    await section(page)
      .getByRole('heading', { name: /In this story/ })
      .count(),
  ).toBe(0);
  expectNothingOfB(await page.locator('main').innerText());

  expect(await openCoverage(B, '6 outlets over 2 days · first: Alpha Wire, March 2, 2021, 07:30 UTC')).toBe(6);
  expect(await section(page).locator(`a[href="/article/${A}"]`).count()).toBeGreaterThan(0);
});

test("the published member's prerendered page (no script) leaves the unpublished member out too", async () => {
  const noJs = await openBrowser({ javaScriptEnabled: false });
  try {
    const p = await noJs.newPage();
    await p.goto(`${baseUrl('mixed')}/article/${A}`, { waitUntil: 'domcontentloaded' });
    expect(oneLine(await section(p).innerText())).toContain('3 outlets over 5 hours · first: Alpha Wire, March 2, 2021, 07:30 UTC');
    expect(await section(p).locator('table tbody tr').count()).toBe(3);
    expectNothingOfB(await p.locator('main').innerText());
  } finally {
    await noJs.close();
  }
});

test('the stories feed has the mixed story by its published member, and nothing of the unpublished one', async () => {
  const res = await fetch(`${baseUrl('mixed')}/stories/feed.xml`);
  expect(res.status).toBe(200);
  const xml = await res.text();
  const titles = [...xml.matchAll(/<entry>\s*<title>([^<]*)<\/title>/g)].map((m) => m[1]);
  expect(titles).toEqual([TITLE_A, TITLE_C]);
  expect(xml).toContain('<summary type="text">3 outlets over 5 hours · first: Alpha Wire, March 2, 2021, 07:30 UTC · More: Beta Post</summary>');
  expectNothingOfB(xml);
  expect(xml).not.toContain(B);
});
