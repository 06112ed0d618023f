import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../../src/plugin/diagnostics';
import { buildNewsData } from '../../../src/plugin/pipeline';

const GOOD = `---
title: "A good article"
webUrl: "https://example.com/good"
publishedDateTime: 2020-06-11T18:51:00Z
quality: 50
heat: 10
published: true
topics:
  - AI
---
`;

const front = (fields: string) => `---\ntitle: "Bad file article"\nwebUrl: "https://example.com/bad"\n${fields}\n---\n`;

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** Builds a folder holding the bad file beside a good one; the good one must always survive. */
async function buildWith(name: string, content: string | Uint8Array) {
  const dir = await mkdtemp(path.join(tmpdir(), 'news-bad-'));
  dirs.push(dir);
  await mkdir(path.join(dir, 'nested'), { recursive: true });
  await writeFile(path.join(dir, 'good.md'), GOOD);
  await writeFile(path.join(dir, 'nested', name), content);
  const build = await buildNewsData({ dir });
  const articles = await Promise.all(build.articles.map(async (a) => (await build.readArticle(a.head.slug))!));
  const good = articles.find((a) => a.title === 'A good article');
  expect(good, 'the good file is never affected').toMatchObject({ url: 'https://example.com/good', quality: 50, heat: 10, topics: ['AI'] });
  const emitted = (await build.allDataFiles()).map(([, json]) => json).join('\n');
  return { build, bad: articles.find((a) => a !== good), emitted, problems: build.diagnostics };
}

const only = (problems: Diagnostic[], code: string) => problems.filter((p) => p.code === code);

describe('fatal problems skip the file and name it', () => {
  it('broken YAML: yaml-syntax with the line', async () => {
    const { bad, problems } = await buildWith('broken.md', '---\ntitle: "ok"\nexcerpt: "unclosed\nquality: 5\n---\n');
    expect(bad).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'yaml-syntax', severity: 'error', file: 'nested/broken.md' });
    expect(problems[0]!.line).toBeGreaterThanOrEqual(3);
    expect(problems[0]!.message).toMatch(/skipped/);
  });

  it('YAML that is not a mapping: bad indentation', async () => {
    const { bad, problems } = await buildWith('indent.md', '---\ntitle: "x"\n  topics: [a\n---\n');
    expect(bad).toBeUndefined();
    expect(problems[0]).toMatchObject({ code: 'yaml-syntax', file: 'nested/indent.md' });
  });

  it('unterminated front matter', async () => {
    const { bad, problems } = await buildWith('open.md', '---\ntitle: "Never closed"\nquality: 3\n');
    expect(bad).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({ code: 'unterminated-front-matter', line: 1, file: 'nested/open.md', expected: 'a closing "---" line' }),
    ]);
  });

  it('front matter that is a list, not fields', async () => {
    const { problems } = await buildWith('list.md', '---\n- a\n- b\n---\n');
    expect(problems).toEqual([expect.objectContaining({ code: 'front-matter-not-object', file: 'nested/list.md' })]);
  });

  it('---js front matter: reported on line 1, the file skipped (not a plain-text article titled "---js")', async () => {
    const { bad, problems, emitted } = await buildWith('script.md', '---js\n{ title: "From JavaScript", webUrl: "https://example.com/js" }\n---\nbody\n');
    expect(bad).toBeUndefined();
    expect(emitted).not.toContain('---js');
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'unsupported-front-matter-language',
        severity: 'error',
        file: 'nested/script.md',
        line: 1,
        message: 'the front matter is declared as "js", and only YAML front matter is read; the file was skipped',
      }),
    ]);
  });

  it('nesting that overflows the stack: reported with its line, the build goes on', async () => {
    const { bad, problems } = await buildWith('deep.md', `---\ntitle: "Deep"\nwebUrl: "https://example.com/deep"\nk: ${'['.repeat(10_000)}\n---\n`);
    expect(bad).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        code: 'front-matter-too-deep',
        severity: 'error',
        file: 'nested/deep.md',
        line: 4,
        message: expect.stringMatching(/too deeply.*skipped/),
      }),
    ]);
  });

  it('no title, and a title that is a list', async () => {
    const none = await buildWith('untitled.md', '---\nwebUrl: "https://example.com/x"\n---\n');
    expect(none.problems).toEqual([expect.objectContaining({ code: 'missing-title', field: 'title', line: undefined })]);
    const list = await buildWith('listtitle.md', '---\ntitle:\n  - a\n---\n');
    expect(list.problems).toEqual([expect.objectContaining({ code: 'missing-title', field: 'title', line: 2 })]);
    expect(list.bad).toBeUndefined();
  });

  it('binary file named .md', async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, ...new Array(300).fill(7)]);
    const { bad, problems } = await buildWith('image.md', png);
    expect(bad).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ code: 'not-text', file: 'nested/image.md', severity: 'error' })]);
  });

  it('invalid UTF-8 without NUL bytes', async () => {
    const { problems } = await buildWith('latin1.txt', Uint8Array.from([0x54, 0x69, 0x74, 0x6c, 0xe9, 0xff, 0xfe, 0x0a]));
    expect(problems).toEqual([expect.objectContaining({ code: 'not-text' })]);
  });

  it('empty and whitespace-only files', async () => {
    expect((await buildWith('empty.md', '')).problems).toEqual([expect.objectContaining({ code: 'empty-file' })]);
    expect((await buildWith('blank.txt', ' \r\n\t\n')).problems).toEqual([expect.objectContaining({ code: 'empty-file' })]);
  });

  it('a plain-text file made only of page debris has no title', async () => {
    const { problems } = await buildWith('debris.txt', 'Skip to main content\nRecommended Videos\nRead more\n');
    expect(problems).toEqual([expect.objectContaining({ code: 'missing-title' })]);
  });

  it('a file over 16 MB is refused without reading it as text', async () => {
    const { problems } = await buildWith('huge.md', new Uint8Array(16 * 1024 * 1024 + 1).fill(0x61));
    expect(problems).toEqual([expect.objectContaining({ code: 'file-too-large' })]);
  });
});

describe('fixable problems drop the field, keep the article, and warn', () => {
  it('markup and script in a title stay text (the app renders text, never HTML)', async () => {
    const title = '<script>alert(1)</script> <img src=x onerror=alert(1)> </script>';
    const { bad, problems } = await buildWith('script.md', `---\ntitle: ${JSON.stringify(title)}\nwebUrl: "https://example.com/s"\n---\n`);
    expect(problems).toEqual([]);
    expect(bad!.title).toBe(title);
    expect(bad!.slug).toMatch(/^script-alert-1-script-img-src-x-onerror-alert-1-script-[0-9a-f]{6}$/);
  });

  it('javascript: links are never emitted', async () => {
    const { bad, problems, emitted } = await buildWith(
      'js.md',
      front(
        `originalUrl: "javascript:alert(1)"\nrelated:\n  - title: "Evil"\n    webUrl: "javascript:alert(2)"\n  - title: "Fine"\n    webUrl: "https://ok.example/fine"`,
      ),
    );
    expect(emitted).not.toMatch(/javascript:/i);
    expect(bad!.related.map((r) => r.title)).toEqual(['Fine']);
    expect(only(problems, 'unsafe-url').map((p) => [p.field, p.line])).toEqual([
      ['originalUrl', 4],
      ['related[0].webUrl', 6],
    ]);
    expect(only(problems, 'invalid-related')).toEqual([expect.objectContaining({ field: 'related[0]', line: 6 })]);
  });

  it('data: and relative image and logo URLs are dropped', async () => {
    const { bad, problems } = await buildWith(
      'images.md',
      front(
        'provider:\n  name: "P"\n  images:\n    - url: "data:image/png;base64,AAAA"\nimages:\n  - url: "/relative.jpg"\n  - url: "https://img.example/a.jpg"\n    width: 10\n    height: 5',
      ),
    );
    expect(bad!.provider).toEqual({ name: 'P' });
    expect(bad!.images).toEqual([{ url: 'https://img.example/a.jpg', width: 10, height: 5 }]);
    expect(only(problems, 'unsafe-url')[0]).toMatchObject({ field: 'provider.images[0].url' });
    expect(only(problems, 'invalid-url')[0]).toMatchObject({ field: 'images[0].url' });
  });

  it('hostile featuredContent: script and unknown players dropped, YouTube kept as a structured embed', async () => {
    const script = await buildWith(
      'feat1.md',
      front(`type: video\nfeaturedContent: "<script>alert(1)</script><iframe src=\\"https://www.youtube.com/embed/abcdefghijk\\"></iframe>"`),
    );
    expect(script.bad!.embed).toBeUndefined();
    expect(script.emitted).not.toContain('<script');
    expect(only(script.problems, 'featured-content-dropped')).toEqual([expect.objectContaining({ field: 'featuredContent', line: 5 })]);
    const evil = await buildWith('feat2.md', front(`featuredContent: "<iframe src='https://evil.example/embed/x'></iframe>"`));
    expect(evil.bad!.embed).toBeUndefined();
    expect(evil.emitted).not.toContain('evil.example');
    const good = await buildWith(
      'feat3.md',
      front(
        `type: video\nfeaturedContent: "<iframe width=\\"560\\" src=\\"https://www.youtube.com/embed/WJk-Y8LQlfE\\" frameborder=\\"0\\" allowfullscreen></iframe>"`,
      ),
    );
    expect(good.problems).toEqual([]);
    expect(good.bad!.embed).toEqual({ provider: 'youtube', id: 'WJk-Y8LQlfE' });
    expect(good.emitted).not.toContain('<iframe');
  });

  it('fields of the wrong type', async () => {
    const { bad, problems } = await buildWith(
      'types.md',
      front('quality: "high"\nheat: [1]\npublished: "yes"\ntopics: { a: 1 }\ntype: podcast\nexcerpt: { text: "x" }'),
    );
    expect(bad).toMatchObject({ heat: -1, published: true, topics: [], type: 'article' });
    expect(bad).not.toHaveProperty('quality');
    expect(bad).not.toHaveProperty('excerpt');
    expect(problems.map((p) => [p.code, p.field, p.line])).toEqual(
      [
        ['invalid-type', 'excerpt', 9],
        ['invalid-type', 'heat', 5],
        ['invalid-type', 'published', 6],
        ['invalid-type', 'quality', 4],
        ['invalid-type', 'topics', 7],
        ['invalid-value', 'type', 8],
      ].sort((a, b) => (a[2] as number) - (b[2] as number)),
    );
  });

  it('invalid dates and URLs', async () => {
    const { bad, problems } = await buildWith('dates.md', front('publishedDateTime: "next Tuesday"\nampWebUrl: "not a url"\nupdatedDateTime: "2020-13-45"'));
    expect(bad).not.toHaveProperty('publishedAt');
    expect(bad).not.toHaveProperty('ampUrl');
    expect(problems.map((p) => p.code).sort()).toEqual(['invalid-date', 'invalid-date', 'invalid-url']);
    expect(problems.find((p) => p.field === 'publishedDateTime')).toMatchObject({ line: 4, expected: expect.stringContaining('ISO 8601') });
  });

  it('a wrong-shaped related list', async () => {
    const notList = await buildWith('rel1.md', front('related: "see also"'));
    expect(notList.bad!.related).toEqual([]);
    expect(notList.problems).toEqual([expect.objectContaining({ code: 'invalid-type', field: 'related', line: 4 })]);
    const strings = await buildWith(
      'rel2.md',
      front('related:\n  - "just a string"\n  - title: "No URL"\n  - title: "Good"\n    webUrl: "https://ok.example/x"'),
    );
    expect(strings.bad!.related.map((r) => r.title)).toEqual(['Good']);
    expect(only(strings.problems, 'invalid-related').map((p) => [p.field, p.line])).toEqual([
      ['related[0]', 5],
      ['related[1]', 6],
    ]);
  });

  it('a one-megabyte field is cut, and the build stays fast', async () => {
    const started = performance.now();
    const { bad, problems } = await buildWith('mega.md', front(`excerpt: "${'word '.repeat(210_000)}"`));
    expect(bad!.excerpt!.length).toBeLessThanOrEqual(2_000);
    expect(problems).toEqual([expect.objectContaining({ code: 'field-truncated', field: 'excerpt', line: 4 })]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('a megabyte-long plain-text line as title is cut', async () => {
    const { bad, problems } = await buildWith('longline.txt', `${'x'.repeat(1_000_000)}\nSecond paragraph.\n`);
    expect(bad!.title.length).toBeLessThanOrEqual(500);
    expect(problems).toEqual([expect.objectContaining({ code: 'field-truncated', field: 'title', line: 1 })]);
  });

  it('CRLF line endings, a BOM and unknown fields are normal input', async () => {
    const { bad, problems } = await buildWith(
      'crlf.md',
      `\uFEFF${front('someNewField: 1\nisCached: true\ntopics:\n  - Cloud').replace(/\n/g, '\r\n')}Body paragraph.\r\n`,
    );
    expect(problems).toEqual([]);
    expect(bad).toMatchObject({ title: 'Bad file article', topics: ['Cloud'], body: [{ kind: 'paragraph', text: 'Body paragraph.' }] });
  });

  it('whitespace in text is collapsed: tabs, line breaks, runs, no-break spaces, at the ends', async () => {
    const file = `---
title: "\\tTabs\\there\\r\\nand  runs \\u00a0 end  "
excerpt: "One\\u2003two\\n\\nthree"
webUrl: "https://example.com/spaces"
provider:
  name: " Spaced   Outlet "
related:
  - title: "Related\\ttitle  here"
    webUrl: "https://example.com/related"
  - title: "Clean related title"
    webUrl: "https://example.com/clean"
---
`;
    const { bad, problems } = await buildWith('spaces.md', file);
    expect(problems).toEqual([]);
    expect(bad).toMatchObject({ title: 'Tabs here and runs end', excerpt: 'One two three', provider: { name: 'Spaced Outlet' } });
    expect(bad!.related.map((r) => r.title).sort()).toEqual(['Clean related title', 'Related title here']);
  });

  it('the same story twice: the second copy is skipped with a warning naming the first', async () => {
    const { build, problems } = await buildWith(
      'dupe.md',
      GOOD.replace('A good article', 'A good article, again').replace('https://example.com/good', 'https://EXAMPLE.com/good/?utm_source=x'),
    );
    expect(build.articles).toHaveLength(1);
    expect(problems).toEqual([expect.objectContaining({ code: 'duplicate-article', file: 'nested/dupe.md', message: expect.stringContaining('good.md') })]);
  });

  it('a related list longer than 200 items is cut; aliases cannot multiply work', async () => {
    const items = Array.from({ length: 250 }, (_, i) => `  - title: "R${i}"\n    webUrl: "https://r.example/${i}"`).join('\n');
    const { bad, problems } = await buildWith('many.md', front(`related:\n${items}`));
    expect(bad!.related).toHaveLength(200);
    expect(only(problems, 'field-truncated')).toEqual([expect.objectContaining({ field: 'related' })]);
  });
});
