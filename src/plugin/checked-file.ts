import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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
