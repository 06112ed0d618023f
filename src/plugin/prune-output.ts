import { rm, rmdir } from 'node:fs/promises';
import { fdir } from 'fdir';
import path from 'node:path';

/**
 * Removes the files under `dir` (a folder of the output, `/`-separated, '' for all of it) for
 * which `keep` is false, then the folders left empty. Vite's own emptying of the output folder
 * (emptyOutDir) is turned off so that unchanged files can stay; this does its job at the end
 * instead, so the folder holds exactly this build's files, as after a clean build. Like Vite,
 * it leaves a `.git` folder alone. Returns how many files it removed.
 */
export async function removeFilesNotKept(outDir: string, dir: string, keep: (file: string) => boolean): Promise<number> {
  const root = path.join(outDir, dir);
  // fdir lists a folder's entries in parallel; Node's recursive readdir goes one folder at a time.
  // Folders come with a trailing separator; `.git` at the top is not entered, as Vite leaves it.
  const gitDir = path.join(outDir, '.git') + path.sep;
  let entries: string[];
  try {
    entries = await new fdir()
      .withFullPaths()
      .withDirs()
      .withErrors()
      .exclude((_name, dirPath) => dirPath === gitDir)
      .crawl(root)
      .withPromise();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
  let removed = 0;
  const folders: string[] = [];
  // What each folder still holds once the files not kept are gone: only a folder left empty is
  // asked to go (asking every folder, most of them not empty, is a failing call per folder).
  const holds = new Map<string, number>();
  const hold = (folder: string, n: number) => holds.set(folder, (holds.get(folder) ?? 0) + n);
  for (const entry of entries) {
    const isFolder = entry.endsWith(path.sep);
    const full = isFolder ? entry.slice(0, -1) : entry;
    if (full === root) continue;
    if (isFolder) {
      folders.push(full);
      hold(full, 0);
      hold(path.dirname(full), 1);
      continue;
    }
    if (keep(path.relative(outDir, full).split(path.sep).join('/'))) {
      hold(path.dirname(full), 1);
      continue;
    }
    await rm(full, { force: true });
    removed++;
  }
  // Deepest first, so a folder whose subfolders were all emptied goes too.
  for (const folder of folders.sort((a, b) => b.length - a.length)) {
    if (holds.get(folder) !== 0) continue;
    const gone = await rmdir(folder).then(
      () => true,
      () => false,
    );
    if (gone) hold(path.dirname(folder), -1);
  }
  return removed;
}

/** Removes these files (relative to `outDir`) where they still exist, and their folders if that empties them. */
export async function removeFiles(outDir: string, files: readonly string[]): Promise<number> {
  let removed = 0;
  for (const file of files) {
    const full = path.join(outDir, file);
    try {
      await rm(full);
      removed++;
    } catch {
      continue;
    }
    for (let folder = path.dirname(full); folder.startsWith(outDir + path.sep); folder = path.dirname(folder)) {
      if (
        !(await rmdir(folder).then(
          () => true,
          () => false,
        ))
      )
        break;
    }
  }
  return removed;
}
