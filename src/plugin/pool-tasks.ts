import { writeFileSync } from 'node:fs';
import type { ArticleDetail } from '../contract/article.ts';
import { PackReader, UnreadableDetail, writePack, type DetailRef } from './detail-store.ts';
import { linkedDetail, type ArticleLinks } from './link.ts';
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
}

/** Reads, keys and (unless its key is known) parses each file; details go into one pack. */
export async function scanFiles(input: ScanInput, known: ReadonlySet<string>): Promise<ScanOutput[]> {
  const toStore: [key: string, detail: ArticleDetail][] = [];
  const storedBy: SourceRecord[] = [];
  const outputs = input.files.map((file): ScanOutput => {
    const read = readContentFile(input.dir, file);
    if ('problem' in read) return { file, key: '', record: { file, key: '', diagnostics: [read.problem] } };
    const { bytes } = read;
    const key = contentKey(file, bytes);
    if (known.has(key)) return { file, key };
    const { record, detail } = parseSource(file, key, bytes);
    if (detail === undefined) return { file, key, record };
    if (!input.storeDir) return { file, key, record, detail };
    toStore.push([key, detail]);
    storedBy.push(record);
    return { file, key, record };
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
  /** One line per stored detail that failed verification and was rebuilt from its source. */
  warnings: string[];
}

/** Writes synchronously, like parsing: every core is busy emitting (see writeLists in emit.ts). */
export async function emitArticles(items: readonly EmitItem[]): Promise<EmitOutput> {
  let bytes = 0;
  const warnings: string[] = [];
  const packs = new PackReader();
  try {
    for (const item of items) {
      const content = item.detail ? JSON.stringify(item.detail) : item.links ? JSON.stringify(linkedDetail(item.links, stored(packs, item, warnings))) : storedBytes(packs, item, warnings);
      bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
      writeFileSync(item.target, content);
    }
  } finally {
    packs.close();
  }
  return { bytes, warnings };
}

/** The stored detail, or (when it fails verification) the source file's, parsed again. */
function stored(packs: PackReader, item: EmitItem, warnings: string[]): ArticleDetail {
  try {
    return packs.read(item.source!);
  } catch (error) {
    return reparsed(error, item, warnings);
  }
}

/** The stored detail's verified bytes, which are already the emitted file of an unlinked article. */
function storedBytes(packs: PackReader, item: EmitItem, warnings: string[]): Buffer | string {
  try {
    return packs.bytes(item.source!);
  } catch (error) {
    return JSON.stringify(reparsed(error, item, warnings));
  }
}

function reparsed(error: unknown, item: EmitItem, warnings: string[]): ArticleDetail {
  if (!(error instanceof UnreadableDetail) || item.file === undefined || item.dir === undefined) throw error;
  const read = readContentFile(item.dir, item.file);
  if ('problem' in read) throw new Error(`${item.file} became unreadable during the build: ${read.problem.message}`, { cause: error });
  const detail = parseSource(item.file, '', read.bytes).detail;
  if (!detail) throw new Error(`${item.file} changed during the build: it no longer holds an article`, { cause: error });
  warnings.push(`news: ${error.message}; ${item.file} was parsed again from the source`);
  return detail;
}
