/** Theme: the toggle cycles system → light → dark, persists, and system dark applies too. */
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { expectFeed, go, htmlHasDark, openBrowser, screenshot, sorted, type Browser } from './support/helpers';
import { seedCards, type SeedCards } from './support/seeds';

let seeds: SeedCards;
beforeAll(() => {
  seeds = seedCards();
});

async function backgroundOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    // The first non-transparent background from <main> up to <html>.
    for (let el: Element | null = document.querySelector('main'); el; el = el.parentElement) {
      const bg = getComputedStyle(el).backgroundColor;
      if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
    }
    return 'transparent';
  });
}

function luminance(rgb: string): number {
  const [r, g, b] = (rgb.match(/[\d.]+/g) ?? ['255', '255', '255']).map(Number);
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const browsers: Browser[] = [];
afterAll(async () => {
  for (const b of browsers) await b.close();
});
async function open(colorScheme: 'light' | 'dark'): Promise<Browser> {
  const b = await openBrowser({ colorScheme });
  browsers.push(b);
  return b;
}

test('in a light system, the Theme button reaches dark; the choice persists across reloads', async () => {
  const browser = await open('light');
  const page = await browser.newPage();
  await go(page, 'seeds', '/');
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.published),
      'heat',
    ),
  );
  expect(await htmlHasDark(page)).toBe(false);
  const lightBg = await backgroundOf(page);

  const button = page.getByRole('button', { name: /^Theme/ });
  expect(await button.count()).toBe(1);
  const seen: Array<string | null> = [];
  for (let i = 0; i < 3 && !(await htmlHasDark(page)); i++) {
    await button.click();
    seen.push(await page.evaluate(() => localStorage.getItem('theme')));
  }
  expect(seen).toEqual(['light', 'dark']); // system → light → dark
  expect(await htmlHasDark(page)).toBe(true);
  const darkBg = await backgroundOf(page);
  expect(luminance(darkBg)).toBeLessThan(luminance(lightBg));

  await page.reload({ waitUntil: 'domcontentloaded' });
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.published),
      'heat',
    ),
  );
  expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('dark');
  expect(await htmlHasDark(page)).toBe(true);
  await screenshot(page, 'dark-mode-toggle');

  // One more click goes back to system (light here).
  await page.getByRole('button', { name: /^Theme/ }).click();
  await expect.poll(() => htmlHasDark(page)).toBe(false);
  expect([null, 'system']).toContain(await page.evaluate(() => localStorage.getItem('theme')));
});

test('in a dark system with no stored choice, the app is dark; choosing light overrides it', async () => {
  const browser = await open('dark');
  const page = await browser.newPage();
  await go(page, 'seeds', '/');
  await expectFeed(
    page,
    sorted(
      seeds.fromSeeds.filter((c) => c.published),
      'heat',
    ),
  );
  expect(await page.evaluate(() => localStorage.getItem('theme'))).not.toBe('light');
  await expect.poll(() => htmlHasDark(page)).toBe(true);
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
  await screenshot(page, 'dark-mode-system');

  await page.getByRole('button', { name: /^Theme/ }).click(); // system → light
  await expect.poll(() => page.evaluate(() => localStorage.getItem('theme'))).toBe('light');
  expect(await htmlHasDark(page)).toBe(false);
  await page.reload({ waitUntil: 'domcontentloaded' });
  await page.locator('main#main').waitFor();
  expect(await htmlHasDark(page)).toBe(false);
});
