import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { markUsed, processAlive, pruneContentCaches, removeOrphanedPrerenderFolders } from '../../../src/plugin/cache-cleanup.ts';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 5, 1);
let root: string;

function folder(name: string, usedDaysAgo?: number): string {
  const dir = path.join(root, name);
  mkdirSync(path.join(dir, 'details'), { recursive: true });
  writeFileSync(path.join(dir, 'details', 'pack'), 'x');
  if (usedDaysAgo !== undefined) {
    const at = (NOW - usedDaysAgo * DAY) / 1000;
    writeFileSync(path.join(dir, 'last-used'), '');
    utimesSync(path.join(dir, 'last-used'), at, at);
  }
  return dir;
}

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'news-cache-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('cache cleanup', () => {
  it("removes the prerender folders of dead processes only, never this process's", async () => {
    folder('prerender-111-1');
    folder('prerender-111-2');
    folder('prerender-222-1');
    folder(`prerender-${process.pid}-1`);
    folder('prerender-notes');
    folder('abcdefabcdef');
    const removed = await removeOrphanedPrerenderFolders(root, (pid) => pid === 222);
    expect(removed).toEqual(['prerender-111-1', 'prerender-111-2']);
    expect(readdirSync(root).sort()).toEqual(['abcdefabcdef', `prerender-${process.pid}-1`, 'prerender-222-1', 'prerender-notes'].sort());
  });

  it('knows this process is alive and a reaped one is not', () => {
    expect(processAlive(process.pid)).toBe(true);
    // Pid numbers stop far below this on Linux (pid_max is at most 2^22).
    expect(processAlive(2 ** 30)).toBe(false);
  });

  it('prunes content caches unused for 30 days or beyond the most recent, keeping the one in use', async () => {
    const inUse = folder('000000000000', 400);
    folder('111111111111', 1);
    folder('222222222222', 2);
    folder('333333333333', 3);
    folder('444444444444', 31);
    folder('prerender-1-1', 900);
    const removed = await pruneContentCaches(root, inUse, { keep: 3, now: NOW });
    // Kept: the one in use, and the two most recent others (3 in all).
    expect(removed).toEqual(['333333333333', '444444444444']);
    expect(readdirSync(root).sort()).toEqual(['000000000000', '111111111111', '222222222222', 'prerender-1-1']);
  });

  it('marks a cache as used now', async () => {
    const dir = path.join(root, 'aaaaaaaaaaaa');
    await markUsed(dir, NOW);
    expect(existsSync(path.join(dir, 'last-used'))).toBe(true);
    folder('bbbbbbbbbbbb', 10);
    // Used 10 days ago, within 30 days and among the 8 most recent: kept.
    expect(await pruneContentCaches(root, dir, { now: NOW })).toEqual([]);
    expect(await pruneContentCaches(root, path.join(root, 'bbbbbbbbbbbb'), { now: NOW + 31 * DAY })).toEqual(['aaaaaaaaaaaa']);
  });
});
