/**
 * The corpus's stories, kept between builds so an edit re-clusters only what it touches.
 *
 * An article's story depends only on the articles it is linked to — its candidates: the earlier
 * articles it cites or that cite it, that share enough of its related items, or have its
 * headline — and on theirs. The corpus falls into components of linked articles, and each is
 * clustered on its own (`clusterComponent`), which gives what one pass over the whole corpus
 * gives. An edit (articles added, removed or changed) recomputes the candidates of the articles
 * it can link or unlink, and clusters again the components those were or are in; every other
 * component keeps its stories. Term weights come from bucketed counts (`termWeight`): an edit
 * changes another article's weights only when a count crosses a bucket, and that article's
 * component is clustered again too.
 */
import { compareCodeUnits } from '../code-unit-order.ts';
import { clusterComponent, hoursApart, weightIn, SAME_TITLE_CANDIDATES, STORY_RULE, type ClusterArticle, type StoryGroup, type StoryInput } from './cluster.ts';
import { bucketed, termWeight } from './idf.ts';
import { MultiMap } from './multimap.ts';
import { articleTerms } from './terms.ts';

interface Component {
  members: ClusterArticle[];
  groups: StoryGroup[];
}

/** What the last `cluster` call did. */
export interface ClusterUpdate {
  /** Everything from scratch (first call, many changes, or the corpus size crossed a bucket). */
  full: boolean;
  /** Articles added, removed or changed. */
  changed: number;
  /** Articles in the components clustered again. */
  reclustered: number;
}

/** Past this share of the corpus changed, clustering from scratch is simpler and no slower. */
const FULL_FROM = 0.25;

const byAge = (a: ClusterArticle, b: ClusterArticle) => (a.time ?? Infinity) - (b.time ?? Infinity) || compareCodeUnits(a.input.slug, b.input.slug);

function sameList<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean = (x, y) => x === y): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => same(x, b[i]!)));
}

/** Whether clustering would read anything different of the two. */
function sameInput(a: StoryInput, b: StoryInput): boolean {
  return (
    a.slug === b.slug &&
    a.title === b.title &&
    a.excerpt === b.excerpt &&
    a.publishedAt === b.publishedAt &&
    a.titleKey === b.titleKey &&
    sameList(a.cites, b.cites) &&
    sameList(a.relatedKeys, b.relatedKeys, (x, y) => sameList(x, y))
  );
}

/** Groups corpus articles into stories in one go (see `StoryClusterer`). */
export function clusterStories(inputs: readonly StoryInput[]): StoryGroup[] {
  return new StoryClusterer().cluster(inputs);
}

export class StoryClusterer {
  private bySlug = new Map<string, ClusterArticle>();
  /** Oldest first; each article's `order` is its index here. */
  private sorted: ClusterArticle[] = [];
  /** Articles per term. */
  private documents = new Map<string, number>();
  /** Each term's weight (see `termWeight`), kept as its count changes. */
  private weights = new Map<string, number>();
  private byItem = new MultiMap<string, ClusterArticle>();
  /** Articles per headline key, oldest first. */
  private byTitle = new Map<string, ClusterArticle[]>();
  /** The articles whose related coverage lists each slug. */
  private citers = new MultiMap<string, ClusterArticle>();
  private componentOf = new Map<ClusterArticle, Component>();
  last?: ClusterUpdate;

  /**
   * The stories of these articles (slugs unique), oldest story first: the same as clustering
   * them from scratch, whatever was clustered before.
   */
  cluster(inputs: readonly StoryInput[]): StoryGroup[] {
    const given = new Map(inputs.map((input) => [input.slug, input]));
    const gone: ClusterArticle[] = [];
    const fresh: StoryInput[] = [];
    for (const [slug, article] of this.bySlug) {
      const input = given.get(slug);
      if (!input || !sameInput(article.input, input)) gone.push(article);
    }
    for (const input of inputs) {
      const article = this.bySlug.get(input.slug);
      if (!article || !sameInput(article.input, input)) fresh.push(input);
    }
    const changed = new Set([...gone.map((a) => a.input.slug), ...fresh.map((i) => i.slug)]).size;
    const full = this.bySlug.size === 0 || changed > inputs.length * FULL_FROM || bucketed(inputs.length) !== bucketed(this.bySlug.size);
    if (full) this.clear();
    const reclustered = full ? this.rebuild(inputs) : this.update(gone, fresh);
    this.last = { full, changed: full ? inputs.length : changed, reclustered };
    return this.stories();
  }

  private clear(): void {
    this.bySlug = new Map();
    this.sorted = [];
    this.documents = new Map();
    this.weights = new Map();
    this.byItem = new MultiMap();
    this.byTitle = new Map();
    this.citers = new MultiMap();
    this.componentOf = new Map();
  }

  /** Every article from scratch; returns how many were clustered. */
  private rebuild(inputs: readonly StoryInput[]): number {
    const articles = inputs.map((input) => this.insert(prepare(input)));
    this.sorted = articles.sort(byAge);
    this.sorted.forEach((a, i) => (a.order = i));
    for (const list of this.byTitle.values()) list.sort((x, y) => x.order - y.order);
    for (const [term, count] of this.documents) this.weights.set(term, termWeight(this.bySlug.size, count));
    for (const a of this.sorted) this.weigh(a);
    for (const a of this.sorted) a.candidates = this.candidatesOf(a);
    this.clusterRegion(this.sorted);
    return this.sorted.length;
  }

  /** Applies an edit; returns how many articles were clustered again. */
  private update(gone: readonly ClusterArticle[], fresh: readonly StoryInput[]): number {
    const touched = new Set<ClusterArticle>();
    const dirty = new Set<Component>();
    const counts = new Map<string, number>();
    const itemSizes = new Map<string, number>();
    const noteCounts = (a: ClusterArticle) => {
      for (const term of a.terms.terms) if (!counts.has(term)) counts.set(term, this.documents.get(term) ?? 0);
      for (const item of a.items) if (!itemSizes.has(item)) itemSizes.set(item, this.byItem.count(item));
    };
    // What leaves: its neighbours (while it is still there) need new candidates. The counts
    // before the edit are noted first.
    for (const a of gone) noteCounts(a);
    for (const a of gone) {
      this.neighbours(a, touched);
      dirty.add(this.componentOf.get(a)!);
      this.remove(a);
    }
    const leaving = new Set(gone);
    const added = fresh.map(prepare);
    for (const a of added) {
      noteCounts(a);
      this.insert(a);
    }
    this.sorted = mergeByAge(
      this.sorted.filter((a) => !leaving.has(a)),
      added.sort(byAge),
    );
    this.sorted.forEach((a, i) => (a.order = i));
    for (const a of added) this.byTitle.get(a.input.titleKey)!.sort((x, y) => x.order - y.order);
    for (const a of added) this.neighbours(a, touched);
    for (const a of gone) touched.delete(a);
    for (const a of added) touched.add(a);
    // An item crossing the "too common" line changes every sharer's candidates.
    for (const [item, before] of itemSizes) {
      const after = this.byItem.count(item);
      if (before <= STORY_RULE.commonItem !== after <= STORY_RULE.commonItem) for (const a of this.byItem.get(item)) touched.add(a);
    }
    // A term whose count crossed a bucket weighs differently in every article that has it.
    const reweigh = new Set<string>();
    for (const [term, before] of counts) {
      const after = this.documents.get(term);
      if (after === undefined) this.weights.delete(term);
      else this.weights.set(term, termWeight(this.bySlug.size, after));
      if (bucketed(before) !== bucketed(after ?? 0)) reweigh.add(term);
    }
    const isNew = new Set(added);
    for (const a of added) this.weigh(a);
    if (reweigh.size > 0) {
      for (const a of this.sorted) {
        if (isNew.has(a) || !a.terms.terms.some((t) => reweigh.has(t))) continue;
        this.weigh(a);
        dirty.add(this.componentOf.get(a)!);
      }
    }
    for (const a of touched) {
      a.candidates = this.candidatesOf(a);
      const component = this.componentOf.get(a);
      if (component) dirty.add(component);
    }
    // The region clustered again: whole old components, the new articles, and whatever their
    // new candidates reach (an article outside it keeps its candidates, all outside it).
    const region = new Set<ClusterArticle>(added);
    const queue: ClusterArticle[] = [...added];
    const take = (component: Component) => {
      dirty.add(component);
      for (const m of component.members) {
        if (leaving.has(m) || region.has(m)) continue;
        region.add(m);
        queue.push(m);
      }
    };
    for (const component of [...dirty]) take(component);
    while (queue.length > 0) for (const c of queue.pop()!.candidates) if (!region.has(c)) take(this.componentOf.get(c)!);
    for (const component of dirty) for (const m of component.members) if (this.componentOf.get(m) === component) this.componentOf.delete(m);
    this.clusterRegion([...region].sort((x, y) => x.order - y.order));
    return region.size;
  }

  /** Clusters these articles (oldest first; every candidate of each among them) into new components. */
  private clusterRegion(articles: readonly ClusterArticle[]): void {
    const index = new Map(articles.map((a, i) => [a, i]));
    const parent = articles.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
      return i;
    };
    for (const [i, a] of articles.entries()) {
      for (const c of a.candidates) {
        const [x, y] = [find(i), find(index.get(c)!)];
        if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
      }
    }
    const byRoot = new Map<number, ClusterArticle[]>();
    for (const [i, a] of articles.entries()) {
      const root = find(i);
      const list = byRoot.get(root);
      if (list) list.push(a);
      else byRoot.set(root, [a]);
    }
    for (const members of byRoot.values()) {
      const slug = members[0]!.input.slug;
      const groups =
        members.length === 1 ? [{ id: slug, members: [{ slug, reason: { rule: 'first' as const } }], related: [] }] : clusterComponent(members, this.weights);
      const component: Component = { members, groups };
      for (const m of members) this.componentOf.set(m, component);
    }
  }

  /** Every component's stories, oldest first (by their first article). */
  private stories(): StoryGroup[] {
    const components = new Set(this.componentOf.values());
    const groups: StoryGroup[] = [];
    for (const component of components) groups.push(...component.groups);
    return groups.sort((x, y) => this.bySlug.get(x.id)!.order - this.bySlug.get(y.id)!.order);
  }

  /** Adds an article to the indexes (its order and weights are set later). */
  private insert(a: ClusterArticle): ClusterArticle {
    const { input, terms, items } = a;
    this.bySlug.set(input.slug, a);
    for (const term of terms.terms) this.documents.set(term, (this.documents.get(term) ?? 0) + 1);
    for (const item of items) this.byItem.add(item, a);
    const list = this.byTitle.get(input.titleKey);
    if (list) list.push(a);
    else this.byTitle.set(input.titleKey, [a]);
    for (const slug of new Set(input.cites)) this.citers.add(slug, a);
    return a;
  }

  private remove(a: ClusterArticle): void {
    this.bySlug.delete(a.input.slug);
    for (const term of a.terms.terms) {
      const n = this.documents.get(term)! - 1;
      if (n === 0) this.documents.delete(term);
      else this.documents.set(term, n);
    }
    for (const item of a.items) this.byItem.delete(item, a);
    const list = this.byTitle.get(a.input.titleKey)!;
    list.splice(list.indexOf(a), 1);
    if (list.length === 0) this.byTitle.delete(a.input.titleKey);
    for (const slug of new Set(a.input.cites)) this.citers.delete(slug, a);
  }

  /** The norm of the article's term weights. */
  private weigh(a: ClusterArticle): void {
    let norm = 0;
    for (const term of a.terms.terms) {
      const weight = weightIn(a, term, this.weights);
      norm += weight * weight;
    }
    a.norm = Math.sqrt(norm);
  }

  /** The articles whose candidates can include `a` or depend on it. */
  private neighbours(a: ClusterArticle, into: Set<ClusterArticle>): void {
    for (const slug of a.input.cites) {
      const target = this.bySlug.get(slug);
      if (target) into.add(target);
    }
    for (const citer of this.citers.get(a.input.slug)) into.add(citer);
    for (const item of a.items) {
      const sharing = this.byItem.get(item);
      if (sharing.length <= STORY_RULE.commonItem + 1) for (const other of sharing) into.add(other);
    }
    for (const other of this.byTitle.get(a.input.titleKey) ?? []) into.add(other);
  }

  /**
   * The earlier articles linked to `a`, oldest first: the ones it cites, those citing it, those
   * sharing enough of its related items (counted from the items' lists of articles), and the
   * nearest earlier ones with the same headline.
   */
  private candidatesOf(a: ClusterArticle): ClusterArticle[] {
    const earlier = (other: ClusterArticle) => other.order < a.order;
    const candidates = new Set<ClusterArticle>();
    for (const slug of a.input.cites) {
      const target = this.bySlug.get(slug);
      if (target && earlier(target)) candidates.add(target);
    }
    for (const citer of this.citers.get(a.input.slug)) if (earlier(citer)) candidates.add(citer);
    const shared = new Map<ClusterArticle, number>();
    for (const item of a.items) {
      const sharing = this.byItem.get(item);
      if (sharing.length <= STORY_RULE.commonItem) for (const other of sharing) if (earlier(other)) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    for (const [other, count] of shared) if (count / (a.items.length + other.items.length - count) >= STORY_RULE.coverageOverlap) candidates.add(other);
    // Same headlines recur over years (series, notices): only the nearest earlier ones in time.
    const sameTitle = this.byTitle.get(a.input.titleKey)!;
    for (let i = positionOf(sameTitle, a) - 1, n = 0; i >= 0 && n < SAME_TITLE_CANDIDATES; i--, n++) {
      const other = sameTitle[i]!;
      const hours = hoursApart(a, other);
      if (hours !== undefined && hours > STORY_RULE.pairHours) break;
      candidates.add(other);
    }
    return [...candidates].sort((x, y) => x.order - y.order);
  }
}

/** An article as clustering holds it, not yet in any index (its order and weights are set later). */
function prepare(input: StoryInput): ClusterArticle {
  const time = input.publishedAt ? Date.parse(input.publishedAt) : NaN;
  const unique = new Set<string>();
  for (const keys of input.relatedKeys) for (const key of keys) unique.add(key);
  const items = [...unique];
  const terms = input.terms ?? articleTerms(input.title, input.excerpt);
  return { input, order: -1, ...(Number.isFinite(time) ? { time } : {}), terms, norm: -1, items, candidates: [] };
}

/** Where `a` is in a list sorted by order. */
function positionOf(list: readonly ClusterArticle[], a: ClusterArticle): number {
  let low = 0;
  let high = list.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const order = list[mid]!.order;
    if (order === a.order) return mid;
    if (order < a.order) low = mid + 1;
    else high = mid - 1;
  }
  throw new Error(`story clustering: ${a.input.slug} is not among the articles with its headline`);
}

/** Two lists each oldest first, as one. */
function mergeByAge(a: readonly ClusterArticle[], b: readonly ClusterArticle[]): ClusterArticle[] {
  const out: ClusterArticle[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) out.push(byAge(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!);
  while (i < a.length) out.push(a[i++]!);
  while (j < b.length) out.push(b[j++]!);
  return out;
}
