/**
 * Issue 4: builds the seeds (and a hostile fixture) with the real Vite config, serves each with
 * `vite preview`, and checks the prerendered pages, feeds, sitemap and robots.txt over HTTP.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../../support/build-site.ts';
import type { FeedPage } from '../../../src/contract/feed.ts';
import { childrenNamed, parseXml, type XmlElement } from './xml.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SITE = 'https://news.example.com';
const SITE_NAME = 'Smartable News Reader';

const S000 = 'the-microsoft-police-state-mass-surveillance-facial-81eba3';
const S001 = 'microsoft-wont-sell-facial-recognition-technology-to-police-d44441';
const S002 = 'now-microsoft-is-banning-police-from-using-its-facial-e81066';
const S004 = 'microsofts-ban-on-facial-recognition-technology-may-not-be-d2ce40';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function buildAndServe(corpus: string): Promise<{ url: string; server: PreviewServer; outDir: string }> {
  const outDir = mkdtempSync(path.join(tmpdir(), 'prerender-test-'));
  process.env.NEWS_DIR = path.join(ROOT, corpus);
  process.env.NEWS_SITE_URL = SITE;
  delete process.env.NEWS_DROP_UNPUBLISHED;
  delete process.env.NEWS_STRICT;
  delete process.env.NEWS_SITE_NAME;
  await buildSite({ root: ROOT, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const port = await freePort();
  const server = await preview({ root: ROOT, logLevel: 'silent', build: { outDir }, preview: { host: '127.0.0.1', port, strictPort: true, open: false } });
  return { url: `http://127.0.0.1:${port}`, server, outDir };
}

const decodeAttr = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function headOf(html: string): string {
  const end = html.indexOf('</head>');
  expect(end).toBeGreaterThan(0);
  return html.slice(0, end);
}

/** Every content of `<meta name|property="key">`, in order, decoded. */
function metas(html: string, key: string): string[] {
  const re = new RegExp(`<meta (?:name|property)="${key.replace(/[.:]/g, '\\$&')}" content="([^"]*)">`, 'g');
  return [...headOf(html).matchAll(re)].map((m) => decodeAttr(m[1]!));
}
function meta(html: string, key: string): string | undefined {
  const all = metas(html, key);
  expect(all.length, `at most one ${key}`).toBeLessThanOrEqual(1);
  return all[0];
}
function canonical(html: string): string | undefined {
  const m = /<link rel="canonical" href="([^"]*)">/.exec(headOf(html));
  return m ? decodeAttr(m[1]!) : undefined;
}
function title(html: string): string {
  return decodeAttr(/<title>([^<]*)<\/title>/.exec(headOf(html))![1]!);
}
function jsonLd(html: string): Record<string, unknown> {
  const scripts = [...headOf(html).matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)];
  expect(scripts).toHaveLength(1);
  return JSON.parse(scripts[0]![1]!) as Record<string, unknown>;
}
/** The one data file an article page's head preloads (`<link rel="preload" as="fetch">`). */
/** The data files a page preloads, in order. */
function preloads(html: string): string[] {
  return [...html.matchAll(/<link rel="preload" href="([^"]+)" as="fetch" crossorigin="anonymous">/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
}
function preloaded(html: string): string {
  const links = preloads(html);
  expect(links).toHaveLength(1);
  return links[0]!;
}

/** The text of an element's markup: tags and React's text separators dropped, entities decoded. */
function textOf(html: string): string {
  return decodeAttr(html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The markup of the page's Full coverage section. */
function fullCoverage(html: string): string {
  const start = html.indexOf('<section id="full-coverage"');
  expect(start, 'the page has a Full coverage section').toBeGreaterThan(0);
  return html.slice(start, html.indexOf('</section>', start));
}

async function get(url: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(url);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

interface Expected {
  slug: string;
  headline: string;
  description: string;
  published: boolean;
  publishedAt: string;
  image: { url: string; width: number; height: number; alt?: string };
  sections: string[];
  author: { name: string; url: string };
  isBasedOn: string;
}

const EXPECTED: Expected[] = [
  {
    slug: S000,
    headline: 'The Microsoft Police State: Mass Surveillance, Facial Recognition, and the Azure Cloud',
    description:
      'Microsoft helps police surveil and patrol communities through its own offerings and a network of partnerships — while its PR efforts obscure this.',
    published: true,
    publishedAt: '2020-07-14T19:45:00.000Z',
    image: {
      url: 'https://theintercept.imgix.net/wp-uploads/sites/1/2020/07/ms-police-state-final-theintercept.jpg?auto=compress%2Cformat&q=90&fit=crop&w=1200&h=800',
      width: 1200,
      height: 800,
    },
    sections: ['Natural Language Processing', 'AI', 'Computer Vision', 'Microsoft AI'],
    author: { name: 'The Intercept', url: 'https://theintercept.com/' },
    isBasedOn: 'https://theintercept.com/2020/07/14/microsoft-police-state-mass-surveillance-facial-recognition/',
  },
  {
    slug: S001,
    headline: 'Microsoft won’t sell facial recognition technology to police',
    description:
      'Microsoft announced it would not sell its facial recognition surveillance software to law enforcement, joining other tech companies like IBM and Amazon.',
    published: false,
    publishedAt: '2020-06-11T18:51:00.000Z',
    image: { url: '', width: 0, height: 0 },
    sections: ['Computer Vision', 'AI'],
    author: { name: 'Digital Trends', url: 'https://digitaltrends.com/' },
    isBasedOn: 'https://www.digitaltrends.com/news/microsoft-wont-sell-facial-recognition-technology-to-police/',
  },
  {
    slug: S002,
    headline: 'Now Microsoft is banning police from using its facial recognition tech, too',
    description:
      'Microsoft wants “a national law in place ground in human rights” to govern the use of facial recognition tech before it will sell such technology to the police.',
    published: false,
    publishedAt: '2020-06-12T11:06:00.000Z',
    image: {
      url: 'https://images.fastcompany.net/image/upload/w_1280,f_auto,q_auto,fl_lossy/wp-cms/uploads/2020/06/p-1-now-microsoft-is-banning-police-from-using-its-facial-recognition-tech-too.jpg',
      width: 1280,
      height: 720,
      alt: 'Now Microsoft is banning police from using its facial recognition tech, too',
    },
    sections: ['Computer Vision', 'AI'],
    author: { name: 'Fast Company', url: 'https://fastcompany.com/' },
    isBasedOn: 'https://www.fastcompany.com/90516127/now-microsoft-is-banning-police-from-using-its-facial-recognition-tech-too?amp&amp&amp&amp',
  },
];

/**
 * The stories feed's summaries, read off the seeds by hand. 000 (The Intercept, 2020-07-14 19:45)
 * lists Business Insider 07-14 12:51 (the first report), the Wall Street Journal 07-15 05:31, PR
 * Newswire and WFMZ-TV 07-15 11:39: 5 outlets over 22.8 hours; "More:" the outlets that are neither
 * the lead's nor the first, earliest first. 004 has no related coverage.
 */
const STORY_SUMMARIES = [
  '5 outlets over 23 hours · first: Business Insider, July 14, 2020, 12:51 UTC · More: Wall Street Journal, PR Newswire, WFMZ-TV',
  'Only this report so far',
];

describe('prerendered seeds', () => {
  let seeds: Awaited<ReturnType<typeof buildAndServe>>;
  beforeAll(async () => {
    seeds = await buildAndServe('seeds');
  }, 120_000);
  afterAll(async () => {
    await seeds?.server.close();
    if (seeds) rmSync(seeds.outDir, { recursive: true, force: true });
  });

  for (const e of EXPECTED) {
    it(`article ${e.slug}: head tags and JSON-LD have exact values`, async () => {
      const page = await get(`${seeds.url}/article/${e.slug}`);
      expect(page.status).toBe(200);
      expect(page.type).toContain('text/html');
      const html = page.text;
      const url = `${SITE}/article/${e.slug}`;
      expect(title(html)).toBe(`${e.headline} · ${SITE_NAME}`);
      expect(meta(html, 'description')).toBe(e.description);
      expect(canonical(html)).toBe(url);
      expect(meta(html, 'robots')).toBe(e.published ? undefined : 'noindex');
      expect(meta(html, 'og:type')).toBe('article');
      expect(meta(html, 'og:site_name')).toBe(SITE_NAME);
      expect(meta(html, 'og:title')).toBe(e.headline);
      expect(meta(html, 'og:description')).toBe(e.description);
      expect(meta(html, 'og:url')).toBe(url);
      expect(meta(html, 'og:image')).toBe(e.image.url || undefined);
      expect(meta(html, 'og:image:width')).toBe(e.image.url ? String(e.image.width) : undefined);
      expect(meta(html, 'og:image:height')).toBe(e.image.url ? String(e.image.height) : undefined);
      expect(meta(html, 'og:image:alt')).toBe(e.image.alt);
      expect(meta(html, 'article:published_time')).toBe(e.publishedAt);
      expect(metas(html, 'article:section')).toEqual(e.sections);
      expect(meta(html, 'twitter:card')).toBe('summary_large_image');
      expect(meta(html, 'twitter:title')).toBe(e.headline);
      expect(meta(html, 'twitter:image')).toBe(e.image.url || undefined);
      expect(jsonLd(html)).toEqual({
        '@context': 'https://schema.org',
        '@type': 'NewsArticle',
        headline: e.headline,
        description: e.description,
        datePublished: e.publishedAt,
        url,
        mainEntityOfPage: url,
        ...(e.image.url ? { image: [{ '@type': 'ImageObject', url: e.image.url, width: e.image.width, height: e.image.height }] } : {}),
        publisher: { '@type': 'Organization', name: SITE_NAME, url: `${SITE}/` },
        author: { '@type': 'Organization', ...e.author },
        articleSection: e.sections,
        isBasedOn: e.isBasedOn,
      });
    });

    it(`article ${e.slug}: content is in the HTML and its data file is preloaded, not repeated`, async () => {
      const html = (await get(`${seeds.url}/article/${e.slug}/`)).text;
      const body = html.slice(html.indexOf('<body>'));
      expect(body).toContain(`data-url="/article/${e.slug}"`);
      expect(body).toContain(`data-article="${e.slug}"`);
      expect(body).toMatch(/<h1[^>]*>[^<]*<\/h1>/);
      expect(body).toContain('Smartable News Reader</a>');
      // The page carries no second copy of its data: main.tsx fetches the preloaded file.
      expect(html).not.toContain('id="news-state"');
      const article = preloads(html)[0]!;
      const detail = JSON.parse((await get(`${seeds.url}${article}`)).text) as { slug: string; title: string };
      expect(article).toBe(`/data/article/${e.slug}.json`);
      expect(detail.title).toBe(e.headline);
    });
  }

  it("a story of several articles is in its members' pages (not loaded after them); its file is preloaded too", async () => {
    for (const slug of [S001, S002]) {
      const html = (await get(`${seeds.url}/article/${slug}`)).text;
      expect(preloads(html), slug).toEqual([`/data/article/${slug}.json`, `/data/story/${S001}.json`]);
      const section = fullCoverage(html);
      const text = textOf(section);
      expect(text, slug).toContain('26 outlets over 4 days · first: CNET, June 11, 2020, 17:28 UTC');
      expect(text).not.toContain('Loading coverage');
      // The table of every report: the story's 34 coverage items, one row each.
      expect(section.match(/<tr/g)?.length, slug).toBe(35);
      // The story's other article, linked in-app.
      const other = slug === S001 ? S002 : S001;
      expect(section).toContain(`href="/article/${other}"`);
    }
  });

  it('a story of one article is in its page too, made from the article alone', async () => {
    const html = (await get(`${seeds.url}/article/${S000}`)).text;
    expect(preloaded(html)).toBe(`/data/article/${S000}.json`);
    expect(textOf(fullCoverage(html))).toContain('5 outlets over 23 hours');
  });

  it('the feed, topic pages and their heads', async () => {
    const feed = await get(`${seeds.url}/`);
    expect(feed.status).toBe(200);
    expect(title(feed.text)).toBe(`Top stories · ${SITE_NAME}`);
    expect(canonical(feed.text)).toBe(`${SITE}/`);
    expect(feed.text).toContain(`data-slug="${S000}"`);
    expect(feed.text).not.toContain(`data-slug="${S001}"`);
    const topic = await get(`${seeds.url}/topic/ai`);
    expect(topic.status).toBe(200);
    expect(title(topic.text)).toBe(`AI · ${SITE_NAME}`);
    expect(canonical(topic.text)).toBe(`${SITE}/topic/ai`);
    expect(topic.text).toContain(`data-slug="${S000}"`);
    expect(headOf(topic.text)).toContain('<link rel="alternate" href="/topic/ai/feed.xml" type="application/atom+xml"');
  });

  it('unknown paths get the 404 page with status 404', async () => {
    for (const p of ['/no-such-page', '/article/no-such-article', '/topic/no-such-topic/', '/data/article/nope.json']) {
      const res = await get(`${seeds.url}${p}`);
      expect(res.status, p).toBe(404);
      expect(res.text, p).toContain('Page not found');
    }
    const res = await get(`${seeds.url}/404.html`);
    expect(title(res.text)).toBe(`Page not found · ${SITE_NAME}`);
    expect(meta(res.text, 'robots')).toBe('noindex');
    // Assets and data still resolve.
    expect((await get(`${seeds.url}/data/index.json`)).status).toBe(200);
  });

  function entries(feed: XmlElement) {
    return childrenNamed(feed, 'entry').map((e) => ({
      title: childrenNamed(e, 'title')[0]!.text,
      id: childrenNamed(e, 'id')[0]!.text,
      href: childrenNamed(e, 'link').find((l) => l.attrs.rel === 'alternate')!.attrs.href,
      updated: childrenNamed(e, 'updated')[0]!.text,
    }));
  }

  it('feed.xml is well-formed Atom with the published articles only, newest first', async () => {
    const res = await get(`${seeds.url}/feed.xml`);
    expect(res.status).toBe(200);
    const feed = parseXml(res.text);
    expect(feed.name).toBe('feed');
    expect(feed.attrs.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(childrenNamed(feed, 'title')[0]!.text).toBe(`Top stories · ${SITE_NAME}`);
    expect(childrenNamed(feed, 'id')[0]!.text).toBe(`${SITE}/feed.xml`);
    expect(childrenNamed(feed, 'updated')[0]!.text).toBe('2020-07-14T19:45:00.000Z');
    expect(entries(feed).map((e) => e.href)).toEqual([`${SITE}/article/${S000}`, `${SITE}/article/${S004}`]);
    expect(entries(feed)[0]).toEqual({
      title: EXPECTED[0]!.headline,
      id: `${SITE}/article/${S000}`,
      href: `${SITE}/article/${S000}`,
      updated: '2020-07-14T19:45:00.000Z',
    });
    expect(res.text).not.toContain(S001);
    expect(res.text).not.toContain(S002);
  });

  it('stories/feed.xml has the published stories, newest first, each linked to its Full coverage, with its coverage line', async () => {
    const res = await get(`${seeds.url}/stories/feed.xml`);
    expect(res.status).toBe(200);
    const feed = parseXml(res.text);
    expect(childrenNamed(feed, 'title')[0]!.text).toBe(`Stories · ${SITE_NAME}`);
    expect(childrenNamed(feed, 'id')[0]!.text).toBe(`${SITE}/stories/feed.xml`);
    const alternate = childrenNamed(feed, 'link').find((l) => l.attrs.rel === 'alternate')!;
    expect(alternate.attrs.href).toBe(`${SITE}/?view=stories&sort=newest`);
    const list = entries(feed);
    expect(list.map((e) => e.href)).toEqual([`${SITE}/article/${S000}#full-coverage`, `${SITE}/article/${S004}#full-coverage`]);
    expect(list.map((e) => e.id)).toEqual([`tag:smartable-news,2020:story:${S000}`, `tag:smartable-news,2020:story:${S004}`]);
    expect(list[0]!.title).toBe(EXPECTED[0]!.headline);
    const summaries = childrenNamed(feed, 'entry').map((e) => childrenNamed(e, 'summary')[0]!.text);
    expect(summaries).toEqual(STORY_SUMMARIES);
    // The {001, 002} story has no published member: nothing of it is in the feed.
    expect(res.text).not.toContain(S001);
    expect(res.text).not.toContain(S002);
    expect(res.text).not.toContain('CNET');
  });

  it('every page links the stories feed in its head', async () => {
    for (const p of ['/', '/topic/ai', `/article/${S000}`]) {
      expect(headOf((await get(`${seeds.url}${p}`)).text), p).toContain(
        `<link rel="alternate" href="/stories/feed.xml" type="application/atom+xml" title="Stories · ${SITE_NAME}">`,
      );
    }
  });

  it('each topic has a feed of its published articles', async () => {
    const ai = parseXml((await get(`${seeds.url}/topic/ai/feed.xml`)).text);
    expect(childrenNamed(ai, 'title')[0]!.text).toBe(`AI · ${SITE_NAME}`);
    expect(entries(ai).map((e) => e.href)).toEqual([`${SITE}/article/${S000}`]);
    for (const topic of ['computer-vision', 'microsoft-ai', 'natural-language-processing']) {
      const res = await get(`${seeds.url}/topic/${topic}/feed.xml`);
      expect(res.status).toBe(200);
      expect(res.text).not.toContain(S001);
      expect(res.text).not.toContain(S002);
      parseXml(res.text);
    }
  });

  it('sitemap.xml is well-formed and lists published pages only; robots.txt points at it', async () => {
    const map = parseXml((await get(`${seeds.url}/sitemap.xml`)).text);
    expect(map.name).toBe('urlset');
    expect(map.attrs.xmlns).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = childrenNamed(map, 'url').map((u) => childrenNamed(u, 'loc')[0]!.text);
    expect(locs).toEqual([
      `${SITE}/`,
      `${SITE}/topic/ai`,
      `${SITE}/topic/computer-vision`,
      `${SITE}/topic/microsoft-ai`,
      `${SITE}/topic/natural-language-processing`,
      `${SITE}/article/${S000}`,
      `${SITE}/article/${S004}`,
    ]);
    const robots = await get(`${seeds.url}/robots.txt`);
    expect(robots.status).toBe(200);
    expect(robots.text).toBe(`User-agent: *\nAllow: /\n\nSitemap: ${SITE}/sitemap.xml\n`);
  });
});

describe('a hostile headline stays inert', () => {
  let hostile: Awaited<ReturnType<typeof buildAndServe>>;
  beforeAll(async () => {
    hostile = await buildAndServe('tests/fixtures/prerender-hostile');
  }, 120_000);
  afterAll(async () => {
    await hostile?.server.close();
    if (hostile) rmSync(hostile.outDir, { recursive: true, force: true });
  });

  const TITLE = '</script><script>alert(1)</script> Breakout & "quotes" headline';

  it('in the head, the JSON-LD and the data file', async () => {
    const first = JSON.parse((await get(`${hostile.url}/data/feed/published/all/heat/1.json`)).text) as FeedPage;
    const card = first.items.find((c) => c.title === TITLE)!;
    expect(card).toBeDefined();
    const html = (await get(`${hostile.url}/article/${card.slug}`)).text;
    // Only the page's own scripts: every <script opens one element and is closed once.
    expect(html.match(/<script\b/g)!.length).toBe(html.match(/<\/script>/g)!.length);
    expect(html).not.toMatch(/<script>alert/);
    expect(html).not.toContain('<!-- comment -->');
    expect(title(html)).toBe(`${TITLE} · ${SITE_NAME}`);
    expect(meta(html, 'og:title')).toBe(TITLE);
    expect(meta(html, 'og:image')).toBe('https://outlet.example/image.jpg?w=1200&h=800');
    expect(metas(html, 'article:section')).toEqual(['</script><script>alert(4)</script>', 'Security']);
    const ld = jsonLd(html);
    expect(ld.headline).toBe(TITLE);
    expect(ld.description).toBe('</script><script>alert(2)</script> <!-- comment --> & an excerpt');
    expect(ld.author).toEqual({ '@type': 'Organization', name: '</script><script>alert(3)</script> Outlet', url: 'https://outlet.example/' });
    expect(ld.isBasedOn).toBe('https://outlet.example/story?a=1&b=2');
    const detail = JSON.parse((await get(`${hostile.url}${preloaded(html)}`)).text) as { title: string };
    expect(detail.title).toBe(TITLE);
  });

  it('in the feeds, which stay well-formed and leave the draft out', async () => {
    const feedText = (await get(`${hostile.url}/feed.xml`)).text;
    const feed = parseXml(feedText);
    expect(childrenNamed(feed, 'entry').map((e) => childrenNamed(e, 'title')[0]!.text)).toEqual([TITLE]);
    expect(feedText).not.toContain('unpublished draft');
    const map = (await get(`${hostile.url}/sitemap.xml`)).text;
    expect(childrenNamed(parseXml(map), 'url')).toHaveLength(1 + 2 + 1); // feed, 2 topics, 1 article
    expect(map).not.toContain('unpublished-draft');
  });
});
