import type { ArticleDetail } from '../contract/article.ts';
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Full article details (the bulk of a corpus: related coverage and bodies), each kept whole as
 * its JSON text under the source file's content key. On disk it doubles as the warm-build cache,
 * so every read is checked against the checksum taken when it was written.
 */
export interface DetailStore {
  put(key: string, detail: ArticleDetail): Promise<void>;
  /** The stored detail; throws `UnreadableDetail` when it is gone or its bytes changed. */
  get(key: string): Promise<ArticleDetail>;
  prune(liveKeys: ReadonlySet<string>): Promise<void>;
}

/** A stored detail that is missing, cut short or altered since it was written. */
export class UnreadableDetail extends Error {
  constructor(
    readonly pack: string,
    why: string,
  ) {
    super(`cached article detail in ${pack} ${why}`);
  }
}

export class MemoryDetailStore implements DetailStore {
  private readonly details = new Map<string, string>();
  async put(key: string, detail: ArticleDetail) {
    this.details.set(key, JSON.stringify(detail));
  }
  async get(key: string) {
    const json = this.details.get(key);
    if (json === undefined) throw new Error(`no stored detail for ${key}`);
    return JSON.parse(json) as ArticleDetail;
  }
  async prune(liveKeys: ReadonlySet<string>) {
    for (const key of this.details.keys()) if (!liveKeys.has(key)) this.details.delete(key);
  }
}

const checksum = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('base64');

/** Where one detail is and the checksum of its bytes (sha1, base64). Kept in the file's record. */
export type DetailRef = [pack: string, start: number, length: number, sha1: string];

const PACK = '.pack';

/**
 * Writes details side by side into one new pack file in `dir` and says where each one is.
 * One file per batch, not one per detail: creating 10,000 small files cost more than parsing
 * them (2.3 s of a 4.8 s scan at 10k on this machine's disk); one sequential write is cheap.
 * The name comes from the keys inside, so writing the same batch again gives the same file.
 */
export function writePack(dir: string, details: readonly (readonly [key: string, detail: ArticleDetail])[]): DetailRef[] {
  const hash = createHash('sha1');
  for (const [key] of details) hash.update(key).update('\0');
  const pack = `${hash.digest('hex').slice(0, 20)}${PACK}`;
  const parts = details.map(([, detail]) => Buffer.from(JSON.stringify(detail)));
  writeFileSync(path.join(dir, pack), Buffer.concat(parts));
  let start = 0;
  return parts.map((part) => {
    const ref: DetailRef = [pack, start, part.length, checksum(part)];
    start += part.length;
    return ref;
  });
}

/**
 * Reads details out of pack files (refs from `locate`), keeping each pack open while in use.
 * Every read is verified: a missing pack, a short one or changed bytes throw `UnreadableDetail`.
 */
export class PackReader {
  private readonly open = new Map<string, number>();

  /** The detail's verified JSON bytes. */
  bytes([pack, start, length, sha1]: DetailRef): Buffer {
    let fd = this.open.get(pack);
    if (fd === undefined) {
      try {
        fd = openSync(pack, 'r');
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        throw new UnreadableDetail(pack, code === 'ENOENT' ? 'is missing' : `cannot be opened (${code ?? (error as Error).message})`);
      }
      this.open.set(pack, fd);
    }
    const bytes = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = readSync(fd, bytes, done, length - done, start + done);
      if (n === 0) throw new UnreadableDetail(pack, 'is shorter than recorded');
      done += n;
    }
    if (checksum(bytes) !== sha1) throw new UnreadableDetail(pack, 'does not match its checksum');
    return bytes;
  }

  read(ref: DetailRef): ArticleDetail {
    const bytes = this.bytes(ref);
    try {
      return JSON.parse(bytes.toString('utf8')) as ArticleDetail;
    } catch {
      // Only possible if the checksum matched altered bytes; treated the same way.
      throw new UnreadableDetail(ref[0], 'is not valid JSON');
    }
  }

  close(): void {
    for (const fd of this.open.values()) closeSync(fd);
    this.open.clear();
  }
}

/**
 * Details in pack files under `dir` (see `writePack`). Workers write packs themselves and the
 * pipeline tells the store where each live detail is (`note`), from the records.
 */
export class PackDetailStore implements DetailStore {
  private packs?: Set<string>;
  private readonly refs = new Map<string, DetailRef>();
  constructor(readonly dir: string) {}

  /** Creates the folder and lists the packs in it; `has` answers from that list without I/O. */
  async load(): Promise<void> {
    if (this.packs) return;
    await mkdir(this.dir, { recursive: true });
    this.packs = new Set((await readdir(this.dir)).filter((f) => f.endsWith(PACK)));
  }
  private absolute(ref: DetailRef): DetailRef {
    return [path.join(this.dir, ref[0]), ref[1], ref[2], ref[3]];
  }
  note(key: string, ref: DetailRef): void {
    this.refs.set(key, ref);
    this.packs?.add(ref[0]);
  }
  /** The detail's pack as an absolute path, with its offset and length (for worker threads). */
  locate(key: string): DetailRef {
    const ref = this.refs.get(key);
    if (!ref) throw new Error(`no stored detail for ${key}`);
    return this.absolute(ref);
  }
  async put(key: string, detail: ArticleDetail) {
    await this.load();
    this.note(key, writePack(this.dir, [[key, detail]])[0]!);
  }
  async get(key: string) {
    const reader = new PackReader();
    try {
      return reader.read(this.locate(key));
    } finally {
      reader.close();
    }
  }
  /** Forgets dead keys and deletes packs that hold no live detail (a pack goes whole or not at all). */
  async prune(liveKeys: ReadonlySet<string>) {
    await this.load();
    for (const key of this.refs.keys()) if (!liveKeys.has(key)) this.refs.delete(key);
    const live = new Set([...this.refs.values()].map(([pack]) => pack));
    for (const pack of [...this.packs!]) {
      if (live.has(pack)) continue;
      this.packs!.delete(pack);
      await rm(path.join(this.dir, pack), { force: true });
    }
  }
}
