import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { diagnostic, type Diagnostic } from './diagnostics.ts';
import { MAX_FILE_BYTES } from './parse.ts';
import type { FileStat } from './file-index.ts';

export const CONTENT_EXTENSIONS = ['.md', '.markdown', '.txt'] as const;

export function isContentFile(name: string): boolean {
  const lower = name.toLowerCase();
  return CONTENT_EXTENSIONS.some((ext) => lower.endsWith(ext)) && !path.basename(name).startsWith('.');
}

export interface ContentFolder {
  /** Sorted `/`-separated paths relative to the folder; a followed link keeps its own path. */
  files: string[];
  /** One `skipped-entry` warning per entry that looks like content but is not read. */
  diagnostics: Diagnostic[];
}

const isInside = (root: string, target: string) => target === root || target.startsWith(root + path.sep);
/** Hidden entries and installed packages are never content. */
const isIgnored = (part: string) => part.startsWith('.') || part === 'node_modules';

/**
 * Content files under `dir`, nested folders included. Symbolic links (to files or folders) are
 * followed while their target stays inside `dir`; each real folder is read once, so a link back
 * to an ancestor cannot loop. Real folders are read before linked ones, so a file keeps its real
 * path when a link also leads to it. Links leading out of `dir`, broken links, FIFOs, sockets,
 * devices and folders named like content files are reported, never read silently or skipped
 * silently. Hidden entries and `node_modules` are ignored, as before.
 */
export async function scanContentFolder(dir: string): Promise<ContentFolder> {
  const root = await realpath(dir);
  const files: string[] = [];
  const diagnostics: Diagnostic[] = [];
  const skip = (file: string, message: string, hint: string) => diagnostics.push(diagnostic(file, { code: 'skipped-entry', message, hint }));
  /** Real folders read so far, each with the path it was read under (`.` for the content folder). */
  const readRoots: { real: string; relative: string }[] = [];
  const linkedFolders: { relative: string; real: string }[] = [];

  /** The path under which a real folder's files are read already, if they are. */
  const readAs = (target: string): string | undefined => {
    for (const { real, relative } of readRoots) {
      if (!isInside(real, target)) continue;
      const rest = path.relative(real, target).split(path.sep).filter(Boolean);
      if (!rest.some(isIgnored)) return [relative, ...rest].filter((p) => p !== '.').join('/') || '.';
    }
    return undefined;
  };

  // One recursive listing per real folder: listing folder by folder measured several times slower.
  async function walk(absolute: string, relative: string): Promise<void> {
    readRoots.push({ real: absolute, relative });
    const entries = await readdir(absolute, { recursive: true, withFileTypes: true });
    for (const entry of entries) {
      const parent = (entry as { parentPath?: string; path?: string }).parentPath ?? (entry as { path?: string }).path ?? absolute;
      const inner = path.relative(absolute, path.join(parent, entry.name)).split(path.sep);
      if (inner.some(isIgnored)) continue;
      const rel = [relative, ...inner].filter((p) => p !== '.').join('/');
      const name = entry.name;
      if (entry.isFile()) {
        if (isContentFile(name)) files.push(rel);
      } else if (entry.isDirectory()) {
        if (isContentFile(name))
          skip(
            rel,
            'is a folder whose name ends like a content file; it is not read as an article (the files inside it are)',
            'rename the folder, or put the article in a file of that name',
          );
      } else if (entry.isSymbolicLink()) {
        await followLink(path.join(parent, name), rel, name);
      } else if (isContentFile(name)) {
        skip(
          rel,
          'is not a regular file (a FIFO, socket or device); it was not read',
          'content files must be regular files or links to them inside the content folder',
        );
      }
    }
  }

  async function followLink(abs: string, rel: string, name: string): Promise<void> {
    let target: string;
    let stats: Stats;
    try {
      target = await realpath(abs);
      stats = await stat(target);
    } catch {
      if (isContentFile(name)) skip(rel, 'is a symbolic link whose target does not exist (or loops); it was not read', 'fix or remove the link');
      return;
    }
    if (!stats.isFile() && !stats.isDirectory()) {
      if (isContentFile(name))
        skip(
          rel,
          'is a symbolic link to something that is not a regular file or folder; it was not read',
          'link only to files or folders inside the content folder',
        );
      return;
    }
    if (!isInside(root, target)) {
      if (stats.isDirectory() || isContentFile(name)) {
        skip(
          rel,
          `is a symbolic link to ${target}, outside the content folder; it was not followed`,
          'move the target into the content folder, or copy it there',
        );
      }
      return;
    }
    if (stats.isFile()) {
      if (isContentFile(name)) files.push(rel);
    } else {
      linkedFolders.push({ relative: rel, real: target });
    }
  }

  await walk(root, '.');
  // Linked folders go last, breadth-first, each real folder once: a link into a folder already
  // read (an ancestor, say) would only read its files a second time under another name, or loop.
  for (let i = 0; i < linkedFolders.length; i++) {
    const { relative, real } = linkedFolders[i]!;
    const seenAs = readAs(real);
    if (seenAs !== undefined) {
      skip(
        relative,
        `is a symbolic link to a folder read already (as ${seenAs === '.' ? 'the content folder itself' : `"${seenAs}"`}); it was not followed again`,
        'remove the link: its files are read once, under their own paths',
      );
      continue;
    }
    await walk(real, relative);
  }
  return { files: files.sort(), diagnostics };
}

/** Content files under `dir` (see `scanContentFolder`), without the skipped-entry warnings. */
export async function listContentFiles(dir: string): Promise<string[]> {
  return (await scanContentFolder(dir)).files;
}

export type ContentRead = { bytes: Uint8Array; stat: FileStat } | { problem: Diagnostic };

/**
 * A content file's bytes, with its size checked before any is read: a huge file costs a stat,
 * not its size in memory. Opened without blocking, so a FIFO put in a file's place after the
 * folder was listed is refused instead of hanging the build.
 */
export function readContentFile(dir: string, file: string): ContentRead {
  let fd: number | undefined;
  try {
    fd = openSync(path.join(dir, file), constants.O_RDONLY | constants.O_NONBLOCK);
    // Taken before reading: an edit during the read leaves a newer stat than the one recorded.
    const stats = fstatSync(fd, { bigint: true });
    if (!stats.isFile()) {
      return { problem: diagnostic(file, { code: 'unreadable-file', message: 'is not a regular file; the file was skipped' }) };
    }
    if (stats.size > BigInt(MAX_FILE_BYTES)) {
      return {
        problem: diagnostic(file, {
          code: 'file-too-large',
          message: `${stats.size} bytes; the file was skipped`,
          expected: `at most ${MAX_FILE_BYTES} bytes`,
        }),
      };
    }
    return { bytes: readFileSync(fd), stat: { size: stats.size, mtimeNs: stats.mtimeNs, ctimeNs: stats.ctimeNs, ino: stats.ino } };
  } catch (error) {
    return { problem: diagnostic(file, { code: 'unreadable-file', message: `${(error as Error).message}; the file was skipped` }) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The cache key of a file: its path (slugs may derive from it) and its bytes, never its mtime. */
export function contentKey(file: string, bytes: Uint8Array): string {
  return createHash('sha1').update(file).update('\0').update(bytes).digest('hex');
}
