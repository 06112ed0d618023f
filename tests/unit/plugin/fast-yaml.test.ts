import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import matter from 'gray-matter';
import { describe, expect, it } from 'vitest';
import { generateCorpus } from '../../../bench/generate/corpus';
import { parseSimpleYaml } from '../../../src/plugin/fast-yaml';
import { sharedCorpusDir } from '../../support/shared-corpus';

const ROOT = path.resolve(__dirname, '../../..');
const jsYaml = (matter as unknown as { engines: { yaml: { parse(text: string): unknown } } }).engines.yaml;

async function frontMatters(dir: string): Promise<[string, string][]> {
  const files = (await readdir(dir, { recursive: true })).filter((f) => /\.(md|txt)$/.test(f)).sort();
  const out: [string, string][] = [];
  for (const file of files) {
    const text = (await readFile(path.join(dir, file), 'utf8')).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
    const m = /^---\n([\s\S]*?)\n---(\n|$)/.exec(text);
    if (m) out.push([file, m[1]!]);
  }
  return out;
}

describe('fast YAML path', () => {
  it('gives exactly what js-yaml gives on every front matter of the seeds and the real corpus', async () => {
    const all = [...(await frontMatters(path.join(ROOT, 'seeds'))), ...(await frontMatters(sharedCorpusDir()))];
    expect(all).toHaveLength(80);
    let fast = 0;
    for (const [file, yaml] of all) {
      const result = parseSimpleYaml(yaml);
      if (result === undefined) continue;
      fast++;
      expect(result, file).toEqual(jsYaml.parse(yaml));
    }
    // The generated files must all take the fast path, or it buys nothing.
    expect(fast).toBe(80);
  });

  it('gives exactly what js-yaml gives on 1,000 generated files (CRLF, videos, long related lists)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fast-yaml-'));
    try {
      await generateCorpus(dir, 1000, 7);
      const all = await frontMatters(dir);
      expect(all.length).toBeGreaterThan(900);
      for (const [file, yaml] of all) expect(parseSimpleYaml(yaml), file).toEqual(jsYaml.parse(yaml));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads a range of a larger text, as the parser hands it the front matter in place', () => {
    const text = '---\ntitle: "A"\nheat: 3\n---\nbody: not yaml';
    expect(parseSimpleYaml(text, 4, text.indexOf('\n---', 4))).toEqual({ title: 'A', heat: 3 });
  });

  it.each([
    ['timestamps with offsets and fractions', 'a: 2020-07-14T19:45:00-07:00\nb: 2020-07-14 19:45:00.5Z\nc: 2020-07-14'],
    ['loose timestamps, as js-yaml reads them', 'a: 2020-6-1 5:00:00\nb: 2020-06-01T05:00:00+02'],
    ['numbers, booleans, nulls', 'a: 1\nb: -2.5\nc: true\nd: False\ne: ~\nf:\ng: null'],
    ['plain strings that look like other things', 'a: yes\nb: no\nc: news\nd: Natural Language Processing'],
    ['nested lists of mappings, sequences at the key indentation', 'topics:\n- AI\n- Cloud\nrelated:\n  - title: "x"\n    provider:\n      name: P\n    images:\n      - url: "https://a/b"\n        width: 5'],
    ['dates in the common form and its near misses', 'a: 2020-07-14T19:45:00Z\nb: 2020-07-14t19:45:00Z\nc: 2020-07-14T19:45:00.250Z\nd: 2020-02-30T10:00:00Z'],
    ['keys of the format and others, words that hold colons', 'title: "x"\ntitlex: 1\nurl: a:b\nx_y-z: 2'],
    ['a mapping in a sequence indented by several spaces', 'related:\n  -   title: "t"\n      heat: 1\n  -   "plain"'],
    ['escapes in double quotes', 'a: "line\\nbreak \\"quoted\\" \\u00e9 \\\\ \\/"'],
  ])('%s: same as js-yaml', (_name, yaml) => {
    const result = parseSimpleYaml(yaml);
    expect(result).toBeDefined();
    expect(result).toEqual(jsYaml.parse(yaml));
  });

  it.each([
    ['flow collections', 'a: [1, 2]'],
    ['block scalars', 'a: |\n  text'],
    ['multi-line plain scalars', 'a: one\n  two'],
    ['multi-line double quotes', 'a: "one\n  two"'],
    ['anchors and aliases', 'a: &x 1\nb: *x'],
    ['YAML-only escapes', 'a: "\\x41"'],
    ['comments after values', 'a: b # c'],
    ['duplicate keys', 'a: 1\na: 2'],
    ['single quotes', "a: 'it''s'"],
    ['hex and underscores', 'a: 0x1F\nb: 1_000'],
    ['prototype keys', '__proto__: 1'],
    ['tab indentation', 'a:\n\tb: 1'],
    ['a tab after a dash', 'a:\n  -\tb'],
    ['no-break space as indentation', 'a:\n\u00a0 b: 1'],
    ['a key without a space before its value', 'a:b'],
  ])('%s: left to js-yaml', (_name, yaml) => {
    expect(parseSimpleYaml(yaml)).toBeUndefined();
  });
});
