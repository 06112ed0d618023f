import { writeFileSync } from 'node:fs';
import type { ArticleDetail } from '../contract/article.ts';
import { PackReader, UnreadableDetail, writePack, type DetailRef } from './detail-store.ts';
import { linkedDetail, type ArticleLinks } from './link.ts';
import type { FileStat } from './file-index.ts';
import { contentKey, readContentFile } from './load.ts';
import { parseSource, type SourceRecord } from './record.ts';

/**
 * The two heavy steps of a build, as plain functions over plain data, so that worker threads
 * and the main thread run the same code on their share of the files. Both read and write
 * synchronously: async I/O from several threads queues on libuv's one shared thread pool, which
 * has no idle core while every thread works, and measured a third slower.
 */
export interface ScanInput {
  dir: string;
  files: string[];
  /** Folder of the detail store: whoever parses a batch writes its details there, in one pack. */
  storeDir?: string;
}

export interface ScanOutput {
  file: string;
  key: string;
  /** Absent when the key was already known (the caller has the record). */
  record?: SourceRecord;
  /** The unlinked detail, when there is no store folder to write it to. */
  detail?: ArticleDetail;
  /** The file's stat when it was read (for the content folder's index). */
  stat?: FileStat;
}

/** Reads, keys and (unless its key is known) parses each file; details go into one pack. */
export async function scanFiles(input: ScanInput, known: ReadonlySet<string>): Promise<ScanOutput[]> {
  const toStore: [key: string, detail: ArticleDetail][] = [];
  const storedBy: SourceRecord[] = [];
  const outputs = input.files.map((file): ScanOutput => {
    const read = readContentFile(input.dir, file);
    if ('problem' in read) return { file, key: '', record: { file, key: '', diagnostics: [read.problem] } };
    const { bytes, stat } = read;
    const key = contentKey(file, bytes);
    if (known.has(key)) return { file, key, stat };
    const { record, detail } = parseSource(file, key, bytes);
    if (detail === undefined) return { file, key, record, stat };
    if (!input.storeDir) return { file, key, record, detail, stat };
    toStore.push([key, detail]);
    storedBy.push(record);
    return { file, key, record, stat };
  });
  if (input.storeDir && toStore.length > 0) {
    const refs = writePack(input.storeDir, toStore);
    storedBy.forEach((record, i) => (record.detail = refs[i]));
  }
  return outputs;
}

/** One article file to write: its stored detail (with its links applied, if any), or a detail given whole. */
export interface EmitItem {
  target: string;
  /** The stored detail (see `PackDetailStore.locate`). */
  source?: DetailRef;
  links?: ArticleLinks;
  /** The source file (relative to `dir`), parsed again if the stored detail fails verification. */
  file?: string;
  dir?: string;
  detail?: ArticleDetail;
}

export interface EmitOutput {
  bytes: number;
  /** Each stored detail that failed verification (the problem) and the source file parsed again for it. */
  reparsed: { problem: string; file: string }[];
}

/** Writes synchronously, like parsing: every core is busy emitting (see writeLists in emit.ts). */
export async function emitArticles(items: readonly EmitItem[]): Promise<EmitOutput> {
  let bytes = 0;
  const reparsed: EmitOutput['reparsed'] = [];
  const packs = new PackReader();
  try {
    for (const item of items) {
      const content = item.detail
        ? JSON.stringify(item.detail)
        : item.links
          ? JSON.stringify(linkedDetail(item.links, stored(packs, item, reparsed)))
          : storedBytes(packs, item, reparsed);
      bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
      writeFileSync(item.target, content);
    }
  } finally {
    packs.close();
  }
  return { bytes, reparsed };
}

/** The stored detail, or (when it fails verification) the source file's, parsed again. */
function stored(packs: PackReader, item: EmitItem, reparsed: EmitOutput['reparsed']): ArticleDetail {
  try {
    return packs.read(item.source!);
  } catch (error) {
    return reparse(error, item, reparsed);
  }
}

/** The stored detail's verified bytes, which are already the emitted file of an unlinked article. */
function storedBytes(packs: PackReader, item: EmitItem, reparsed: EmitOutput['reparsed']): Buffer | string {
  try {
    return packs.bytes(item.source!);
  } catch (error) {
    return JSON.stringify(reparse(error, item, reparsed));
  }
}

function reparse(error: unknown, item: EmitItem, reparsed: EmitOutput['reparsed']): ArticleDetail {
  if (!(error instanceof UnreadableDetail) || item.file === undefined || item.dir === undefined) throw error;
  const read = readContentFile(item.dir, item.file);
  if ('problem' in read) throw new Error(`${item.file} became unreadable during the build: ${read.problem.message}`, { cause: error });
  const detail = parseSource(item.file, '', read.bytes).detail;
  if (!detail) throw new Error(`${item.file} changed during the build: it no longer holds an article`, { cause: error });
  reparsed.push({ problem: error.message, file: item.file });
  return detail;
}
