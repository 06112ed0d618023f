import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateCorpus } from '../generate/corpus.ts';

const MARKER = '.bench-corpus.json';

/**
 * The synthetic corpus of `size` articles under `dir`, generated once: a marker file holding
 * size and seed (written last) says the folder is complete and which corpus it holds.
 */
export async function ensureCorpus(dir: string, size: number, seed: number): Promise<{ dir: string; files: number; bytes: number; generated: boolean }> {
  const markerPath = path.join(dir, MARKER);
  try {
    const marker = JSON.parse(await readFile(markerPath, 'utf8')) as { size: number; seed: number; files: number; bytes: number };
    if (marker.size === size && marker.seed === seed) return { dir, files: marker.files, bytes: marker.bytes, generated: false };
  } catch {
    // Missing or unreadable: generate.
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const { files, bytes } = await generateCorpus(dir, size, seed);
  await writeFile(markerPath, JSON.stringify({ size, seed, files, bytes }));
  return { dir, files, bytes, generated: true };
}
