import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildNewsData, NewsPipeline } from '../../../src/plugin/pipeline';

// A watcher's rebuild (the dev server's) names the changed files; whatever it skips, its data
// must be what a full build of the same folder makes.
const SEEDS = path.resolve(__dirname, '../../../seeds');
const FILE = '001_b6f788767d3a8fd8.txt';
let work: string;
let dir: string;
let pipeline: NewsPipeline;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'news-watch-'));
  dir = path.join(work, 'news');
  await cp(SEEDS, dir, { recursive: true });
  pipeline = new NewsPipeline({ dir });
  await pipeline.build();
});
afterAll(async () => {
  await pipeline.close();
  await rm(work, { recursive: true, force: true });
});

async function expectLikeFullBuild(changed: string[]) {
  const rebuilt = await pipeline.build(changed.map((f) => path.join(dir, f)));
  const full = await buildNewsData({ dir });
  expect(rebuilt.files).toBe(full.files);
  expect(new Map(await rebuilt.allDataFiles())).toEqual(new Map(await full.allDataFiles()));
  return rebuilt;
}

describe("a watcher's rebuild gives a full build's data", () => {
  it('after an edit of a listed file', async () => {
    const file = path.join(dir, FILE);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: "Edited while watched"'));
    const build = await expectLikeFullBuild([FILE]);
    expect([...(await build.allDataFiles())].some(([, json]) => json.includes('Edited while watched'))).toBe(true);
  });

  it('after a file is added', async () => {
    const text = await readFile(path.join(SEEDS, FILE), 'utf8');
    await writeFile(path.join(dir, '009_added.txt'), text.replace(/^title: .*$/m, 'title: "Added while watched"'));
    const build = await expectLikeFullBuild(['009_added.txt']);
    expect(build.files).toBe(6);
  });

  it('after a file is renamed (its old name deleted, its new one added)', async () => {
    await rename(path.join(dir, '009_added.txt'), path.join(dir, '010_renamed.txt'));
    const build = await expectLikeFullBuild(['009_added.txt', '010_renamed.txt']);
    expect(build.files).toBe(6);
  });

  it('after a file is deleted', async () => {
    await rm(path.join(dir, '010_renamed.txt'));
    const build = await expectLikeFullBuild(['010_renamed.txt']);
    expect(build.files).toBe(5);
  });
});
