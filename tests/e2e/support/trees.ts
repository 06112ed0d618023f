import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect } from 'vitest';

/** Every file under `dir`, as relative path → bytes. */
export function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    files.set(relative(dir, file), readFileSync(file));
  }
  return files;
}

/** The two folders hold the same files with the same bytes. */
export function expectSameTree(expected: string, actual: string, what = actual): void {
  const left = tree(expected);
  const right = tree(actual);
  expect([...right.keys()].sort(), what).toEqual([...left.keys()].sort());
  const differing = [...left].filter(([file, bytes]) => !bytes.equals(right.get(file)!)).map(([file]) => file);
  expect(differing, what).toEqual([]);
}
