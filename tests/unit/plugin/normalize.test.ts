import { describe, expect, it } from 'vitest';
import type { DiagnosticInput } from '../../../src/plugin/diagnostics';
import { articleSlug, LIMITS, normalizeArticle } from '../../../src/plugin/normalize';

/** Normalises hand-built front matter; no file system. */
function run(data: Record<string, unknown>) {
  const problems: DiagnosticInput[] = [];
  const article = normalizeArticle('a/file.md', data, [{ kind: 'paragraph', text: 'Body' }], (p) => problems.push(p));
  return { article, detail: article?.detail, problems: problems.map((p) => `${p.code} ${p.field}: ${p.message}`) };
}
const base = { title: 'T', webUrl: 'https://example.com/t' };

describe('normalizeArticle, field by field', () => {
  it('a minimal article gets exactly the defaults', () => {
    const { detail, problems } = run(base);
    expect(problems).toEqual([]);
    expect(detail).toEqual({
      slug: articleSlug('T', 'example.com/t'),
      title: 'T',
      type: 'article',
      heat: -1,
      published: true,
      topics: [],
      relatedCount: 0,
      citedByCount: 0,
      images: [],
      body: [{ kind: 'paragraph', text: 'Body' }],
      related: [],
      citedBy: [],
      url: 'https://example.com/t',
    });
  });

  it('title: whitespace collapsed, numbers read as text, lone surrogates replaced, long titles cut', () => {
    expect(run({ ...base, title: '  A\r\n  title\t here ' }).detail?.title).toBe('A title here');
    expect(run({ ...base, title: 2024 }).detail?.title).toBe('2024');
    expect(run({ ...base, title: 'x\ud800y\udc00' }).detail?.title).toBe('x\ufffdy\ufffd');
    const long = run({ ...base, title: 'a'.repeat(LIMITS.title + 10) });
    expect(long.detail?.title).toBe(`${'a'.repeat(LIMITS.title - 1)}…`);
    expect(long.problems).toEqual([`field-truncated title: ${LIMITS.title + 10} characters, cut to ${LIMITS.title}`]);
    // An emoji across the cut is not split into a lone surrogate.
    const emoji = run({ ...base, title: `${'a'.repeat(LIMITS.title - 2)}😀tail` }).detail!.title;
    expect(emoji).toBe(`${'a'.repeat(LIMITS.title - 2)}…`);
  });

  it('title: missing or not text skips the article', () => {
    expect(run({ webUrl: 'https://example.com/' })).toMatchObject({
      article: undefined,
      problems: ['missing-title title: the front matter has no title; the file was skipped'],
    });
    expect(run({ title: ['a'] }).problems).toEqual(['missing-title title: title is a list; the file was skipped']);
    expect(run({ title: '   ' }).article).toBeUndefined();
  });

  it('excerpt: collapsed, truncated at its limit, dropped when not text', () => {
    expect(run({ ...base, excerpt: 'one\r\n\r\ntwo   three' }).detail?.excerpt).toBe('one two three');
    expect(run({ ...base, excerpt: 'e'.repeat(LIMITS.excerpt + 1) }).detail?.excerpt).toBe(`${'e'.repeat(LIMITS.excerpt - 1)}…`);
    const bad = run({ ...base, excerpt: { a: 1 } });
    expect(bad.detail?.excerpt).toBeUndefined();
    expect(bad.problems).toEqual(['invalid-type excerpt: is a mapping; the field was dropped']);
  });

  it('dates: a YAML timestamp, ISO text and epoch numbers are read; anything else is dropped', () => {
    expect(run({ ...base, publishedDateTime: new Date('2020-06-11T18:51:00Z') }).detail?.publishedAt).toBe('2020-06-11T18:51:00.000Z');
    expect(run({ ...base, publishedDateTime: '2020-06-11T20:51:00+02:00' }).detail?.publishedAt).toBe('2020-06-11T18:51:00.000Z');
    expect(run({ ...base, updatedDateTime: 0 }).detail?.updatedAt).toBe('1970-01-01T00:00:00.000Z');
    const bad = run({ ...base, publishedDateTime: 'yesterday' });
    expect(bad.detail?.publishedAt).toBeUndefined();
    expect(bad.problems).toEqual(['invalid-date publishedDateTime: string "yesterday" is not a date; the field was dropped']);
  });

  it('URLs: http(s) only, absolute, without credentials; originalUrl stands in for webUrl', () => {
    expect(run({ ...base, webUrl: 'HTTPS://Example.COM/a b' }).detail?.url).toBe('https://example.com/a%20b');
    const js = run({ ...base, webUrl: 'javascript:alert(1)', originalUrl: 'https://example.com/o' });
    expect(js.detail?.url).toBe('https://example.com/o');
    expect(js.detail?.originalUrl).toBeUndefined();
    expect(js.problems).toEqual(['unsafe-url webUrl: uses the "javascript:" scheme; the URL was dropped']);
    expect(run({ ...base, webUrl: '/relative' }).problems).toEqual(['invalid-url webUrl: "/relative" is not an absolute URL; it was dropped']);
    const creds = run({ ...base, webUrl: 'https://user:pass@example.com/x', ampWebUrl: 'https://good.example@evil.example/' });
    expect(creds.detail?.url).toBeUndefined();
    expect(creds.detail?.ampUrl).toBeUndefined();
    expect(creds.problems).toEqual([
      'unsafe-url webUrl: carries a user name or password before "@example.com"; the URL was dropped',
      'unsafe-url ampWebUrl: carries a user name or password before "@evil.example"; the URL was dropped',
    ]);
    const all = run({ ...base, originalUrl: 'https://orig.example/o', ampWebUrl: 'https://amp.example/a', cdnAmpWebUrl: 'https://cdn.example/c' }).detail!;
    expect([all.url, all.originalUrl, all.ampUrl, all.cdnAmpUrl]).toEqual([
      'https://example.com/t',
      'https://orig.example/o',
      'https://amp.example/a',
      'https://cdn.example/c',
    ]);
    expect(run({ ...base, webUrl: 42 }).problems).toEqual(['invalid-type webUrl: is number 42; the field was dropped']);
  });

  it('type, quality, heat and published', () => {
    expect(run({ ...base, type: 'video' }).detail?.type).toBe('video');
    expect(run({ ...base, type: 'podcast' })).toMatchObject({
      detail: { type: 'article' },
      problems: ['invalid-value type: string "podcast" is not a known type; read as "article"'],
    });
    expect(run({ ...base, quality: '87.5', heat: 12 }).detail).toMatchObject({ quality: 87.5, heat: 12 });
    expect(run({ ...base, heat: -5 }).detail?.heat).toBe(-1);
    const high = run({ ...base, quality: 'high' });
    expect(high.detail?.quality).toBeUndefined();
    expect(high.problems).toEqual(['invalid-type quality: is string "high"; the field was dropped']);
    expect(run({ ...base, published: false }).detail?.published).toBe(false);
    expect(run({ ...base, published: 'no' })).toMatchObject({
      detail: { published: true },
      problems: ['invalid-type published: is string "no"; read as true'],
    });
  });

  it('provider: name, lower-case domain, first image as logo', () => {
    const { detail } = run({
      ...base,
      provider: { name: ' The  Verge ', domain: 'TheVerge.com', images: [{ url: 'https://logo.example/l.png', width: 10, height: 20.4 }] },
    });
    expect(detail?.provider).toEqual({ name: 'The Verge', domain: 'theverge.com', logo: { url: 'https://logo.example/l.png', width: 10, height: 20 } });
    expect(run({ ...base, provider: { domain: 'x.example' } }).detail?.provider).toEqual({ name: 'x.example', domain: 'x.example' });
    expect(run({ ...base, provider: 'Verge' }).problems).toEqual(['invalid-type provider: is string "Verge"; the field was dropped']);
  });

  it('topics: one text or a list, deduplicated, non-text entries dropped', () => {
    expect(run({ ...base, topics: 'AI' }).detail?.topics).toEqual(['AI']);
    const { detail, problems } = run({ ...base, topics: ['AI', ' AI ', 'Robots', { x: 1 }, 7] });
    expect(detail?.topics).toEqual(['AI', 'Robots', '7']);
    expect(problems).toEqual(['invalid-type topics[3]: is a mapping; the field was dropped']);
  });

  it('images: size kept only when both are positive; bad URLs drop the image; first is the card image', () => {
    const { detail, problems } = run({
      ...base,
      images: [
        { url: 'https://i.example/1.jpg', width: 0, height: 10, title: ' Cap\ud800 ' },
        { url: 'ftp://i.example/2.jpg' },
        'https://i.example/3.jpg',
        { url: 'https://i.example/4.jpg', width: 4, height: 3 },
      ],
    });
    expect(detail?.images).toEqual([
      { url: 'https://i.example/1.jpg', title: 'Cap\ufffd' },
      { url: 'https://i.example/4.jpg', width: 4, height: 3 },
    ]);
    expect(detail?.image).toEqual({ url: 'https://i.example/1.jpg', title: 'Cap\ufffd' });
    expect(problems).toEqual([
      'unsafe-url images[1].url: uses the "ftp:" scheme; the URL was dropped',
      'invalid-type images[2]: is string "https://i.example/3.jpg"; the image was dropped',
    ]);
  });

  it('related: deduplicated by URL identity, ordered by quality, date, then title in code-unit order', () => {
    const { detail, problems, article } = run({
      ...base,
      related: [
        { title: 'beta', webUrl: 'https://r.example/b' },
        { title: 'Zulu', webUrl: 'https://r.example/z' },
        { title: 'Älpha', webUrl: 'https://r.example/a' },
        { title: 'Dated', webUrl: 'https://r.example/d', publishedDateTime: '2021-01-01T00:00:00Z' },
        { title: 'Best', webUrl: 'https://r.example/q', quality: 90, provider: { name: 'Q' } },
        { title: 'Copy', webUrl: 'https://R.example/b/?utm_source=x' },
        { title: 'No URL' },
        { title: 'Secret', webUrl: 'https://u:p@r.example/s' },
        'not a mapping',
      ],
    });
    expect(detail?.related.map((r) => r.title)).toEqual(['Best', 'Dated', 'Zulu', 'beta', 'Älpha']);
    expect(detail?.related[0]).toEqual({ title: 'Best', url: 'https://r.example/q', type: 'article', provider: { name: 'Q' }, quality: 90 });
    expect(detail?.related[1]).toEqual({
      title: 'Dated',
      url: 'https://r.example/d',
      type: 'article',
      provider: { name: 'r.example', domain: 'r.example' },
      publishedAt: '2021-01-01T00:00:00.000Z',
    });
    expect(detail?.relatedCount).toBe(5);
    expect(article?.relatedKeys).toHaveLength(5);
    expect(problems).toEqual([
      'invalid-related related[6]: has no usable webUrl or originalUrl; the item was dropped',
      'unsafe-url related[7].webUrl: carries a user name or password before "@r.example"; the URL was dropped',
      'invalid-related related[7]: has no usable webUrl or originalUrl; the item was dropped',
      'invalid-related related[8]: is string "not a mapping"; the item was dropped',
    ]);
  });

  it('featuredContent: an allowlisted iframe becomes an embed; other HTML is dropped and never emitted', () => {
    expect(run({ ...base, featuredContent: '<iframe width="5" src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>' }).detail?.embed).toEqual({
      provider: 'youtube',
      id: 'dQw4w9WgXcQ',
    });
    const script = run({ ...base, featuredContent: '<script>alert(1)</script>' });
    expect(script.detail?.embed).toBeUndefined();
    expect(script.problems).toEqual(['featured-content-dropped featuredContent: contains a <script> element; raw HTML is never emitted']);
    expect(run({ ...base, featuredContent: '<iframe src="https://user@www.youtube.com/embed/dQw4w9WgXcQ"></iframe>' }).detail?.embed).toBeUndefined();
    expect(run({ ...base, webUrl: 'https://youtu.be/dQw4w9WgXcQ' }).detail?.embed).toEqual({ provider: 'youtube', id: 'dQw4w9WgXcQ' });
    expect(JSON.stringify(run({ ...base, featuredContent: '<b>x</b>' }).detail)).not.toContain('<b>');
  });

  it('category is cleaned text', () => {
    expect(run({ ...base, category: ' Tech\n news ' }).detail?.category).toBe('Tech news');
  });
});
