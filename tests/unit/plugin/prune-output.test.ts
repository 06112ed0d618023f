import { mkdirSync, mkdtempSync, readdirSync, rmdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { removeFilesNotKept } from '../../../src/plugin/prune-output';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

/** A fresh output folder holding `files` and the empty `folders`. */
function tree(files: string[], folders: string[] = []): string {
  const root = mkdtempSync(path.join(tmpdir(), 'prune-'));
  roots.push(root);
  for (const f of folders) mkdirSync(path.join(root, f), { recursive: true });
  for (const f of files) {
    mkdirSync(path.dirname(path.join(root, f)), { recursive: true });
    writeFileSync(path.join(root, f), f);
  }
  return root;
}

/** Every file and folder under `root`, `/`-separated, folders with a trailing slash. */
function listing(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/') + (e.isDirectory() ? '/' : ''))
    .sort();
}

/** The plain form: remove each file not kept, then ask every folder, deepest first, to go. */
function plainPrune(root: string, keep: (file: string) => boolean): number {
  let removed = 0;
  const folders: string[] = [];
  for (const entry of listing(root)) {
    if (entry === '.git/' || entry.startsWith('.git/')) continue;
    if (entry.endsWith('/')) folders.push(entry);
    else if (!keep(entry)) {
      rmSync(path.join(root, entry));
      removed++;
    }
  }
  for (const folder of folders.sort((a, b) => b.length - a.length)) {
    try {
      rmdirSync(path.join(root, folder));
    } catch {
      // not empty
    }
  }
  return removed;
}

describe('removeFilesNotKept', () => {
  const files = [
    'index.html',
    'article/kept/index.html',
    'article/gone/index.html',
    'article/half/index.html',
    'article/half/extra.json',
    'deep/a/b/c/gone.txt',
    'deep/a/kept.txt',
    'deep/x/y/gone.txt',
    'data/feed/page-1.json',
    '.git/HEAD',
  ];
  const empty = ['empty/nested', 'article/kept/empty'];
  const kept = new Set(['index.html', 'article/kept/index.html', 'article/half/index.html', 'deep/a/kept.txt', 'data/feed/page-1.json']);
  const keep = (file: string) => kept.has(file);

  it('leaves what the plain form leaves: kept files, the folders holding them and .git', async () => {
    const ours = tree(files, empty);
    const plain = tree(files, empty);
    const removed = await removeFilesNotKept(ours, '', keep);
    expect(removed).toBe(plainPrune(plain, keep));
    expect(listing(ours)).toEqual(listing(plain));
    expect(listing(ours)).toEqual([
      '.git/',
      '.git/HEAD',
      'article/',
      'article/half/',
      'article/half/index.html',
      'article/kept/',
      'article/kept/index.html',
      'data/',
      'data/feed/',
      'data/feed/page-1.json',
      'deep/',
      'deep/a/',
      'deep/a/kept.txt',
      'index.html',
    ]);
  });

  it('prunes only under the folder it is given', async () => {
    const root = tree(files, empty);
    expect(await removeFilesNotKept(root, 'deep', keep)).toBe(2);
    expect(listing(root).filter((f) => f.startsWith('deep/'))).toEqual(['deep/', 'deep/a/', 'deep/a/kept.txt']);
    expect(listing(root)).toContain('article/gone/index.html');
    expect(listing(root)).toContain('empty/nested/');
  });
});

describe('removeFilesNotKept on what is not a plain tree', () => {
  it('removes nothing from a folder that does not exist', async () => {
    const root = tree(['index.html']);
    expect(await removeFilesNotKept(root, 'data', () => false)).toBe(0);
    expect(listing(root)).toEqual(['index.html']);
  });

  it('removes a link not kept, never what it points to', async () => {
    const root = tree(['index.html', 'outside/keep.txt']);
    symlinkSync(path.join(root, 'outside'), path.join(root, 'linked'));
    expect(await removeFilesNotKept(root, '', (f) => f === 'index.html' || f.startsWith('outside/'))).toBe(1);
    expect(listing(root)).toEqual(['index.html', 'outside/', 'outside/keep.txt']);
  });
});
