import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { outputKey } from './file-index.ts';

/** The folders (relative to the project root) whose code turns records into data files. */
const DATA_CODE = ['src/plugin', 'src/contract'];

function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
  } catch {
    return [];
  }
}

/**
 * A key of the code and settings that make the data files from the parsed records: the
 * pipeline's and the contract's source files, the exact dependency versions (the lock file) and
 * the options that change the output. When any of them changes, every article file is written
 * again; reading them costs a few milliseconds.
 */
export function codeKey(root: string, settings: unknown): string {
  const parts: (string | Uint8Array)[] = [JSON.stringify(settings)];
  for (const file of [...DATA_CODE.flatMap((dir) => filesUnder(path.join(root, dir))), path.join(root, 'package-lock.json')]) {
    try {
      parts.push(path.relative(root, file), readFileSync(file));
    } catch {
      parts.push(path.relative(root, file), '');
    }
  }
  return outputKey(...parts);
}
