import { citingEntry, firstKnown, linkCorpus, sortCitedBy, type LinkedArticle, type LinkedCorpus } from './link.ts';
import type { ArticleRecord, SourceRecord } from './record.ts';

/** More changed files than this in one rebuild are linked from scratch (a checkout, a bulk edit). */
const MAX_CHANGES = 64;

/** What the last link knew, by position in its `articles` (positions hold while no file comes or goes). */
interface LinkIndex {
  records: readonly SourceRecord[];
  linked: LinkedCorpus;
  /** Each linked article's position, by file. */
  positionOf: Map<string, number>;
  /** Each identity key's article, as `linkCorpus` resolves related items (the first file wins). */
  byIdentity: Map<string, number>;
  bySlug: Map<string, number>;
  /** How many articles claimed each slug before counters (see `linkCorpus`'s `claimSlug`). */
  baseCount: Map<string, number>;
  /** Title keys of plain-text files: a title matching one of them may move a body. */
  plainTitles: Set<string>;
  /** For each of those, the first article with that title: the one a plain-text file gives its body to. */
  firstWithTitle: Map<string, number>;
}

interface Edit {
  record: SourceRecord;
  after: ArticleRecord;
  position: number;
}

const sameKeys = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((key, i) => key === b[i]);

/**
 * `linkCorpus` kept up to date across a watcher's rebuilds. An edit that cannot change how any
 * other file links — the same files, the same URL identities, no plain-text file's body changing
 * hands, no slug collision before or after — is applied to the last result: the edited article, the
 * articles it cited before and cites now, and (when its slug changed) the articles citing it.
 * Anything else is linked from scratch. Either way the result equals `linkCorpus(records)`;
 * neither result is changed afterwards (a rebuild copies what it changes).
 */
export class CorpusLinker {
  private last?: LinkIndex;
  /** How the last call linked: applied to the result before it, or from scratch. */
  lastLink: 'incremental' | 'full' | undefined;
  /** After an incremental link, the positions whose articles are new objects (the rest are `lastBase`'s). */
  lastChanged: readonly number[] = [];
  /** After an incremental link, the articles of the result it was applied to. */
  lastBase?: readonly LinkedArticle[];

  link(records: readonly SourceRecord[]): LinkedCorpus {
    const updated = this.last && this.update(this.last, records);
    this.lastLink = updated ? 'incremental' : 'full';
    if (updated) return updated;
    const linked = linkCorpus(records);
    this.last = indexLinks(records, linked);
    return linked;
  }

  /** The edit applied to the last result (and its index), or undefined when it needs a link from scratch. */
  private update(last: LinkIndex, records: readonly SourceRecord[]): LinkedCorpus | undefined {
    if (records.length !== last.records.length) return undefined;
    const changed: number[] = [];
    for (let i = 0; i < records.length; i++) {
      if (records[i] === last.records[i]) continue;
      if (records[i]!.file !== last.records[i]!.file || changed.length === MAX_CHANGES) return undefined;
      changed.push(i);
    }
    if (changed.length === 0) {
      this.lastChanged = [];
      this.lastBase = last.linked.articles;
      return last.linked;
    }

    // Every change is checked before any is applied: a refusal leaves the index as it was.
    const edits: Edit[] = [];
    let slugChanges = 0;
    for (const i of changed) {
      const record = records[i]!;
      const before = last.records[i]!.article;
      const after = record.article;
      if (!before || !after || !sameKeys(before.identities, after.identities)) return undefined;
      const position = last.positionOf.get(record.file);
      // A skipped duplicate with the same identities stays skipped, naming the same original.
      if (position === undefined) continue;
      const article = last.linked.articles[position]!;
      if (article.head.slug !== article.storedSlug) return undefined;
      // A plain-text file's body stays where it is only while the title and the article's own body do.
      if (article.bodyFile !== undefined && (before.titleKey !== after.titleKey || before.hasBody !== after.hasBody)) return undefined;
      if (before.titleKey !== after.titleKey && !titleFree(last, position, before.titleKey, after.titleKey)) return undefined;
      if (before.head.slug !== after.head.slug) {
        // One slug change at a time keeps the collision check against a fixed index.
        if (++slugChanges > 1 || !slugFree(last, before.head.slug, after.head.slug)) return undefined;
      }
      edits.push({ record, after, position });
    }

    const articles = [...last.linked.articles];
    const copied = new Set<number>();
    /** The article at `position`, copied before its first change (the last result stays intact). */
    const edit = (position: number): LinkedArticle => {
      if (!copied.has(position)) {
        const a = articles[position]!;
        articles[position] = { ...a, head: { ...a.head }, relatedSlugs: [...a.relatedSlugs], citedBy: [...a.citedBy] };
        copied.add(position);
      }
      return articles[position]!;
    };
    const resort = new Set<number>();
    for (const { record, after, position } of edits) {
      const old = articles[position]!;
      const oldSlug = old.head.slug;
      const slug = after.head.slug;
      for (const target of new Set(old.relatedSlugs.map(([, s]) => last.bySlug.get(s)!))) {
        const t = edit(target);
        t.citedBy = t.citedBy.filter((c) => c.slug !== oldSlug);
        resort.add(target);
      }
      if (slug !== oldSlug) {
        for (const citer of old.citedBy) {
          const x = edit(last.bySlug.get(citer.slug)!);
          x.relatedSlugs = x.relatedSlugs.map(([index, s]) => [index, s === oldSlug ? slug : s]);
        }
        last.bySlug.delete(oldSlug);
        last.bySlug.set(slug, position);
        last.baseCount.delete(oldSlug);
        last.baseCount.set(slug, 1);
      }
      const article: LinkedArticle = {
        head: { ...after.head },
        file: record.file,
        detailKey: record.key,
        storedSlug: slug,
        relatedSlugs: [],
        citedBy: [...old.citedBy],
      };
      if (old.bodyFile !== undefined) article.bodyFile = old.bodyFile;
      if (old.body) article.body = old.body;
      article.head.citedByCount = article.citedBy.length;
      articles[position] = article;
      copied.add(position);
      for (let index = 0; index < after.relatedKeys.length; index++) {
        const target = firstKnown(last.byIdentity, after.relatedKeys[index]!);
        if (target === undefined || target === position) continue;
        article.relatedSlugs.push([index, articles[target]!.head.slug]);
        const t = edit(target);
        // Several items of one article may name the same story: it is cited once.
        if (t.citedBy.some((c) => c.slug === slug)) continue;
        t.citedBy.push(citingEntry(article.head));
        resort.add(target);
      }
    }
    for (const position of resort) sortCitedBy(articles[position]!);
    this.lastBase = last.linked.articles;
    this.lastChanged = [...copied];
    last.records = records;
    last.linked = { articles, diagnostics: last.linked.diagnostics };
    return last.linked;
  }
}

/**
 * Whether an article whose slug had no counter can move from `from` to `to` without any other
 * article's slug changing: no other article claimed `from` or claims `to`, and neither is a
 * counter form (`<slug>-<n>`) of a slug another article claimed.
 */
function slugFree(last: LinkIndex, from: string, to: string): boolean {
  const counterOfClaimed = (slug: string) => {
    const counter = /^(.*)-\d+$/.exec(slug);
    return counter !== null && last.baseCount.has(counter[1]!);
  };
  return last.baseCount.get(from) === 1 && !last.baseCount.has(to) && !last.bySlug.has(to) && !counterOfClaimed(from) && !counterOfClaimed(to);
}

/**
 * Whether the article at `position` can change its title key from `from` to `to` without a
 * plain-text file's body changing hands: it is not the first article titled `from` that such a
 * file names, and would not become the first titled `to`.
 */
function titleFree(last: LinkIndex, position: number, from: string, to: string): boolean {
  if (last.plainTitles.has(from) && last.firstWithTitle.get(from) === position) return false;
  if (!last.plainTitles.has(to)) return true;
  const first = last.firstWithTitle.get(to);
  return first !== undefined && first < position;
}

function indexLinks(records: readonly SourceRecord[], linked: LinkedCorpus): LinkIndex {
  const positionOf = new Map<string, number>();
  const bySlug = new Map<string, number>();
  const baseCount = new Map<string, number>();
  linked.articles.forEach((article, i) => {
    positionOf.set(article.file, i);
    bySlug.set(article.head.slug, i);
    baseCount.set(article.storedSlug, (baseCount.get(article.storedSlug) ?? 0) + 1);
  });
  const byIdentity = new Map<string, number>();
  const plainTitles = new Set<string>();
  for (const record of records) if (record.plain) plainTitles.add(record.plain.titleKey);
  const firstWithTitle = new Map<string, number>();
  for (const record of records) {
    const position = record.article ? positionOf.get(record.file) : undefined;
    if (position === undefined) continue;
    for (const key of record.article!.identities) if (!byIdentity.has(key)) byIdentity.set(key, position);
    const title = record.article!.titleKey;
    if (plainTitles.has(title) && !firstWithTitle.has(title)) firstWithTitle.set(title, position);
  }
  return { records, linked, positionOf, byIdentity, bySlug, baseCount, plainTitles, firstWithTitle };
}
