/** A hostile corpus: markup in titles, javascript: links, data: logos, script/iframe embeds. */
import { beforeAll, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { ArticleCard } from '../../src/contract/article';
import { topicSlug } from '../../src/contract/slug';
import { baseUrl, browser, expectFeed, go, page, readAllCards, readArticle, sorted, useBrowserPage } from './support/helpers';

useBrowserPage();

let cards: ArticleCard[];
const dialogs: string[] = [];
const evilRequests: string[] = [];

const TITLES = [
  '<script>alert(1)</script> Hostile headline one',
  '</script><img src=x onerror="window.__pwned=1;alert(1)"> Hostile headline two',
  'A perfectly normal article about facial recognition policy',
  'Plain text report <img src=x onerror=alert(1)> on hostile input',
  '<svg onload=alert(1)> Unpublished hostile draft',
];

beforeAll(async () => {
  cards = readAllCards('hostile');
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (new URL(r.url()).hostname.endsWith('evil.example')) evilRequests.push(r.url());
  });
});

/** Everything that would make the page unsafe, gathered from the live DOM. */
async function dangers(p: Page) {
  return p.evaluate(() => {
    const attrs = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcdoc', 'data', 'poster'];
    const bad: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      for (const name of attrs) {
        const v = el.getAttribute(name);
        if (v === null) continue;
        const t = v.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        const navigable = ['A', 'AREA', 'IFRAME', 'FRAME', 'OBJECT', 'EMBED', 'FORM', 'BUTTON', 'INPUT'].includes(el.tagName);
        // The fixtures' data: payloads (an SVG with onload, an HTML page) must never be used;
        // the app's own data: placeholders for images are fine.
        const hostileData = t.startsWith('data:') && (navigable || t.includes('data:text/html') || t.includes('phn2zyb4bwxucz0ia'));
        if (t.startsWith('javascript:') || t.startsWith('vbscript:') || hostileData) bad.push(`${el.tagName}[${name}=${v}]`);
      }
      for (const a of Array.from(el.attributes)) if (/^on/i.test(a.name)) bad.push(`${el.tagName}[${a.name}]`);
    }
    const iframes = Array.from(document.querySelectorAll('iframe')).map((f) => f.getAttribute('src') ?? '');
    // Executable scripts only: a JSON data island (type="application/json") is inert by design.
    const executable = (s: HTMLScriptElement) => !s.type || /^(text|application)\/(java|ecma)script$|^module$/i.test(s.type);
    const inlineScripts = Array.from(document.querySelectorAll('script')).filter((s) => executable(s) && /alert|__pwned/.test(s.textContent ?? '')).length;
    return {
      bad,
      evilIframes: iframes.filter((s) => s.includes('evil.example')),
      xImages: document.querySelectorAll('img[src="x"]').length,
      inlineScripts,
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    };
  });
}

const clean = { bad: [], evilIframes: [], xImages: 0, inlineScripts: 0, pwned: null };

test('the hostile build keeps the articles and carries only http(s) URLs', () => {
  expect(cards.map((c) => c.title).sort()).toEqual([...TITLES].sort());
  const details = cards.map((c) => readArticle('hostile', c.slug));
  // Every URL-valued field (url, ampUrl, originalUrl, image and logo urls…) is http(s).
  const urls: Array<[string, unknown]> = [];
  const walk = (value: unknown, key: string): void => {
    if (Array.isArray(value)) value.forEach((v) => walk(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
    else if (/url$/i.test(key)) urls.push([key, value]);
  };
  walk(details, '');
  expect(urls.length).toBeGreaterThan(3);
  for (const [key, value] of urls) expect(String(value), key).toMatch(/^https?:\/\//);
  const json = JSON.stringify(details);
  expect(json).not.toContain('data:image');
  expect(json).not.toContain('data:text');
  expect(json).not.toContain('evil.example/embed');
  expect(json).not.toContain('<iframe');
  // The javascript: webUrl/originalUrl leave the hostile articles without an outlet link.
  for (const d of details.filter((x) => x.title.includes('Hostile headline'))) expect(d.url, d.title).toBeUndefined();
});

test('the feed renders hostile titles as text; no dialog, no script, no javascript: or data: URL', async () => {
  expect(cards.filter((c) => !c.published).map((c) => c.title)).toEqual([TITLES[4]]);
  await go(page, 'hostile', '/?unpublished=1');
  await expectFeed(page, sorted(cards, 'heat'));
  for (const c of cards) {
    const h2 = page.locator(`article[data-slug="${c.slug}"] h2`);
    expect(await h2.textContent().then((t) => t?.trim())).toBe(c.title);
    // The markup is text, not elements.
    expect(await h2.locator('script, img, iframe, svg').count()).toBe(0);
  }
  // Expand every related panel.
  const toggles = page.getByRole('button', { name: /^\d+ more sources?$/ });
  const n = await toggles.count();
  expect(n).toBeGreaterThanOrEqual(1);
  for (let i = 0; i < n; i++) await toggles.nth(i).click();
  const showAll = page.getByRole('button', { name: /^Show all \d+ sources$/ });
  for (let i = (await showAll.count()) - 1; i >= 0; i--) await showAll.nth(i).click();
  await page.waitForTimeout(300);
  const text = await page.locator('main').innerText();
  expect(text).toContain('<script>alert(1)</script> Hostile headline one');
  expect(await dangers(page)).toEqual(clean);
  expect(dialogs).toEqual([]);
  expect(browser.pageErrors).toEqual([]);
});

test('the normal article has one related source ("1 more source")', async () => {
  const normal = cards.find((c) => c.title === TITLES[2])!;
  expect(normal.relatedCount).toBe(1);
  await go(page, 'hostile', '/');
  await expectFeed(
    page,
    sorted(
      cards.filter((c) => c.published),
      'heat',
    ),
  );
  expect(await page.locator(`article[data-slug="${normal.slug}"]`).getByRole('button', { name: '1 more source', exact: true }).count()).toBe(1);
});

test('each hostile article page renders inert, with its title as text', async () => {
  for (const c of cards) {
    await go(page, 'hostile', `/article/${c.slug}`);
    await expect
      .poll(
        () =>
          page
            .getByRole('heading', { level: 1 })
            .textContent()
            .then((t) => t?.trim()),
        { timeout: 15_000 },
      )
      .toBe(c.title);
    expect(await page.getByRole('heading', { level: 1 }).locator('script, img, iframe, svg').count()).toBe(0);
    // Whatever the facade, playing a video must not bring in the evil iframe.
    const play = page.getByRole('button', { name: 'Play video' });
    if ((await play.count()) > 0) await play.click();
    await page.waitForTimeout(200);
    expect(await dangers(page), c.title).toEqual(clean);
    expect(await page.title()).toContain(c.title);
  }
  expect(dialogs).toEqual([]);
  expect(evilRequests).toEqual([]);
  expect(browser.pageErrors).toEqual([]);
});

test('the HTML the server sends (prerendered pages) holds no hostile markup', async () => {
  const base = baseUrl('hostile');
  const paths = ['/', ...cards.map((c) => `/article/${c.slug}`), ...[...new Set(cards.flatMap((c) => c.topics))].map((t) => `/topic/${topicSlug(t)}`)];
  for (const path of paths) {
    const res = await fetch(`${base}${path}`);
    const html = await res.text();
    expect(res.status, path).toBe(200);
    for (const needle of ['<script>alert', '<img src=x', '<svg onload', '</script><img', 'evil.example/embed', 'data:text/html']) {
      expect(html.includes(needle), `${path} contains ${needle}`).toBe(false);
    }
    expect(html, path).not.toMatch(/(href|src|action)\s*=\s*["']?\s*(javascript|vbscript):/i);
    expect(html, path).not.toMatch(/<iframe/i);
  }
});

test('a hostile topic name is text in the topic list and in its page heading', async () => {
  await go(page, 'hostile', '/');
  await expectFeed(
    page,
    sorted(
      cards.filter((c) => c.published),
      'heat',
    ),
  );
  const nav = page.getByRole('navigation', { name: 'Topics' });
  const link = nav.getByRole('link', { name: /^<script>alert\(1\)<\/script> \(\d+\)$/ });
  const names = await nav.getByRole('link').allTextContents();
  expect(await link.count(), JSON.stringify(names)).toBe(1);
  await link.click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 15_000 }).toContain('<script>alert(1)</script>');
  expect(await dangers(page)).toEqual(clean);
  expect(dialogs).toEqual([]);
});
