import { createHash } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import path from 'node:path';

/** SHA-1 of a text, in hex. */
export const sha1 = (text: string | Uint8Array): string => createHash('sha1').update(text).digest('hex');

/**
 * A small cache file written whole: its SHA-1 on the first line, then its text, put in place by
 * renaming a temporary file, so a reader sees the old file, the new one, or one it can tell is
 * damaged (a bit flip, a truncation, an edit), never half of one.
 */
export type CheckedRead = { text: string } | { missing: true } | { damaged: true };

export function readChecked(file: string): CheckedRead {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return { missing: true };
  }
  const newline = text.indexOf('\n');
  const body = text.slice(newline + 1);
  return newline > 0 && text.slice(0, newline) === sha1(body) ? { text: body } : { damaged: true };
}

export function writeChecked(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, `${sha1(text)}\n${text}`);
  renameSync(temp, file);
}

/** Entries per piece of `jsonWithList`: a few megabytes of text each. */
const LIST_PIECE = 10_000;

/**
 * `JSON.stringify({ ...head, [key]: list })` as UTF-8 pieces, each made from a slice of the list,
 * so a list of hundreds of thousands of entries is never one string (the output index of a 100k
 * build, 177,000 entries, was 110 MB of strings and arrays at once when written whole).
 */
export function jsonWithList(head: Record<string, unknown>, key: string, list: Iterable<unknown>): Buffer[] {
  const open = JSON.stringify(head);
  const parts = [Buffer.from(`${open.length > 2 ? `${open.slice(0, -1)},` : '{'}${JSON.stringify(key)}:[`)];
  let piece: unknown[] = [];
  const flush = () => {
    if (piece.length === 0) return;
    parts.push(Buffer.from(`${parts.length > 1 ? ',' : ''}${JSON.stringify(piece).slice(1, -1)}`));
    piece = [];
  };
  for (const entry of list) {
    piece.push(entry);
    if (piece.length === LIST_PIECE) flush();
  }
  flush();
  parts.push(Buffer.from(']}'));
  return parts;
}

/** `writeChecked` of the text these UTF-8 pieces make, without joining them into one string. */
export function writeCheckedParts(file: string, parts: readonly Buffer[]): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const hash = createHash('sha1');
  for (const part of parts) hash.update(part);
  const temp = `${file}.${process.pid}.tmp`;
  const fd = openSync(temp, 'w');
  try {
    writeSync(fd, `${hash.digest('hex')}\n`);
    for (const part of parts) for (let at = 0; at < part.length;) at += writeSync(fd, part, at);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, file);
}
