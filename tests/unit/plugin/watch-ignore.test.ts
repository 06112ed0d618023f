import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ignoreFolders } from '../../../src/plugin/watch-ignore';

describe('dev watcher ignore list', () => {
  const root = '/project';
  const ignored = ignoreFolders(root, ['.cache', 'dist'], { dir: '.cache/bench/corpus-10000' });

  it('ignores bulky folders, but never the content folder or the folders above it', () => {
    expect(ignored('/project/.cache/bench/dist-10000/index.html')).toBe(true);
    expect(ignored('/project/dist/assets/x.js')).toBe(true);
    expect(ignored('/project/.cache/bench/corpus-10000/_news/2020/a.md')).toBe(false);
    expect(ignored('/project/.cache/bench/corpus-10000')).toBe(false);
    expect(ignored('/project/.cache/bench')).toBe(false);
    expect(ignored('/project/.cache')).toBe(false);
    expect(ignored('/project/src/app/App.tsx')).toBe(false);
    expect(ignored(path.join(root, 'distribution.md'))).toBe(false);
  });
});
