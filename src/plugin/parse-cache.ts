import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import type { SourceRecord } from './record.ts';

/** Bump when parsing or normalising changes, so old records are not reused. */
const CACHE_VERSION = 3;

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
      const stored = deserialize(await readFile(this.file)) as { version: number; records: Map<string, SourceRecord> };
      if (stored.version === CACHE_VERSION) this.records = stored.records;
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
    const temp = `${this.file}.${process.pid}.tmp`;
    await writeFile(temp, serialize({ version: CACHE_VERSION, records: this.records }));
    await rename(temp, this.file);
    this.dirty = false;
  }
}
