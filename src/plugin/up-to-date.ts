import { createHash } from 'node:crypto';
import { statSync, type BigIntStats } from 'node:fs';
import path from 'node:path';
import { readChecked, sha1, writeChecked } from './checked-file.ts';
import type { NewsBuild } from './build-result.ts';
import { countBySeverity, type Diagnostic } from './diagnostics.ts';
import { TICK_NS, type FileIndex } from './file-index.ts';
import { scanContentFolder } from './load.ts';
import { reportLines } from './report.ts';

/**
 * The stamp of the last complete build of a content folder into an output folder: what it was
 * made from (the code's key, the content folder's stat digest, the bundles it used) and what it
 * left (the output index it saved). A build that finds all of these as the stamp says has
 * nothing to do: every output file would be made again with the same key and left alone, so it
 * only checks, prints the last build's report and tidies, as `make` does for an up-to-date target.
 *
 * The content digest covers every listed file's stat (size, modification and change times,
 * inode) and the listing's own diagnostics; a file changed within a clock tick of the check is
 * not trusted (no stamp is written, the next build does the work), as the indexes do.
 */
export interface ContentState {
  digest: string;
  files: number;
  /** No file changed within a clock tick of the check: the digest may stand in for the files. */
  trusted: boolean;
}

/** The listing a state was taken from, for the build that follows it (it lists and stats nothing again). */
export interface ContentListing {
  files: string[];
  diagnostics: Diagnostic[];
  stats: (BigIntStats | undefined)[];
  state: ContentState;
}

export interface Stamp {
  version: number;
  codeKey: string;
  outDir: string;
  content: string;
  bundles: string[];
  /** The output index this build saved: which save, and how many files it holds. */
  outputSaveId: string;
  outputFiles: number;
  report: string[];
  errors: number;
  /** Articles in the last build (for reports that count them). */
  articles?: number;
  /** What the last build's summary lines counted. */
  dataFiles: number;
  pages: number;
  siteFiles: number;
}

const VERSION = 3;

/**
 * The digest of a content folder's listing and stats, taken before any file is read (a file
 * edited after the stat then differs from the digest, and the next build reads it).
 */
export class ContentDigest {
  private readonly startedNs = BigInt(Date.now()) * 1_000_000n;
  private readonly hash = createHash('sha1');
  private files = 0;
  private trusted = true;

  add(file: string, stat: BigIntStats | undefined): void {
    this.files++;
    if (!stat) {
      this.hash.update(`${file}\0-\n`);
      return;
    }
    if (stat.mtimeNs >= this.startedNs - TICK_NS || stat.ctimeNs >= this.startedNs - TICK_NS) this.trusted = false;
    this.hash.update(`${file}\0${stat.size}\0${stat.mtimeNs}\0${stat.ctimeNs}\0${stat.ino}\n`);
  }

  /** The listing's own problems (skipped entries): a change among them changes the digest. */
  addListing(diagnostics: readonly Diagnostic[]): void {
    for (const d of diagnostics) this.hash.update(`!${d.file}\0${d.code}\0${d.message}\n`);
  }

  result(): ContentState {
    return { digest: this.hash.digest('hex'), files: this.files, trusted: this.trusted };
  }
}

export const statForDigest = (dir: string, file: string): BigIntStats | undefined => statSync(path.join(dir, file), { bigint: true, throwIfNoEntry: false });

/** The content folder as a full build finds it, without reading any file. */
export async function contentState(dir: string): Promise<ContentListing> {
  const digest = new ContentDigest();
  const { files, diagnostics } = await scanContentFolder(dir);
  const stats = files.map((file) => statForDigest(dir, file));
  files.forEach((file, i) => digest.add(file, stats[i]));
  digest.addListing(diagnostics);
  return { files, diagnostics, stats, state: digest.result() };
}

export class BuildStamp {
  private constructor(
    private readonly file: string,
    private readonly saved: Stamp | undefined,
  ) {}

  /** The stamp of the last build of this content into `outDir`, kept in `cacheDir`. */
  static load(cacheDir: string, outDir: string): BuildStamp {
    const name = sha1(path.resolve(outDir)).slice(0, 16);
    const file = path.join(cacheDir, `stamp-${name}.json`);
    // A damaged stamp is no stamp: the build does the work.
    const read = readChecked(file);
    let saved: Stamp | undefined;
    try {
      const parsed = 'text' in read ? (JSON.parse(read.text) as Stamp) : undefined;
      if (parsed?.version === VERSION && parsed.outDir === path.resolve(outDir)) saved = parsed;
    } catch {
      saved = undefined;
    }
    return new BuildStamp(file, saved);
  }

  /**
   * The last build's report when nothing changed since it: same code, same content stat digest,
   * the same kept bundles, and every file of its output index still as it left it (the index
   * marks them produced by this build). Undefined when anything differs.
   */
  upToDate(now: { codeKey: string; content: ContentState; bundles: string[]; manifest: FileIndex }): Stamp | undefined {
    const saved = this.saved;
    if (!saved || !this.mayBeUpToDate(now.codeKey, now.manifest) || !now.content.trusted) return undefined;
    if (saved.content !== now.content.digest || saved.bundles.join('\n') !== now.bundles.join('\n')) return undefined;
    return now.manifest.keepAllIfUnchanged(saved.outputFiles) ? saved : undefined;
  }

  /** Whether the cheap half of `upToDate` holds (same code, the output index it saved), before the content is listed. */
  mayBeUpToDate(codeKey: string, manifest: FileIndex): boolean {
    return !!this.saved && this.saved.codeKey === codeKey && this.saved.outputSaveId === manifest.saveId;
  }

  /** Records a complete build (after its output index was saved). */
  async save(stamp: Omit<Stamp, 'version' | 'outDir' | 'outputSaveId' | 'outputFiles'>, outDir: string, manifest: FileIndex): Promise<void> {
    if (manifest.saveId === undefined) return;
    const body: Stamp = { version: VERSION, outDir: path.resolve(outDir), outputSaveId: manifest.saveId, outputFiles: manifest.size, ...stamp };
    writeChecked(this.file, JSON.stringify(body));
  }
}

/** What a stamp records of a build's content, or undefined when its content digest cannot be trusted (no stamp is then saved). */
export function stampedContent(build: NewsBuild): Pick<Stamp, 'content' | 'report' | 'errors' | 'articles'> | undefined {
  if (!build.contentState?.trusted) return undefined;
  return { content: build.contentState.digest, report: reportLines(build), errors: countBySeverity(build.diagnostics).errors, articles: build.cards.length };
}

/**
 * The up-to-date check of a build about to start: the last build's stamp when nothing changed
 * since (`last`), and otherwise the listing it took, for the build to use (`listing`; absent when
 * the cheap half already failed and nothing was listed).
 */
export async function checkUpToDate(
  stamp: BuildStamp,
  now: { codeKey: string; dir: string; manifest: FileIndex; bundles: () => Promise<string[] | undefined> },
): Promise<{ last?: Stamp; listing?: ContentListing }> {
  if (!stamp.mayBeUpToDate(now.codeKey, now.manifest)) return {};
  const [listing, bundles] = await Promise.all([contentState(now.dir), now.bundles()]);
  if (!bundles) return { listing };
  const last = stamp.upToDate({ codeKey: now.codeKey, content: listing.state, bundles, manifest: now.manifest });
  return last ? { last, listing } : { listing };
}
