import { copyFileSync, linkSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { linkedDetailJson, type LinkPatch } from './link.ts';
import { contentKey } from './load.ts';
import { parseSource, type SourceRecord } from './record.ts';

/**
 * The two heavy steps of a build, as plain functions over plain data, so that worker threads
 * and the main thread run the same code on their share of the files. File I/O is synchronous:
 * for many small files it costs a fraction of the thread-pool round trips of async I/O, and
 * these steps are CPU-bound batches anyway.
 */
export interface ScanInput {
  dir: string;
  files: string[];
  /** Folder of the detail store: details are written there by whoever parsed them. */
  storeDir?: string;
}

export interface ScanOutput {
  file: string;
  key: string;
  /** Absent when the key was already known (the caller has the record). */
  record?: SourceRecord;
  /** The detail JSON, when there is no store folder to write it to. */
  detailJson?: string;
}

/** Reads, keys and (unless its key is known) parses each file. */
export async function scanFiles(input: ScanInput, known: ReadonlySet<string>): Promise<ScanOutput[]> {
  return input.files.map((file): ScanOutput => {
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(path.join(input.dir, file));
    } catch (error) {
      const message = `${(error as Error).message}; the file was skipped`;
      return { file, key: '', record: { file, key: '', diagnostics: [{ code: 'unreadable-file', severity: 'error', file, message }] } };
    }
    const key = contentKey(file, bytes);
    if (known.has(key)) return { file, key };
    const { record, detailJson } = parseSource(file, key, bytes);
    if (detailJson === undefined) return { file, key, record };
    if (!input.storeDir) return { file, key, record, detailJson };
    writeFileSync(path.join(input.storeDir, `${key}.json`), detailJson);
    return { file, key, record };
  });
}

/** One article file to write: linked from the store unchanged, or spliced, or given whole. */
export interface EmitItem {
  target: string;
  /** The stored detail's file. */
  source?: string;
  patch?: LinkPatch;
  json?: string;
}

export async function emitArticles(items: readonly EmitItem[]): Promise<number> {
  let bytes = 0;
  for (const item of items) {
    if (item.json !== undefined) {
      bytes += Buffer.byteLength(item.json);
      writeFileSync(item.target, item.json);
    } else if (!item.patch) {
      try {
        linkSync(item.source!, item.target);
      } catch {
        // Another file system, or the target exists: copy instead.
        rmSync(item.target, { force: true });
        copyFileSync(item.source!, item.target);
      }
    } else {
      const json = linkedDetailJson(item.patch, readFileSync(item.source!, 'utf8'));
      bytes += Buffer.byteLength(json);
      writeFileSync(item.target, json);
    }
  }
  return bytes;
}
