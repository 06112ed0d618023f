import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Full article details (the bulk of a corpus: related coverage and bodies), keyed by the source
 * file's content key. On disk it doubles as the warm-build cache, and unchanged details reach
 * the output by hard link instead of being rewritten (see `emitArticles`).
 */
export interface DetailStore {
  put(key: string, json: string): Promise<void>;
  get(key: string): Promise<string>;
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
  async prune(liveKeys: ReadonlySet<string>) {
    const known = await this.index();
    for (const key of [...known]) {
      if (liveKeys.has(key)) continue;
      known.delete(key);
      await rm(this.fileOf(key), { force: true });
    }
  }
}
