/**
 * Two builds of the same folder write the same bytes, every file; a build killed part-way
 * (SIGKILL: no cleanup runs) leaves nothing that makes the next build differ, and its temporary
 * folder is removed by that next build.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './support/helpers';
import { buildSeeds, cleanSeedsBuild } from './support/seeds-build';
import { expectSameTree, tree } from './support/trees';

const CACHE_ROOT = join(ROOT, 'node_modules', '.cache', 'smartable-news');
const work = mkdtempSync(join(tmpdir(), 'news-repro-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('reproducible builds', () => {
  // The global setup's build of the seeds is one of the two.
  let cleanBuild: Promise<string> | undefined;
  const reference = () => (cleanBuild ??= cleanSeedsBuild(join(work, 'clean')));

  it('two builds of the seeds give byte-identical trees', async () => {
    const clean = await reference();
    const again = join(work, 'again');
    await buildSeeds(again);
    expect(tree(clean).size).toBeGreaterThan(20);
    expect(tree(clean).has('topic/ai/index.html')).toBe(true);
    expectSameTree(clean, again);
  }, 120_000);

  it('a build killed part-way, then built again into the same folder, gives the clean output', async () => {
    const killedDir = join(work, 'killed');
    // Killed once the data files are written, while the pages are being rendered.
    const killed = await buildSeeds(killedDir, /news: data files: \d+ written/);
    expect(killed.killed).toBe(true);
    expect(existsSync(join(CACHE_ROOT, `prerender-${killed.pid}-1`))).toBe(true);
    await buildSeeds(killedDir);
    expectSameTree(await reference(), killedDir);
    // The next build removed the killed one's temporary folder.
    expect(readdirSync(CACHE_ROOT).filter((name) => name.startsWith(`prerender-${killed.pid}-`))).toEqual([]);
  }, 120_000);
});
