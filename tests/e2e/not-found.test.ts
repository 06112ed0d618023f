/** Not-found page for an unknown slug and an unknown route. */
import { beforeAll, expect, test } from 'vitest';
import { go, page, pathAndQuery, readIndex, useBrowserPage } from './support/helpers';

useBrowserPage();

let site: string;

beforeAll(async () => {
  site = readIndex('seeds').site.name;
});

test.each([
  ['an unknown article slug', '/article/no-such-article-0000000'],
  ['an unknown route', '/no/such/route'],
])('%s shows "Page not found" with a way back', async (_label, path) => {
  await go(page, 'seeds', path);
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toBe('Page not found');
  await expect.poll(() => page.title()).toBe(`Page not found · ${site}`);
  const back = page.getByRole('link', { name: 'Back to the feed' });
  expect(await back.getAttribute('href')).toBe('/');
  await back.click();
  await expect.poll(() => pathAndQuery(page)).toBe('/');
  await expect.poll(() => page.getByRole('heading', { level: 1 }).innerText(), { timeout: 15_000 }).toBe('Top stories');
});
