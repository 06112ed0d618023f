import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateCorpus, type CorpusStyle } from '../generate/corpus.ts';
import { undoLeftoverEdit } from './title-edit.ts';

const MARKER = '.bench-corpus.json';

interface Marker {
  size: number;
  seed: number;
  /** Absent in markers written before corpora had styles: those are plain. */
  style?: CorpusStyle;
  files: number;
  bytes: number;
}

/**
 * The synthetic corpus of `size` articles in `style` under `dir`, generated once: a marker file
 * holding size, seed and style (written last) says the folder is complete and which corpus it
 * holds. A file an interrupted run left changed is put back first.
 */
export async function ensureCorpus(
  dir: string,
  size: number,
  seed: number,
  style: CorpusStyle = 'plain',
): Promise<{ dir: string; files: number; bytes: number; generated: boolean; restored: boolean }> {
  const markerPath = path.join(dir, MARKER);
  try {
    const marker = JSON.parse(await readFile(markerPath, 'utf8')) as Marker;
    if (marker.size === size && marker.seed === seed && (marker.style ?? 'plain') === style) {
      const restored = await undoLeftoverEdit(dir);
      return { dir, files: marker.files, bytes: marker.bytes, generated: false, restored };
    }
  } catch {
    // Missing or unreadable: generate.
  }
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const { files, bytes } = await generateCorpus(dir, size, seed, style);
  await writeFile(markerPath, JSON.stringify({ size, seed, style, files, bytes } satisfies Marker));
  return { dir, files, bytes, generated: true, restored: false };
}
