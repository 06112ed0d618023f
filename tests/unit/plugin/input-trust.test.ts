import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { safeHttpUrl } from '../../../src/contract/safe-url';
import { diagnostic, escapeForLog, escapeJsonForLog, formatDiagnostic, sortDiagnostics } from '../../../src/plugin/diagnostics';
import { youtubeIdFromUrl } from '../../../src/plugin/embed';
import { listContentFiles, readContentFile, scanContentFolder } from '../../../src/plugin/load';
import { buildNewsData } from '../../../src/plugin/pipeline';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'news-trust-'));
  dirs.push(dir);
  return dir;
};
const article = (title: string, url: string) => `---\ntitle: "${title}"\nwebUrl: "${url}"\n---\n`;

describe('size is checked before reading', () => {
  it('reports a 1.5 GB sparse file as too large from its size alone', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'huge.md'), '');
    truncateSync(path.join(dir, 'huge.md'), 1.5 * 1024 ** 3);
    const before = process.memoryUsage().rss;
    const read = readContentFile(dir, 'huge.md');
    expect(read).toEqual({
      problem: {
        code: 'file-too-large',
        severity: 'error',
        file: 'huge.md',
        message: '1610612736 bytes; the file was skipped',
        expected: 'at most 16777216 bytes',
      },
    });
    // Reading it would have cost 1.5 GB.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 ** 2);
  });

  it('reads a normal file', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.md'), 'hello');
    const read = readContentFile(dir, 'a.md');
    expect(read).toMatchObject({ bytes: Buffer.from('hello'), stat: { size: 5n } });
    // The stat is the file's, taken on the descriptor it was read from.
    const stat = statSync(path.join(dir, 'a.md'), { bigint: true });
    expect('stat' in read && [read.stat.ino, read.stat.mtimeNs]).toEqual([stat.ino, stat.mtimeNs]);
  });
});

describe('folder entries', () => {
  const dir = tempDir();
  const outside = tempDir();
  writeFileSync(path.join(dir, 'real.md'), article('Real', 'https://example.com/real'));
  mkdirSync(path.join(dir, 'sub'));
  writeFileSync(path.join(dir, 'sub', 'inner.md'), article('Inner', 'https://example.com/inner'));
  mkdirSync(path.join(dir, 'x.md'));
  writeFileSync(path.join(dir, 'x.md', 'within.md'), article('Within', 'https://example.com/within'));
  writeFileSync(path.join(outside, 'secret.md'), article('Secret', 'https://example.com/secret'));
  mkdirSync(path.join(outside, 'folder'));
  writeFileSync(path.join(outside, 'folder', 'far.md'), article('Far', 'https://example.com/far'));
  mkdirSync(path.join(dir, 'shared'));
  writeFileSync(path.join(dir, 'shared', 'one.md'), article('Shared one', 'https://example.com/shared-one'));
  symlinkSync(path.join(dir, 'real.md'), path.join(dir, 'alias.md'));
  symlinkSync('../real.md', path.join(dir, 'sub', 'relative-alias.md'));
  symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'escape.md'));
  symlinkSync(path.join(outside, 'folder'), path.join(dir, 'escape-folder'));
  symlinkSync(path.join(dir, 'missing.md'), path.join(dir, 'broken.md'));
  symlinkSync(dir, path.join(dir, 'sub', 'loop'));
  symlinkSync(path.join(dir, 'sub'), path.join(dir, 'sub-again'));
  // A link to a folder outside the tree walk order: a linked folder not reached otherwise.
  mkdirSync(path.join(dir, '.hidden'));
  writeFileSync(path.join(dir, '.hidden', 'ghost.md'), article('Ghost', 'https://example.com/ghost'));
  symlinkSync(path.join(dir, '.hidden'), path.join(dir, 'linked'));
  execFileSync('mkfifo', [path.join(dir, 'pipe.md')]);

  it('follows links inside the folder under their own paths and reports the rest', async () => {
    const { files, diagnostics } = await scanContentFolder(dir);
    expect(files).toEqual(['alias.md', 'linked/ghost.md', 'real.md', 'shared/one.md', 'sub/inner.md', 'sub/relative-alias.md', 'x.md/within.md']);
    const byFile = Object.fromEntries(sortDiagnostics(diagnostics).map((d) => [d.file, `${d.severity} ${d.code}: ${d.message}`]));
    expect(byFile).toEqual({
      'broken.md': 'warning skipped-entry: is a symbolic link whose target does not exist (or loops); it was not read',
      'escape-folder': `warning skipped-entry: is a symbolic link to ${path.join(outside, 'folder')}, outside the content folder; it was not followed`,
      'escape.md': `warning skipped-entry: is a symbolic link to ${path.join(outside, 'secret.md')}, outside the content folder; it was not followed`,
      'pipe.md': 'warning skipped-entry: is not a regular file (a FIFO, socket or device); it was not read',
      'sub-again': 'warning skipped-entry: is a symbolic link to a folder read already (as "sub"); it was not followed again',
      'sub/loop': 'warning skipped-entry: is a symbolic link to a folder read already (as the content folder itself); it was not followed again',
      'x.md': 'warning skipped-entry: is a folder whose name ends like a content file; it is not read as an article (the files inside it are)',
    });
    expect(diagnostics.every((d) => d.hint)).toBe(true);
    expect(await listContentFiles(dir)).toEqual(files);
  });

  it('puts the warnings in the build and never reads outside the folder or hangs on the FIFO', async () => {
    const build = await buildNewsData({ dir });
    const skipped = build.diagnostics.filter((d) => d.code === 'skipped-entry').map((d) => d.file);
    expect(skipped).toEqual(['broken.md', 'escape-folder', 'escape.md', 'pipe.md', 'sub-again', 'sub/loop', 'x.md']);
    const titles = build.articles.map((a) => a.head.title).sort();
    expect(titles).toEqual(['Ghost', 'Inner', 'Real', 'Shared one', 'Within']);
    // alias.md and sub/relative-alias.md are the same story as real.md.
    expect(build.diagnostics.filter((d) => d.code === 'duplicate-article').map((d) => d.file)).toEqual(['real.md', 'sub/relative-alias.md']);
  });
});

describe('diagnostics printed to a terminal', () => {
  it('escapes controls, DEL, C1, bidi overrides and lone surrogates in every part', () => {
    const d = diagnostic('evil\x1b]0;owned\x07\r\n.md', {
      code: 'invalid-type',
      line: 3,
      field: 'provider\u202ename',
      message: 'is "\x1b[2J\x7f\x9b"; dropped \ud800',
      expected: 'text\u2028',
      hint: 'fix\u2066it\u2069\ttab',
    });
    expect(formatDiagnostic(d)).toBe(
      'evil\\x1b]0;owned\\x07\\r\\n.md:3: warning invalid-type [provider\\u202ename]: is "\\x1b[2J\\x7f\\x9b"; dropped \\ud800 (expected text\\u2028)\n    hint: fix\\u2066it\\u2069\\ttab',
    );
  });

  it('leaves accents, CJK, emoji and pairs alone', () => {
    expect(escapeForLog('Café Zürich 東京 😀 “quote” — done')).toBe('Café Zürich 東京 😀 “quote” — done');
  });

  it('keeps --json output valid JSON with the same value, and printable', () => {
    const value = { message: 'a\x1b[2J\x9b\u202e\ud800b😀' };
    const json = escapeJsonForLog(JSON.stringify(value));
    expect(json).toBe('{"message":"a\\u001b[2J\\u009b\\u202e\\ud800b😀"}');
    expect(JSON.parse(json)).toEqual(value);
  });

  it('sorts by code units, not by locale', () => {
    const sorted = sortDiagnostics([
      diagnostic('a.md', { code: 'invalid-type', field: 'b', message: '' }),
      diagnostic('a.md', { code: 'invalid-type', field: 'Z', message: '' }),
      diagnostic('a.md', { code: 'invalid-type', field: 'é', message: '' }),
      diagnostic('a.md', { code: 'invalid-type', field: 'a', message: '' }),
    ]);
    expect(sorted.map((d) => d.field)).toEqual(['Z', 'a', 'b', 'é']);
  });
});

describe('a hostile file through the whole build', () => {
  it('emits well-formed text and no credentialed URL anywhere', async () => {
    const dir = tempDir();
    writeFileSync(
      path.join(dir, 'bad.md'),
      [
        '---',
        'title: "Lone \\ud800 surrogate"',
        'excerpt: "tail \\udc00"',
        'webUrl: "https://user:pass@example.com/story"',
        'originalUrl: "https://example.com/original"',
        'ampWebUrl: "https://good.example@evil.example/amp"',
        'images:',
        '  - url: "https://u@img.example/a.jpg"',
        '  - url: "https://img.example/b.jpg"',
        'provider:',
        '  name: "Pro \\ud83d"',
        '  images:',
        '    - url: "https://x:y@logo.example/l.png"',
        'related:',
        '  - title: "Rel"',
        '    webUrl: "https://a:b@rel.example/1"',
        '    originalUrl: "https://rel.example/1"',
        'featuredContent: \'<iframe src="https://user@www.youtube.com/embed/dQw4w9WgXcQ"></iframe>\'',
        '---',
        'Body',
        '',
      ].join('\n'),
    );
    const build = await buildNewsData({ dir });
    const detail = (await build.readArticle(build.articles[0]!.head.slug))!;
    expect(detail.title).toBe('Lone \ufffd surrogate');
    expect(detail.excerpt).toBe('tail \ufffd');
    expect(detail.provider).toEqual({ name: 'Pro \ufffd' });
    expect(detail.url).toBe('https://example.com/original');
    expect(detail.ampUrl).toBeUndefined();
    expect(detail.images).toEqual([{ url: 'https://img.example/b.jpg' }]);
    expect(detail.related.map((r) => r.url)).toEqual(['https://rel.example/1']);
    expect(detail.embed).toBeUndefined();
    const emitted = (await build.allDataFiles()).map(([, json]) => json).join('\n');
    expect(emitted).not.toMatch(/@|\\ud8|\\udc/);
    const unsafe = build.diagnostics.filter((d) => d.code === 'unsafe-url').map((d) => d.field);
    expect(unsafe).toEqual(['webUrl', 'ampWebUrl', 'images[0].url', 'provider.images[0].url', 'related[0].webUrl']);
    expect(build.diagnostics.find((d) => d.field === 'webUrl')!.message).toBe('carries a user name or password before "@example.com"; the URL was dropped');
    expect(build.diagnostics.find((d) => d.code === 'featured-content-dropped')?.message).toBe(
      'the embedded player is not on the allowlist (YouTube); raw HTML is never emitted',
    );
  });

  it('the app and the embed reader refuse credentials too', () => {
    expect(safeHttpUrl('https://user:pass@example.com/')).toBeUndefined();
    expect(safeHttpUrl('https://good.example@evil.example/')).toBeUndefined();
    expect(safeHttpUrl('https://example.com/a@b')).toBe('https://example.com/a@b');
    expect(youtubeIdFromUrl('https://user@www.youtube.com/watch?v=dQw4w9WgXcQ')).toBeUndefined();
    expect(youtubeIdFromUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBe('dQw4w9WgXcQ');
  });
});
