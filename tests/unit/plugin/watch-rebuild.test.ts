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
  pipeline = new NewsPipeline({ dir, watch: true });
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
    // Its body is the plain-text file 003, found by the title: a new title relinks everything.
    expect(build.made.links).toBe('full');
  });

  it("after a title edit, applied to the last build's links and lists", async () => {
    const file = path.join(dir, '002_f5098144ecc78018.txt');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^title: .*$/m, 'title: "Retitled while watched"'));
    const build = await expectLikeFullBuild(['002_f5098144ecc78018.txt']);
    expect(build.made).toEqual({ links: 'incremental', lists: 'incremental' });
  });

  it('after a heat change of an article with a plain-text body, applied to the last build', async () => {
    const file = path.join(dir, FILE);
    await writeFile(file, (await readFile(file, 'utf8')).replace(/^heat: .*$/m, 'heat: 77'));
    const build = await expectLikeFullBuild([FILE]);
    expect(build.made).toEqual({ links: 'incremental', lists: 'incremental' });
  });

  it('after a related item naming a corpus article is added, then removed', async () => {
    const file = path.join(dir, '000_ceed0cb3b1ce101b.txt');
    const text = await readFile(file, 'utf8');
    const item = '  - title: "Cited"\n    webUrl: "https://www.digitaltrends.com/news/microsoft-wont-sell-facial-recognition-technology-to-police/"\n';
    await writeFile(
      file,
      text.replace(/^related:\r?\n/m, (line) => line + item),
    );
    const cited = await expectLikeFullBuild(['000_ceed0cb3b1ce101b.txt']);
    expect(cited.made.links).toBe('incremental');
    const target = cited.articles.find((a) => a.file === FILE)!;
    expect(target.citedBy.map((c) => c.slug)).toContain(cited.articles.find((a) => a.file === '000_ceed0cb3b1ce101b.txt')!.head.slug);
    await writeFile(file, text);
    expect((await expectLikeFullBuild(['000_ceed0cb3b1ce101b.txt'])).made.links).toBe('incremental');
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
