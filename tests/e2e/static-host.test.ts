/**
 * The shared link on a plain static host: no SPA rewrite, only what the build wrote. The server
 * below behaves like GitHub Pages / Netlify without redirects: a path is served from the file of
 * that name, `<path>/index.html` or `<path>.html`, and anything else gets `404.html` (if the build
 * has one) with status 404. An article URL must still open the article with the right title.
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { afterAll, beforeAll, test } from 'vitest';
import { openBrowser, outDir, readIndex, type Browser } from './support/helpers';
import { seedCards, TITLE_001, type SeedCards } from './support/seeds';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.webmanifest': 'application/manifest+json',
};

let server: Server;
let base: string;
let browser: Browser;
let seeds: SeedCards;
let site: string;

function staticFile(root: string, urlPath: string): string | undefined {
  const clean = normalize(decodeURIComponent(urlPath)).replace(/^(\.\.[/\\])+/, '');
  const candidates = [join(root, clean), join(root, clean, 'index.html'), join(root, `${clean.replace(/\/$/, '')}.html`)];
  return candidates.find((p) => p.startsWith(root) && existsSync(p) && statSync(p).isFile());
}

beforeAll(async () => {
  seeds = seedCards();
  site = readIndex('seeds').site.name;
  const root = outDir('seeds');
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const file = staticFile(root, path);
    if (file) {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
      return;
    }
    const notFound = join(root, '404.html');
    res.writeHead(404, { 'content-type': TYPES['.html']! });
    res.end(existsSync(notFound) ? readFileSync(notFound) : 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
});

test.concurrent('the static server itself works: / serves the feed', async ({ expect }) => {
  const page = await browser.newPage();
  const res = await page.goto(`${base}/`, { waitUntil: 'domcontentloaded' });
  expect(res?.status()).toBe(200);
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('article[data-slug]').length), { timeout: 10_000 }).toBe(2);
  await page.close();
});

test.concurrent('an article URL opened on a static host shows the article with its title', async ({ expect }) => {
  const page = await browser.newPage();
  await page.goto(`${base}/article/${seeds.c001.slug}`, { waitUntil: 'domcontentloaded' });
  await expect.poll(() => page.evaluate(() => document.querySelector('h1')?.textContent ?? null), { timeout: 10_000 }).toBe(TITLE_001);
  await expect.poll(() => page.title()).toBe(`${TITLE_001} · ${site}`);
  await page.close();
});

test.concurrent('a topic URL opened on a static host shows the filtered feed', async ({ expect }) => {
  const page = await browser.newPage();
  await page.goto(`${base}/topic/computer-vision`, { waitUntil: 'domcontentloaded' });
  await expect.poll(() => page.evaluate(() => document.querySelector('h1')?.textContent ?? ''), { timeout: 10_000 }).toContain('Computer Vision');
  await expect
    .poll(() => page.locator('article[data-slug]').evaluateAll((els) => els.map((e) => e.getAttribute('data-slug'))), { timeout: 10_000 })
    .toEqual([seeds.c000.slug]);
  await page.close();
});
