import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SourceRecord } from './record.ts';

/** Bump when parsing or normalising changes, so old records are not reused. */
const CACHE_VERSION = 7;
/** Records per serialized chunk: one buffer for 100,000 records would double peak memory. */
const CHUNK = 5_000;

/** Numbers each save's temporary file (see `save`). */
let saveCounter = 0;

/**
 * Parsed records on disk, keyed by each file's path and bytes (see `contentKey`): a rebuild
 * with nothing changed skips YAML parsing entirely, whatever the files' time stamps say.
 */
export class ParseCache {
  private records = new Map<string, SourceRecord>();
  private loaded = false;
  private dirty = false;

  constructor(private readonly file: string) {}

  async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    try {
      // Layout: [u32 length][v8 header {version}] then [u32 length][v8 array of records]…
      const data = await readFile(this.file);
      let offset = 0;
      const next = () => {
        const length = data.readUInt32LE(offset);
        const chunk = deserialize(data.subarray(offset + 4, offset + 4 + length)) as unknown;
        offset += 4 + length;
        return chunk;
      };
      if ((next() as { version?: number }).version !== CACHE_VERSION) return;
      const records = new Map<string, SourceRecord>();
      while (offset < data.length) for (const record of next() as SourceRecord[]) records.set(record.key, record);
      this.records = records;
    } catch {
      // No cache yet, or an unreadable one: start empty.
    }
  }

  entries(): IterableIterator<[string, SourceRecord]> {
    return this.records.entries();
  }

  get(key: string): SourceRecord | undefined {
    return this.records.get(key);
  }

  set(key: string, record: SourceRecord): void {
    this.records.set(key, record);
    this.dirty = true;
  }

  /** Writes the cache, keeping only records of files that still exist. */
  async save(liveKeys: Set<string>): Promise<void> {
    for (const key of this.records.keys()) {
      if (!liveKeys.has(key)) {
        this.records.delete(key);
        this.dirty = true;
      }
    }
    if (!this.dirty) return;
    await mkdir(path.dirname(this.file), { recursive: true });
    // Unique per save: two pipelines of one process may share a cache folder.
    const temp = `${this.file}.${process.pid}-${++saveCounter}.tmp`;
    const handle = await open(temp, 'w');
    try {
      const writeChunk = async (value: unknown) => {
        const body = serialize(value);
        const length = Buffer.alloc(4);
        length.writeUInt32LE(body.length);
        await handle.write(length);
        await handle.write(body);
      };
      await writeChunk({ version: CACHE_VERSION });
      const all = [...this.records.values()];
      for (let i = 0; i < all.length; i += CHUNK) await writeChunk(all.slice(i, i + CHUNK));
    } finally {
      await handle.close();
    }
    await rename(temp, this.file);
    this.dirty = false;
  }
}
