import { existsSync } from 'node:fs';
import { readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import matter from 'gray-matter';

/**
 * The bench's "one changed file": an article's title changed in place, every other byte of the
 * file kept, whichever way the file writes its title (plain, quoted, folded or literal block).
 */

/** Where the bench notes a file it changed, so that an interrupted run can put it back. */
export const EDIT_JOURNAL = '.bench-edit.json';

/** The `[start, end)` of the top-level `title:` entry in the front matter: its line and its continuation lines. */
function titleSpan(text: string): { start: number; end: number } | undefined {
  const open = /^\ufeff?---[ \t]*\r?\n/.exec(text);
  if (!open) return undefined;
  const from = open[0].length;
  const close = /^---[ \t]*(?:\r?\n|$)/m.exec(text.slice(from));
  const fmEnd = close ? from + close.index : text.length;
  const head = text.slice(0, fmEnd);
  const at = /^title:/m.exec(head.slice(from));
  if (!at) return undefined;
  const start = from + at.index;
  let end = head.indexOf('\n', start) + 1 || fmEnd;
  // A value that goes on (a block scalar, a quoted or plain scalar over several lines) is
  // indented under the key; blank lines may sit inside it.
  while (end < fmEnd) {
    const next = head.indexOf('\n', end) + 1 || fmEnd;
    const line = head.slice(end, next);
    if (!/^(?:[ \t]|\r?\n)/.test(line)) break;
    end = next;
  }
  return { start, end };
}

/**
 * `text` with its article title replaced by `title` (one double-quoted line, the file's own
 * line ending). Throws unless the result parses to the same data with only the title changed.
 */
export function retitle(text: string, title: string, where = 'file'): string {
  const span = titleSpan(text);
  if (!span) throw new Error(`${where}: no top-level title in the front matter`);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edited = `${text.slice(0, span.start)}title: ${JSON.stringify(title)}${eol}${text.slice(span.end)}`;
  const before = matter(text, {});
  const after = matter(edited, {});
  if (after.data.title !== title || !isDeepStrictEqual({ ...after.data, title: before.data.title }, before.data) || after.content !== before.content) {
    throw new Error(`${where}: changing the title line would change more than the title`);
  }
  return edited;
}

/** The first published front-matter article under `dir`, in path order, whose title `retitle` can change. */
export async function pickArticle(dir: string): Promise<{ file: string; title: string }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile() && /\.(md|markdown)$/i.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    const { data } = matter(text, {});
    if (typeof data.title !== 'string' || data.published === false) continue;
    try {
      retitle(text, `${data.title} (bench edit)`, file);
      return { file, title: data.title };
    } catch {
      // A title this edit cannot change alone: take the next file.
    }
  }
  throw new Error(`${dir}: no published article whose title the bench can change`);
}

/** An article changed in place, and the way back. */
export interface TitleEdit {
  file: string;
  title: string;
  /** Writes the file with its title changed to the original one plus `suffix`. */
  write(suffix: string): Promise<void>;
  /** Puts the original bytes back and forgets the journal. */
  restore(): Promise<void>;
}

export async function beginTitleEdit(dir: string): Promise<TitleEdit> {
  const { file, title } = await pickArticle(dir);
  const original = await readFile(file);
  const journal = path.join(dir, EDIT_JOURNAL);
  await writeFile(journal, JSON.stringify({ file: path.relative(dir, file), original: original.toString('base64') }));
  const text = original.toString('utf8');
  return {
    file,
    title,
    write: (suffix) => writeFile(file, retitle(text, `${title}${suffix}`, file)),
    restore: async () => {
      await writeFile(file, original);
      await rm(journal, { force: true });
    },
  };
}

/** Puts back a file an interrupted run left changed (see EDIT_JOURNAL); true if there was one. */
export async function undoLeftoverEdit(dir: string): Promise<boolean> {
  const journal = path.join(dir, EDIT_JOURNAL);
  if (!existsSync(journal)) return false;
  const { file, original } = JSON.parse(await readFile(journal, 'utf8')) as { file: string; original: string };
  await writeFile(path.join(dir, file), Buffer.from(original, 'base64'));
  await rm(journal, { force: true });
  return true;
}
