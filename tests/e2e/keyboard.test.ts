/** Keyboard: skip link first, j/k between cards, o and Enter open, ? shows shortcuts. */
import { beforeAll, expect, test } from 'vitest';
import { expectFeed, go, page, pathAndQuery, sorted, useBrowserPage } from './support/helpers';
import { seedCards, type SeedCards } from './support/seeds';

useBrowserPage();

let seeds: SeedCards;
let order: string[];

beforeAll(async () => {
  seeds = seedCards();
  order = sorted(seeds.fromSeeds, 'heat');
});

/** The slug of the card whose headline link has focus, or what has focus instead. */
async function focused(): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const article = el.closest('article[data-slug]');
    const inHeadline = el.tagName === 'A' && el.closest('h2') !== null;
    return article && inHeadline ? article.getAttribute('data-slug')! : `${el.tagName.toLowerCase()}:${(el.textContent ?? '').trim().slice(0, 40)}`;
  });
}

async function freshFeed(): Promise<void> {
  await go(page, 'seeds', '/?unpublished=1');
  await expectFeed(page, order);
}

test('the first Tab reaches the "Skip to content" link, which leads to #main', async () => {
  await freshFeed();
  await page.keyboard.press('Tab');
  const skip = await page.evaluate(() => {
    const el = document.activeElement as HTMLAnchorElement | null;
    return { text: el?.textContent?.trim(), href: el?.getAttribute('href'), tag: el?.tagName };
  });
  expect(skip).toEqual({ text: 'Skip to content', href: '#main', tag: 'A' });
  // The skip link is visible while focused.
  expect(await page.getByRole('link', { name: 'Skip to content' }).isVisible()).toBe(true);
  await page.keyboard.press('Enter');
  await expect
    .poll(() => page.evaluate(() => location.hash === '#main' || document.activeElement?.id === 'main' || !!document.activeElement?.closest('#main')))
    .toBe(true);
});

test("j and k move focus between the cards' headline links", async () => {
  await freshFeed();
  await page.keyboard.press('j');
  await expect.poll(focused).toBe(order[0]);
  await page.keyboard.press('j');
  await expect.poll(focused).toBe(order[1]);
  await page.keyboard.press('j');
  await expect.poll(focused).toBe(order[2]);
  await page.keyboard.press('k');
  await expect.poll(focused).toBe(order[1]);
  await page.keyboard.press('k');
  await expect.poll(focused).toBe(order[0]);
  // The focused link shows a visible focus indicator.
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return { outline: s.outlineStyle !== 'none' && s.outlineWidth !== '0px', shadow: s.boxShadow !== 'none' };
  });
  expect(outline.outline || outline.shadow).toBe(true);
});

test('o opens the focused card; Enter on a focused headline opens it too', async () => {
  await freshFeed();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect.poll(focused).toBe(order[1]);
  await page.keyboard.press('o');
  await expect.poll(() => pathAndQuery(page)).toBe(`/article/${order[1]}`);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toBe(seeds.all.find((c) => c.slug === order[1])!.title);

  await freshFeed();
  await page.keyboard.press('j');
  await expect.poll(focused).toBe(order[0]);
  await page.keyboard.press('Enter');
  await expect.poll(() => pathAndQuery(page)).toBe(`/article/${order[0]}`);
});

test('? opens the "Keyboard shortcuts" dialog and Escape closes it', async () => {
  await freshFeed();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  expect(await dialog.count()).toBe(0);
  await page.keyboard.press('?');
  await dialog.waitFor({ state: 'visible', timeout: 5_000 });
  const text = await dialog.innerText();
  for (const key of ['j', 'k', 'o', '?']) expect(text).toContain(key);
  // Focus moves into the dialog.
  expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"], dialog'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect.poll(() => dialog.isVisible()).toBe(false);
  // After closing, the card shortcuts work again.
  await page.keyboard.press('j');
  await expect.poll(focused).toBe(order[0]);
});
