import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SourceRecord } from './record.ts';

/** Bump when parsing or normalising changes, so old records are not reused. */
const CACHE_VERSION = 13;
/** Records per serialized chunk: one buffer for 100,000 records would double peak memory. */
const CHUNK = 5_000;

const SHA1_BYTES = 20;
const sha1 = (bytes: Uint8Array): Buffer => createHash('sha1').update(bytes).digest();

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
  private readonly warnings: string[] = [];

  constructor(private readonly file: string) {}

  async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    let data: Buffer;
    try {
      data = await readFile(this.file);
    } catch {
      return; // No cache yet: start empty.
    }
    // Layout: [u32 length][v8 header {version}] then, per chunk of records,
    // [u32 length][sha1 of the body][v8 array of records]. A chunk that fails its checksum is
    // dropped (its files are parsed again), and so is everything after a cut.
    let offset: number;
    try {
      const length = data.readUInt32LE(0);
      const header = deserialize(data.subarray(4, 4 + length)) as { version?: number };
      if (header?.version !== CACHE_VERSION) return; // Another version's: rebuilt silently.
      offset = 4 + length;
    } catch {
      this.warnings.push(`news: the parse cache ${this.file} is unreadable; every file is parsed again`);
      return;
    }
    let dropped = 0;
    while (offset < data.length) {
      const start = offset + 4 + SHA1_BYTES;
      const length = offset + 4 <= data.length ? data.readUInt32LE(offset) : Infinity;
      if (start + length > data.length) {
        dropped++;
        break;
      }
      const body = data.subarray(start, start + length);
      offset = start + length;
      if (!sha1(body).equals(data.subarray(start - SHA1_BYTES, start))) {
        dropped++;
        continue;
      }
      for (const record of deserialize(body) as SourceRecord[]) this.records.set(record.key, record);
    }
    // Saved again even if no file changed, so the damage is repaired once.
    if (dropped) this.dirty = true;
    if (dropped) this.warnings.push(`news: ${dropped} part(s) of the parse cache ${this.file} failed verification; their files are parsed again`);
  }

  /** Problems met loading the cache, each once (then forgotten). */
  takeWarnings(): string[] {
    return this.warnings.splice(0);
  }

  entries(): IterableIterator<[string, SourceRecord]> {
    return this.records.entries();
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
      const writeChunk = async (value: unknown, checked = true) => {
        const body = serialize(value);
        const length = Buffer.alloc(4);
        length.writeUInt32LE(body.length);
        await handle.write(length);
        if (checked) await handle.write(sha1(body));
        await handle.write(body);
      };
      await writeChunk({ version: CACHE_VERSION }, false);
      const all = [...this.records.values()];
      for (let i = 0; i < all.length; i += CHUNK) await writeChunk(all.slice(i, i + CHUNK));
    } finally {
      await handle.close();
    }
    await rename(temp, this.file);
    this.dirty = false;
  }
}
