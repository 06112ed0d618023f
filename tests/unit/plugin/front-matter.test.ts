import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/generate/corpus';
import { readFrontMatter, type FrontMatter, type FrontMatterProblem } from '../../../src/plugin/front-matter';
import { toCard } from '../../../src/plugin/lists';
import { cutEnd, LIMITS } from '../../../src/plugin/normalize';
import { parseFile } from '../../../src/plugin/parse';
import { sharedCorpusDir } from '../../support/shared-corpus';

const ROOT = path.resolve(__dirname, '../../..');
const jsYaml = (matter as unknown as { engines: { yaml: { parse(text: string): unknown } } }).engines.yaml;

function read(text: string): FrontMatter {
  const result = readFrontMatter(text);
  if (!result || 'problem' in result) throw new Error(`expected front matter, got ${JSON.stringify(result)}`);
  return result;
}

function problemOf(text: string): FrontMatterProblem['problem'] {
  const result = readFrontMatter(text);
  if (!result || !('problem' in result)) throw new Error(`expected a problem, got ${JSON.stringify(result)}`);
  return result.problem;
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe('where the front matter ends and the body starts', () => {
  it('the body starts on the line after the closing ---', () => {
    const text = '---\ntitle: "A"\n---\nbody';
    const fm = read(text);
    expect(fm.data).toEqual({ title: 'A' });
    expect(fm.bodyStart).toBe(19);
    expect(text.slice(fm.bodyStart)).toBe('body');
  });

  it('a closing line without a line break leaves an empty body', () => {
    const fm = read('---\na: 1\n---');
    expect(fm.bodyStart).toBe(12);
    expect(fm.data).toEqual({ a: 1 });
  });

  it('closing lines may carry trailing spaces, and "..." closes too', () => {
    expect(read('---\na: 1\n---   \nbody').bodyStart).toBe(16);
    const dots = '---\na: 1\n...\nbody';
    expect(read(dots).data).toEqual({ a: 1 });
    expect(dots.slice(read(dots).bodyStart)).toBe('body');
  });

  it('a line that starts with --- ends the YAML as gray-matter cuts it, the body still starts after the closing line', () => {
    const text = '---\ntitle: A\n---x\nwebUrl: u\n---\nbody';
    const fm = read(text);
    expect(fm.data).toEqual({ title: 'A' });
    expect(text.slice(fm.bodyStart)).toBe('body');
  });

  it('a "..." closing line ends the YAML document, even with --- lines in the body after it', () => {
    const text = '---\ntitle: A\n...\nbody\n---\n';
    expect(read(text).data).toEqual({ title: 'A' });
    expect(text.slice(read(text).bodyStart)).toBe('body\n---\n');
  });

  it('later --- lines belong to the body', () => {
    const text = '---\ntitle: N\n---\n---\nstill body\n';
    expect(text.slice(read(text).bodyStart)).toBe('---\nstill body\n');
  });
});

describe('lineOf', () => {
  const text = [
    '---',
    'title: "T"',
    'topics:',
    '  - AI',
    '  - Cloud',
    'related:',
    '  - title: "one"',
    '    images:',
    '      - url: "https://a/1"',
    '  - title: "two"',
    'heat: 3',
    '---',
    'heat: not a field',
  ].join('\n');
  const fm = read(text);

  it('gives the line of a top-level key, counting the opening --- as line 1', () => {
    expect(fm.lineOf('title')).toBe(2);
    expect(fm.lineOf('heat')).toBe(11);
  });

  it('gives the line of an item of a top-level list, and of the item for a path inside it', () => {
    expect(fm.lineOf('topics[1]')).toBe(5);
    expect(fm.lineOf('related[0]')).toBe(7);
    expect(fm.lineOf('related[1].title')).toBe(10);
  });

  it("falls back to the key's line for a missing item, and is undefined for a field not written", () => {
    expect(fm.lineOf('related[5]')).toBe(6);
    expect(fm.lineOf('webUrl')).toBeUndefined();
  });
});

describe('line breaks and the byte-order mark', () => {
  it('reads CRLF files: the same data, lines counted once per CRLF, bodyStart past the CRLF', () => {
    const text = '---\r\ntitle: "A"\r\nexcerpt: |\r\n  one\r\n  two\r\nheat: 2\r\n---\r\nbody\r\n';
    const fm = read(text);
    expect(fm.data).toEqual({ title: 'A', excerpt: 'one\ntwo\n', heat: 2 });
    expect(fm.lineOf('heat')).toBe(6);
    expect(text.slice(fm.bodyStart)).toBe('body\r\n');
  });

  it('reads a lone CR as a line break, as old Mac editors wrote them', () => {
    const text = '---\rtitle: "A"\rheat: 2\r---\rbody';
    const fm = read(text);
    expect(fm.data).toEqual({ title: 'A', heat: 2 });
    expect(fm.lineOf('heat')).toBe(3);
    expect(text.slice(fm.bodyStart)).toBe('body');
  });

  it('skips a leading BOM; bodyStart counts it', () => {
    const text = '\uFEFF---\ntitle: A\n---\nbody';
    const fm = read(text);
    expect(fm.data).toEqual({ title: 'A' });
    expect(fm.bodyStart).toBe(18);
    expect(fm.lineOf('title')).toBe(2);
  });
});

describe('what is not YAML front matter', () => {
  it('a file that does not open with --- has none', () => {
    expect(readFrontMatter('A headline\n\n---\ntitle: x\n---\n')).toBeUndefined();
  });

  it('---- is a rule line of plain text, and so is a first line with words after ---', () => {
    expect(readFrontMatter('----\ntitle: x\n---\n')).toBeUndefined();
    expect(readFrontMatter('--- Breaking news ---\ntext\n')).toBeUndefined();
  });

  it.each([
    ['---js', 'js'],
    ['---coffee', 'coffee'],
    ['--- json', 'json'],
    ['---toml', 'toml'],
  ])('%s front matter is reported on line 1 and the file skipped', (opening, language) => {
    const problem = problemOf(`${opening}\n{ title: "x" }\n---\nbody\n`);
    expect(problem).toMatchObject({ code: 'unsupported-front-matter-language', line: 1 });
    expect(problem.message).toBe(`the front matter is declared as "${language}", and only YAML front matter is read; the file was skipped`);
  });

  it('never evaluates a ---js block (gray-matter would)', () => {
    const probe = globalThis as { frontMatterEvaluated?: number };
    readFrontMatter('---js\n{ title: (globalThis.frontMatterEvaluated = 1, "x") }\n---\n');
    expect(probe.frontMatterEvaluated).toBeUndefined();
  });

  it('---yaml and ---yml declare YAML, and are read as such', () => {
    expect(read('---yaml\ntitle: Y\n---\n').data).toEqual({ title: 'Y' });
    expect(read('---YML\ntitle: Y\n---\n').data).toEqual({ title: 'Y' });
  });

  it('leaves gray-matter’s cache of every input empty', () => {
    const cache = (matter as unknown as { cache: Record<string, unknown> }).cache;
    const before = Object.keys(cache).length;
    read('---\ntitle: cached?\n---\n');
    expect(Object.keys(cache).length).toBe(before);
  });
});

describe('front matter that cannot be read', () => {
  it('empty front matter, or comments alone, is no fields (not null)', () => {
    const empty = '---\n---\nbody';
    expect(read(empty).data).toEqual({});
    expect(empty.slice(read(empty).bodyStart)).toBe('body');
    expect(read('---\n# a comment\n---\n').data).toEqual({});
    expect(read('---\n---\n').lineOf('title')).toBeUndefined();
  });

  it('an unterminated block is reported on line 1', () => {
    for (const text of ['---\ntitle: A\n', '---', '---\n'])
      expect(problemOf(text), JSON.stringify(text)).toMatchObject({ code: 'unterminated-front-matter', line: 1, expected: 'a closing "---" line' });
  });

  it('a list or a value is not a set of fields', () => {
    expect(problemOf('---\n- a\n- b\n---\n')).toMatchObject({ code: 'front-matter-not-object', line: 2 });
    expect(problemOf('---\njust words\n---\n')).toMatchObject({ code: 'front-matter-not-object', line: 2 });
  });

  it('broken YAML gives the file line and column of the error', () => {
    expect(problemOf('---\ntitle: a\nb: @x\nc: 2\n---\n')).toMatchObject({ code: 'yaml-syntax', line: 3, column: 4 });
    expect(problemOf('---\ntitle: a\n  b: 1\n---\n')).toMatchObject({
      code: 'yaml-syntax',
      line: 3,
      column: 4,
      message: 'bad indentation of a mapping entry; the file was skipped',
    });
  });

  it('an error at the end of the stream is shown on the closing line, not past it', () => {
    expect(problemOf('---\ntitle: "a\n---\n')).toMatchObject({
      code: 'yaml-syntax',
      line: 3,
      message: expect.stringMatching(/^unexpected end of the stream within a double quoted scalar/),
    });
  });

  it('nesting that overflows the stack is reported on the line where it does, without a crash', () => {
    const text = `---\ntitle: x\nheat: 1\nk: ${'['.repeat(10_000)}\n---\n`;
    expect(problemOf(text)).toEqual({
      code: 'front-matter-too-deep',
      line: 4,
      message: 'the front matter nests lists or mappings too deeply to be read; the file was skipped',
      expected: 'fields nested a few levels deep',
    });
  });

  it('nesting spread over many lines: the line is one of those lines', () => {
    const text = `---\ntitle: x\nk:\n${'[\n'.repeat(20_000)}---\n`;
    const { code, line } = problemOf(text);
    expect(code).toBe('front-matter-too-deep');
    expect(line).toBeGreaterThan(4);
    expect(line).toBeLessThan(20_004);
  });
});

describe('types, as js-yaml’s safe schema reads them', () => {
  it('timestamps become dates, numbers and booleans stay typed, quoted text stays text', () => {
    const fm = read('---\na: 2020-07-14T19:45:00-07:00\nb: 2020-07-14\nc: -2.5\nd: true\ne: ~\nf: "2020-07-14"\ng: 0x1F\n---\n');
    expect(fm.data).toEqual({ a: new Date('2020-07-15T02:45:00Z'), b: new Date('2020-07-14T00:00:00Z'), c: -2.5, d: true, e: null, f: '2020-07-14', g: 31 });
  });
});

async function frontMatters(dir: string): Promise<[string, string, string][]> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => /\.(md|txt)$/.test(f)).sort();
  const out: [string, string, string][] = [];
  for (const file of files) {
    const raw = await readFile(path.join(dir, file), 'utf8');
    const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const m = /^---\n([\s\S]*?)\n---(\n|$)/.exec(text);
    if (m) out.push([file, raw, m[1]!]);
  }
  return out;
}

describe('every real and generated front matter', () => {
  it('reads as js-yaml reads the block between the --- lines: the seeds and the real corpus', async () => {
    const all = [...(await frontMatters(path.join(ROOT, 'seeds'))), ...(await frontMatters(sharedCorpusDir()))];
    expect(all).toHaveLength(80);
    for (const [file, raw, yaml] of all) expect(read(raw).data, file).toEqual(jsYaml.parse(yaml));
  });

  it.each(['plain', 'varied'] as const)('reads as js-yaml reads the block: 1,000 generated files, %s style', async (style) => {
    const dir = await mkdtemp(path.join(tmpdir(), 'front-matter-'));
    try {
      await generateCorpus(dir, 1000, 7, style);
      const all = await frontMatters(dir);
      expect(all.length).toBeGreaterThan(900);
      for (const [file, raw, yaml] of all) expect(read(raw).data, file).toEqual(jsYaml.parse(yaml));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('cuts never split a surrogate pair', () => {
  it('cutEnd steps back off the first half of a pair, and only then', () => {
    expect(cutEnd('ab😀c', 3)).toBe(2);
    expect(cutEnd('ab😀c', 4)).toBe(4);
    expect(cutEnd('abcd', 3)).toBe(3);
  });

  it('a plain-text title cut at the limit drops a whole emoji', () => {
    const headline = `${'x'.repeat(LIMITS.title - 2)}😀 and more words`;
    const record = parseFile('long.txt', bytes(`${headline}\n\nThe body.\n`));
    expect(record.plain!.title).toBe(`${'x'.repeat(LIMITS.title - 2)}…`);
    expect(record.diagnostics).toEqual([expect.objectContaining({ code: 'field-truncated', field: 'title', line: 1 })]);
  });

  it("a card's excerpt cut at its limit drops a whole emoji", () => {
    const excerpt = `${'x'.repeat(279)}😀${'y'.repeat(40)}`;
    const head = { slug: 's', title: 'T', type: 'article', heat: 1, published: true, topics: [], relatedCount: 0, citedByCount: 0, excerpt } as const;
    expect(toCard({ ...head, topics: [] }).excerpt).toBe(`${'x'.repeat(279)}…`);
  });
});
