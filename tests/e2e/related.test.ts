/** 001's related-coverage panel: 31 sources, best 5 first, show all, in-app link to 002. */
import { beforeAll, expect, test } from 'vitest';
import type { ArticleDetail } from '../../src/contract/article';
import { browser, card, expectFeed, go, page, pathAndQuery, readArticle, screenshot, sorted, useBrowserPage } from './support/helpers';
import { frontMatterSeeds, seedCards, TITLE_001, TITLE_002, type SeedCards } from './support/seeds';

useBrowserPage();

let seeds: SeedCards;
let detail001: ArticleDetail;

beforeAll(async () => {
  seeds = seedCards();
  detail001 = readArticle('seeds', seeds.c001.slug);
});

test('the data: 001 lists 32 related items, 31 unique, one of them 002 (Fast Company)', () => {
  const facts = frontMatterSeeds().find((s) => s.title === TITLE_001)!;
  expect(facts.relatedTitles).toHaveLength(32);
  expect(detail001.related).toHaveLength(31);
  expect(seeds.c001.relatedCount).toBe(31);
  const inApp = detail001.related.filter((r) => r.slug);
  expect(inApp.map((r) => [r.slug, r.provider.name, r.title])).toEqual([[seeds.c002.slug, 'Fast Company', TITLE_002]]);
});

test("expanding 001's panel: 31 more sources, best 5 first, then all 31; the Fast Company item opens 002 in-app", async () => {
  await go(page, 'seeds', '/?unpublished=1');
  await expectFeed(page, sorted(seeds.fromSeeds, 'heat'));
  const c001 = card(page, seeds.c001.slug);
  const toggle = c001.getByRole('button', { name: '31 more sources', exact: true });
  expect(await toggle.count()).toBe(1);
  expect(await toggle.getAttribute('aria-expanded')).toBe('false');
  const controls = await toggle.getAttribute('aria-controls');
  expect(controls).toBeTruthy();

  await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('true');
  const panel = page.locator(`[id="${controls}"]`);
  await panel.waitFor({ state: 'visible' });
  // Best five first, in the data's order (quality, then date).
  const items = panel.getByRole('listitem');
  await expect.poll(() => items.count()).toBe(5);
  const shownText = (await panel.innerText()).replace(/\s+/g, ' ');
  for (const r of detail001.related.slice(0, 5)) expect(shownText).toContain(r.title.replace(/\s+/g, ' '));
  expect(shownText).not.toContain(TITLE_002);
  await screenshot(page, 'feed-expanded-panel-best5');

  await panel
    .getByRole('button', { name: 'Show all 31 sources', exact: true })
    .or(page.getByRole('button', { name: 'Show all 31 sources', exact: true }))
    .first()
    .click();
  await expect.poll(() => items.count()).toBe(31);
  await screenshot(page, 'feed-expanded-panel');

  // Every outlet link opens a new tab without opener or referrer; corpus articles link in-app.
  const links = await panel.locator('a[href]').evaluateAll((els) =>
    els.map((a) => ({
      href: a.getAttribute('href') ?? '',
      target: a.getAttribute('target'),
      rel: a.getAttribute('rel') ?? '',
      text: (a.textContent ?? '').trim(),
    })),
  );
  const external = links.filter((l) => !l.href.startsWith('/'));
  const internal = links.filter((l) => l.href.startsWith('/'));
  expect(internal.map((l) => l.href)).toEqual([`/article/${seeds.c002.slug}`]);
  expect(external.length).toBeGreaterThanOrEqual(30);
  const relatedUrls = new Set(detail001.related.map((r) => r.url));
  for (const l of external) {
    expect(l.target, l.href).toBe('_blank');
    expect(l.rel.split(/\s+/), l.href).toEqual(expect.arrayContaining(['noopener', 'noreferrer']));
    expect(relatedUrls.has(l.href), `${l.href} is one of 001's related URLs`).toBe(true);
  }
  // Each of the 30 outlet stories is linked.
  for (const r of detail001.related.filter((x) => !x.slug))
    expect(
      external.some((l) => l.href === r.url),
      r.url,
    ).toBe(true);

  const pagesBefore = browser.context.pages().length;
  await panel.locator(`a[href="/article/${seeds.c002.slug}"]`).first().click();
  await expect.poll(() => pathAndQuery(page)).toBe(`/article/${seeds.c002.slug}`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toBe(TITLE_002);
  expect(browser.context.pages().length).toBe(pagesBefore);
});

test('002\'s page shows "Also covered in" linking back to 001', async () => {
  await go(page, 'seeds', `/article/${seeds.c002.slug}`);
  const heading = page.getByRole('heading', { level: 2, name: 'Also covered in' });
  await heading.waitFor({ timeout: 15_000 });
  const back = page.locator(`main a[href="/article/${seeds.c001.slug}"]`);
  expect(await back.count()).toBeGreaterThanOrEqual(1);
  await back.first().click();
  await expect.poll(() => pathAndQuery(page)).toBe(`/article/${seeds.c001.slug}`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText()).toBe(TITLE_001);
});

test('collapsing the panel hides it again', async () => {
  await go(page, 'seeds', '/?unpublished=1');
  await expectFeed(page, sorted(seeds.fromSeeds, 'heat'));
  const toggle = card(page, seeds.c001.slug).getByRole('button', { name: '31 more sources', exact: true });
  await toggle.click();
  const panel = page.locator(`[id="${await toggle.getAttribute('aria-controls')}"]`);
  await panel.waitFor({ state: 'visible' });
  await toggle.click();
  await expect.poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
  await expect.poll(() => panel.isVisible()).toBe(false);
  expect(pathAndQuery(page)).toBe('/?unpublished=1');
});
