import { writeFileSync } from 'node:fs';
import { PackReader, writePack, type DetailRef } from './detail-store.ts';
import { linkedDetailJson, type LinkPatch } from './link.ts';
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
  /** The detail JSON, when there is no store folder to write it to. */
  detailJson?: string;
}

/** Reads, keys and (unless its key is known) parses each file; details go into one pack. */
export async function scanFiles(input: ScanInput, known: ReadonlySet<string>): Promise<ScanOutput[]> {
  const toStore: [key: string, json: string][] = [];
  const storedBy: SourceRecord[] = [];
  const outputs = input.files.map((file): ScanOutput => {
    const read = readContentFile(input.dir, file);
    if ('problem' in read) return { file, key: '', record: { file, key: '', diagnostics: [read.problem] } };
    const { bytes } = read;
    const key = contentKey(file, bytes);
    if (known.has(key)) return { file, key };
    const { record, detailJson } = parseSource(file, key, bytes);
    if (detailJson === undefined) return { file, key, record };
    if (!input.storeDir) return { file, key, record, detailJson };
    toStore.push([key, detailJson]);
    storedBy.push(record);
    return { file, key, record };
  });
  if (input.storeDir && toStore.length > 0) {
    const refs = writePack(input.storeDir, toStore);
    storedBy.forEach((record, i) => (record.detail = refs[i]));
  }
  return outputs;
}

/** One article file to write: copied from the store unchanged, or spliced, or given whole. */
export interface EmitItem {
  target: string;
  /** The stored detail (see `PackDetailStore.locate`). */
  source?: DetailRef;
  patch?: LinkPatch;
  json?: string;
}

/** Writes synchronously, like parsing: every core is busy emitting (see writeLists in emit.ts). */
export async function emitArticles(items: readonly EmitItem[]): Promise<number> {
  let bytes = 0;
  const packs = new PackReader();
  try {
    for (const item of items) {
      // Unchanged details go out as the stored bytes, without decoding them.
      const content = item.json ?? (item.patch ? linkedDetailJson(item.patch, packs.read(item.source!).toString('utf8')) : packs.read(item.source!));
      bytes += typeof content === 'string' ? Buffer.byteLength(content) : content.length;
      writeFileSync(item.target, content);
    }
  } finally {
    packs.close();
  }
  return bytes;
}
