import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { NewsBuild } from './build-result.ts';
import { mapLimit } from './load.ts';

/** Writes every data file under `outDir` (paths as in `dataPaths`). Returns counts. */
export async function writeDataFiles(build: NewsBuild, outDir: string): Promise<{ files: number; bytes: number }> {
  const files = [...build.dataFiles()];
  const dirs = new Set(files.map(([file]) => path.dirname(path.join(outDir, file))));
  for (const dir of [...dirs].sort()) await mkdir(dir, { recursive: true });
  let bytes = 0;
  await mapLimit(files, 32, async ([file, json]) => {
    bytes += Buffer.byteLength(json);
    await writeFile(path.join(outDir, file), json);
  });
  return { files: files.length, bytes };
}
