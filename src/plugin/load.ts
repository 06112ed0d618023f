import { createHash } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export const CONTENT_EXTENSIONS = ['.md', '.markdown', '.txt'] as const;

export function isContentFile(name: string): boolean {
  const lower = name.toLowerCase();
  return CONTENT_EXTENSIONS.some((ext) => lower.endsWith(ext)) && !path.basename(name).startsWith('.');
}

/** Content files under `dir`, nested folders included, as sorted `/`-separated relative paths. */
export async function listContentFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !isContentFile(entry.name)) continue;
    const parent = (entry as { parentPath?: string; path?: string }).parentPath ?? (entry as { path?: string }).path ?? dir;
    const relative = path.relative(dir, path.join(parent, entry.name)).split(path.sep).join('/');
    if (relative.split('/').some((part) => part.startsWith('.') || part === 'node_modules')) continue;
    files.push(relative);
  }
  return files.sort();
}

/** The cache key of a file: its path (slugs may derive from it) and its bytes, never its mtime. */
export function contentKey(file: string, bytes: Uint8Array): string {
  return createHash('sha1').update(file).update('\0').update(bytes).digest('hex');
}
