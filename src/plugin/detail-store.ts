import { link, mkdir, readdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Full article details (the bulk of a corpus: related coverage and bodies), keyed by the source
 * file's content key. On disk it doubles as the warm-build cache, and unchanged details reach
 * the output by hard link instead of being rewritten.
 */
export interface DetailStore {
  put(key: string, json: string): Promise<void>;
  get(key: string): Promise<string>;
  has(key: string): Promise<boolean>;
  /** Places the stored JSON at `dest` (hard link when possible). */
  copyTo(key: string, dest: string): Promise<void>;
  prune(liveKeys: ReadonlySet<string>): Promise<void>;
}

export class MemoryDetailStore implements DetailStore {
  private readonly details = new Map<string, string>();
  async put(key: string, json: string) {
    this.details.set(key, json);
  }
  async get(key: string) {
    const json = this.details.get(key);
    if (json === undefined) throw new Error(`no stored detail for ${key}`);
    return json;
  }
  async has(key: string) {
    return this.details.has(key);
  }
  async copyTo(key: string, dest: string) {
    await writeFile(dest, await this.get(key));
  }
  async prune(liveKeys: ReadonlySet<string>) {
    for (const key of this.details.keys()) if (!liveKeys.has(key)) this.details.delete(key);
  }
}

export class DiskDetailStore implements DetailStore {
  private known?: Set<string>;
  constructor(readonly dir: string) {}

  fileOf(key: string) {
    return path.join(this.dir, `${key}.json`);
  }
  /** Loads the list of stored keys; `hasLoaded` answers from it without I/O. */
  async load(): Promise<void> {
    await this.index();
  }
  hasLoaded(key: string): boolean {
    return this.known?.has(key) ?? false;
  }
  /** Records a detail that a worker wrote straight into the folder. */
  note(key: string): void {
    this.known?.add(key);
  }
  private async index(): Promise<Set<string>> {
    if (!this.known) {
      await mkdir(this.dir, { recursive: true });
      this.known = new Set((await readdir(this.dir)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)));
    }
    return this.known;
  }
  async put(key: string, json: string) {
    const known = await this.index();
    await writeFile(this.fileOf(key), json);
    known.add(key);
  }
  async get(key: string) {
    return readFile(this.fileOf(key), 'utf8');
  }
  async has(key: string) {
    return (await this.index()).has(key);
  }
  async copyTo(key: string, dest: string) {
    try {
      await link(this.fileOf(key), dest);
    } catch {
      // Another file system, or the destination exists: fall back to a copy.
      await rm(dest, { force: true });
      await copyFile(this.fileOf(key), dest);
    }
  }
  async prune(liveKeys: ReadonlySet<string>) {
    const known = await this.index();
    for (const key of [...known]) {
      if (liveKeys.has(key)) continue;
      known.delete(key);
      await rm(this.fileOf(key), { force: true });
    }
  }
}
