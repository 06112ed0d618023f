/**
 * Where the real Smartable corpus is, for every test that reads it (it is never copied into the
 * repository). In order: `SMARTABLE_CORPUS_DIR` (or the older `E2E_CORPUS_DIR`); `../shared/corpus`
 * beside this checkout; the same beside the repository this checkout was cloned from, when that
 * is a local folder (so `git clone . /tmp/x && bash /tmp/x/.ci/run` finds it too).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const NAME = path.join('shared', 'corpus', 'smartable-power-apps-2019-2020');

function originFolder(): string | undefined {
  try {
    const url = execFileSync('git', ['-C', ROOT, 'remote', 'get-url', 'origin'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const folder = url.startsWith('file://') ? fileURLToPath(url) : url;
    return path.isAbsolute(folder) && existsSync(folder) ? folder : undefined;
  } catch {
    return undefined;
  }
}

export function sharedCorpusDir(): string {
  const fromEnv = process.env.SMARTABLE_CORPUS_DIR ?? process.env.E2E_CORPUS_DIR;
  if (fromEnv) return path.resolve(fromEnv);
  const beside = path.resolve(ROOT, '..', NAME);
  if (existsSync(beside)) return beside;
  const origin = originFolder();
  const besideOrigin = origin && path.resolve(origin, '..', NAME);
  return besideOrigin && existsSync(besideOrigin) ? besideOrigin : beside;
}
