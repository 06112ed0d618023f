import { createHash, randomUUID } from 'node:crypto';
import { lstatSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { jsonWithList, readChecked, sha1, writeCheckedParts } from './checked-file.ts';

/**
 * What the last build knew of a folder's files, as git's index does for a work tree: for each
 * file a key and the file's stat (size, modification and change times, inode) when the key was
 * taken. An edit, a `cp` over the file, a `touch`, a deletion or a replacement each change one
 * of them (the change time cannot be set back from user space), so a file whose stat is unchanged
 * still holds what the key says.
 *
 * - The output folder's index is its dependency map: each file the last build wrote there, with
 *   the key of everything it was made from (`outputKey` of its inputs), stat taken right after
 *   the write. A file is skipped when its inputs' key is the recorded one and its stat is
 *   unchanged; a file edited by hand in `dist/` is written again, never trusted.
 * - The content folder's index holds each source file's content key, stat taken before it was
 *   read: an unchanged file is not read again.
 *
 * Nothing in either folder is shared with the cache: the index only describes it. It is saved
 * whole at the end of a build (a new file renamed over the old one, with a checksum); a build
 * killed part-way leaves the previous index, against which every file it rewrote has a new
 * change time, so the next build writes those again.
 */
export interface FileEntry {
  key: string;
  size: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
  ino: bigint;
}

type SavedEntry = [file: string, key: string, size: string, mtimeNs: string, ctimeNs: string, ino: string];
interface SavedManifest {
  version: number;
  outDir: string;
  /** When it was saved (ns since the epoch, as a string): entries changed since are racily clean. */
  savedAtNs: string;
  /** Which save this is: two saves within one clock tick still differ. */
  saveId: string;
  entries: SavedEntry[];
}

const VERSION = 3;
/**
 * File times advance in ticks of the kernel's coarse clock (a few milliseconds). A file changed
 * in the same tick as the index was saved could keep the recorded times: such "racily clean"
 * entries (git's term) are not trusted, and their files are read or written again.
 */
export const TICK_NS = 10_000_000n;

const nowNs = (): bigint => BigInt(Date.now()) * 1_000_000n;

/** A key for an output made from these inputs, in order (each length-prefixed, so no two lists collide). */
export function outputKey(...inputs: (string | Uint8Array)[]): string {
  const hash = createHash('sha1');
  for (const input of inputs) {
    const bytes = typeof input === 'string' ? Buffer.from(input) : input;
    hash.update(`${bytes.length}:`).update(bytes);
  }
  return hash.digest('base64url');
}

function statOf(file: string): BigIntStats | undefined {
  return lstatSync(file, { bigint: true, throwIfNoEntry: false });
}

/** The part of a stat the index compares (a worker's `fstat` of the file it read, for one). */
export type FileStat = Pick<BigIntStats, 'size' | 'mtimeNs' | 'ctimeNs' | 'ino'>;

function sameFile(entry: FileEntry, stat: (FileStat & { isFile(): boolean }) | undefined): boolean {
  return !!stat && stat.isFile() && stat.size === entry.size && stat.mtimeNs === entry.mtimeNs && stat.ctimeNs === entry.ctimeNs && stat.ino === entry.ino;
}

export class FileIndex {
  /** What the last build recorded; consulted by `isCurrent` and `keyIfUnchanged`. */
  private readonly previous: Map<string, FileEntry>;
  /** What this build produced (reused or written), by path relative to `outDir`. */
  private readonly next = new Map<string, FileEntry>();

  private constructor(
    /** The folder described (the output folder, or the content folder). */
    readonly outDir: string,
    private readonly file: string | undefined,
    previous: Map<string, FileEntry>,
    /** Which save of the index this is (undefined until saved): it tells one saved index from another. */
    public saveId: string | undefined = undefined,
  ) {
    this.previous = previous;
  }

  /** An index that remembers nothing: every file is written (or read). */
  static empty(outDir: string): FileIndex {
    return new FileIndex(path.resolve(outDir), undefined, new Map());
  }

  /**
   * The index of `dir` kept in `cacheDir` (one per folder and kind). A missing one is empty; an
   * unreadable or altered one is empty too, and `warn` says so (every file is then written or read).
   */
  static load(cacheDir: string, dir: string, warn: (line: string) => void, kind: 'output' | 'content' | 'bundle-inputs' = 'output'): FileIndex {
    const resolved = path.resolve(dir);
    const file = path.join(cacheDir, `${kind}-${sha1(resolved).slice(0, 16)}.json`);
    const read = readChecked(file);
    if ('missing' in read) return new FileIndex(resolved, file, new Map());
    let saved: SavedManifest | undefined;
    try {
      if ('text' in read) saved = JSON.parse(read.text) as SavedManifest;
    } catch {
      saved = undefined;
    }
    if (!saved || saved.version !== VERSION || saved.outDir !== resolved || typeof saved.saveId !== 'string' || !Array.isArray(saved.entries)) {
      if (!saved || saved.version === VERSION)
        warn(`news: the ${kind} index ${file} is damaged; every ${kind} file is ${kind === 'output' ? 'written' : 'read'} again`);
      return new FileIndex(resolved, file, new Map());
    }
    const previous = new Map<string, FileEntry>();
    const racyFrom = BigInt(saved.savedAtNs) - TICK_NS;
    for (const [name, key, size, mtimeNs, ctimeNs, ino] of saved.entries) {
      const entry = { key, size: BigInt(size), mtimeNs: BigInt(mtimeNs), ctimeNs: BigInt(ctimeNs), ino: BigInt(ino) };
      if (entry.mtimeNs < racyFrom && entry.ctimeNs < racyFrom) previous.set(name, entry);
    }
    return new FileIndex(resolved, file, previous, saved.saveId);
  }

  /**
   * Whether `file` (relative to the output folder, `/`-separated) already holds what `key`
   * makes: the last build wrote it from the same inputs and nobody touched it since. If so it
   * counts as produced by this build.
   */
  isCurrent(file: string, key: string): boolean {
    const entry = this.previous.get(file);
    if (!entry || entry.key !== key || !sameFile(entry, statOf(path.join(this.outDir, file)))) return false;
    this.next.set(file, entry);
    return true;
  }

  /** Records that this build wrote `file` from inputs with `key` (call after the write). */
  wrote(file: string, key: string): void {
    const stat = statOf(path.join(this.outDir, file));
    if (!stat) throw new Error(`news: ${file} was written but is not in ${this.outDir}`);
    this.next.set(file, { key, size: stat.size, mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs, ino: stat.ino });
  }

  /** The key recorded for `file` if its stat (`stat`, or taken now) is unchanged since; it then counts as this build's. */
  keyIfUnchanged(file: string, stat: (FileStat & { isFile(): boolean }) | undefined = statOf(path.join(this.outDir, file))): string | undefined {
    const entry = this.previous.get(file);
    if (!entry || !sameFile(entry, stat)) return undefined;
    this.next.set(file, entry);
    return entry.key;
  }

  /** Records `file`'s key with the stat taken before its bytes were read. */
  read(file: string, key: string, stat: FileStat): void {
    this.next.set(file, { key, size: stat.size, mtimeNs: stat.mtimeNs, ctimeNs: stat.ctimeNs, ino: stat.ino });
  }

  /** Drops what this build recorded of `file`: the next build writes (or reads) it again. */
  forget(file: string): void {
    this.next.delete(file);
  }

  /** Whether this build produced `file` (written or reused). */
  produced(file: string): boolean {
    return this.next.has(file);
  }

  /**
   * Whether the last build's `count` files are all still as it left them; if so each counts as
   * produced by this build. (Fewer than `count` are known when some were racily clean.)
   */
  keepAllIfUnchanged(count: number): boolean {
    if (this.previous.size !== count) return false;
    for (const [file, entry] of this.previous) if (!sameFile(entry, statOf(path.join(this.outDir, file)))) return false;
    for (const [file, entry] of this.previous) this.next.set(file, entry);
    return true;
  }

  /** The last build's files under `folder` (`/`-separated, no trailing slash) and their keys. */
  previousUnder(folder: string): [file: string, key: string][] {
    const prefix = `${folder}/`;
    return [...this.previous].filter(([file]) => file.startsWith(prefix)).map(([file, entry]) => [file, entry.key]);
  }

  /** How many files this build produced (so far). */
  get size(): number {
    return this.next.size;
  }

  /** Files the last build produced that this one has not (so far). */
  stale(): string[] {
    return [...this.previous.keys()].filter((file) => !this.next.has(file));
  }

  /**
   * Saves what this build produced, for the next build of the same folder. Waits out the clock
   * tick of the last file written first, so that files just written are not racily clean.
   */
  async save(): Promise<void> {
    if (!this.file) return;
    let latest = 0n;
    for (const e of this.next.values()) latest = [e.mtimeNs, e.ctimeNs, latest].reduce((a, b) => (a > b ? a : b));
    // Checked again after each wait: the timer's clock is not the wall clock the times are on.
    for (let wait = latest + TICK_NS - nowNs(); wait >= 0n; wait = latest + TICK_NS - nowNs()) await sleep(Number(wait / 1_000_000n) + 1);
    const entries = (function* (next): Generator<SavedEntry> {
      for (const [file, e] of next) yield [file, e.key, String(e.size), String(e.mtimeNs), String(e.ctimeNs), String(e.ino)];
    })(this.next);
    const saveId = randomUUID();
    const head: Omit<SavedManifest, 'entries'> = { version: VERSION, outDir: this.outDir, savedAtNs: String(nowNs()), saveId };
    writeCheckedParts(this.file, jsonWithList(head, 'entries', entries));
    this.saveId = saveId;
  }
}
