import type { StoryReason } from '../../contract/story.ts';
import { compareCodeUnits } from '../code-unit-order.ts';
import { articleTerms, type ArticleTerms } from './terms.ts';

/** What clustering reads of one corpus article (all of it is in the parse records and links). */
export interface StoryInput {
  slug: string;
  title: string;
  excerpt?: string;
  publishedAt?: string;
  /** The normalised headline (see `titleKey`). */
  titleKey: string;
  /** Identity keys of each related item's URLs (see `urlIdentityKey`). */
  relatedKeys: readonly (readonly string[])[];
  /** Slugs of the corpus articles its related coverage lists. */
  cites: readonly string[];
  /** `articleTerms(title, excerpt)`, when made already (at parse time). */
  terms?: ArticleTerms;
}

export interface StoryMember {
  slug: string;
  reason: StoryReason;
}

export interface StoryGroup {
  /** The first member's slug: the story's address. */
  id: string;
  /** In the order they joined: the first is the story's anchor, the earliest article. */
  members: StoryMember[];
  /** Stories whose members cite or share coverage with this one's, most links first. */
  related: string[];
}

/**
 * The thresholds of the clustering rule (see the README's "Stories"). Two articles are about
 * one event when there is evidence they are linked (one lists the other, they share enough
 * coverage, or their headlines are near-identical), their headlines name the same subject, their
 * words agree, and they are close in time. A story never stretches beyond its anchor's window.
 */
export const STORY_RULE = {
  /** Two articles more than this far apart are never one event. */
  pairHours: 72,
  /** No member is further than this from the story's first article. */
  storyHours: 96,
  /** Jaccard overlap of the related items' URL identities that counts as shared coverage. */
  coverageOverlap: 0.3,
  /** Jaccard overlap of headline terms that counts as the same headline. */
  sameTitle: 0.8,
  /** Weighted cosine similarity of headline and excerpt terms required of a linked pair. */
  termSimilarity: 0.2,
  /** ... and between a new member and the story's first article, against drift along a chain. */
  anchorSimilarity: 0.1,
  /** A related item listed by more articles than this is too common to suggest candidates. */
  commonItem: 100,
} as const;

/** How many earlier articles with the same headline are looked at (the nearest in time). */
const SAME_TITLE_CANDIDATES = 20;

/** How many related stories a story keeps. */
const RELATED_STORIES = 5;

interface Article {
  input: StoryInput;
  order: number;
  time?: number;
  terms: ArticleTerms;
  /** Term weights (idf, headline terms doubled) and their norm. */
  weights: Map<string, number>;
  norm: number;
  items: Set<string>;
  /** Its position among the articles with its headline (see `byTitle`). */
  titleIndex: number;
  story?: Building;
}

interface Building {
  group: StoryGroup;
  anchor: Article;
  order: number;
  links: Map<Building, number>;
}

const RULE_RANK: Record<StoryReason['rule'], number> = { first: 0, 'shared-coverage': 1, 'cited-by': 2, cites: 2, 'same-title': 3 };
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Groups corpus articles into stories, deterministically (the same inputs, in any order, give
 * the same stories): articles are taken oldest first (undated ones last, then by slug), and each
 * joins the story of a linked earlier article it agrees with (the strongest evidence wins), or
 * starts one. Every member records the rule that let it in.
 */
export function clusterStories(inputs: readonly StoryInput[]): StoryGroup[] {
  const articles: Article[] = inputs.map((input) => {
    const time = input.publishedAt ? Date.parse(input.publishedAt) : NaN;
    const items = new Set<string>();
    for (const keys of input.relatedKeys) for (const key of keys) items.add(key);
    const terms = input.terms ?? articleTerms(input.title, input.excerpt);
    return { input, order: 0, ...(Number.isFinite(time) ? { time } : {}), terms, weights: new Map(), norm: 0, items, titleIndex: 0 };
  });
  articles.sort((a, b) => (a.time ?? Infinity) - (b.time ?? Infinity) || compareCodeUnits(a.input.slug, b.input.slug));
  articles.forEach((a, i) => (a.order = i));

  const documents = new Map<string, number>();
  for (const a of articles) for (const term of a.terms.terms) documents.set(term, (documents.get(term) ?? 0) + 1);
  for (const a of articles) {
    const title = new Set(a.terms.titleTerms);
    for (const term of a.terms.terms) {
      const weight = Math.log(1 + articles.length / documents.get(term)!) * (title.has(term) ? 2 : 1);
      a.weights.set(term, weight);
      a.norm += weight * weight;
    }
    a.norm = Math.sqrt(a.norm);
  }

  const bySlug = new Map(articles.map((a) => [a.input.slug, a]));
  const push = <K>(map: Map<K, Article[]>, key: K, a: Article) => {
    const list = map.get(key);
    if (list) list.push(a);
    else map.set(key, [a]);
  };
  const citedBy = new Map<Article, Article[]>();
  for (const a of articles) {
    for (const slug of a.input.cites) {
      const target = bySlug.get(slug);
      if (target && target !== a) push(citedBy, target, a);
    }
  }
  const byItem = new Map<string, Article[]>();
  for (const a of articles) for (const key of a.items) push(byItem, key, a);
  const byTitle = new Map<string, Article[]>();
  for (const a of articles) {
    push(byTitle, a.input.titleKey, a);
    a.titleIndex = byTitle.get(a.input.titleKey)!.length - 1;
  }

  const similarity = (a: Article, b: Article) => {
    if (a.norm === 0 || b.norm === 0) return 0;
    let dot = 0;
    for (const [term, weight] of a.weights) dot += weight * (b.weights.get(term) ?? 0);
    return dot / (a.norm * b.norm);
  };
  const coverage = (a: Article, b: Article) => {
    if (a.items.size === 0 || b.items.size === 0) return 0;
    let shared = 0;
    for (const key of a.items) if (b.items.has(key)) shared++;
    return shared / (a.items.size + b.items.size - shared);
  };
  const titleOverlap = (a: Article, b: Article) => {
    const other = new Set(b.terms.titleTerms);
    const shared = a.terms.titleTerms.filter((t) => other.has(t)).length;
    return shared / (a.terms.titleTerms.length + other.size - shared || 1);
  };
  /** Headlines about different subjects (IBM's pledge, Amazon's): neither names the other's. */
  const sameSubject = (a: Article, b: Article) => {
    const [ea, eb] = [a.terms.titleEntities, b.terms.titleEntities];
    return ea.length === 0 || eb.length === 0 || eb.includes(ea[0]!) || ea.includes(eb[0]!);
  };
  const hoursApart = (a: Article, b: Article) => (a.time !== undefined && b.time !== undefined ? Math.abs(a.time - b.time) / 3_600_000 : undefined);

  /** The evidence that `a` and `b` report one event, or undefined. */
  const sameEvent = (a: Article, b: Article): StoryReason | undefined => {
    const hours = hoursApart(a, b);
    if ((hours !== undefined && hours > STORY_RULE.pairHours) || !sameSubject(a, b)) return undefined;
    const terms = similarity(a, b);
    const overlap = coverage(a, b);
    const numbers = {
      termSimilarity: round(terms),
      ...(overlap > 0 ? { coverageOverlap: round(overlap) } : {}),
      ...(hours !== undefined ? { hoursApart: Math.round(hours) } : {}),
    };
    if (a.input.titleKey === b.input.titleKey || titleOverlap(a, b) >= STORY_RULE.sameTitle) return { rule: 'same-title', with: b.input.slug, ...numbers };
    if (terms < STORY_RULE.termSimilarity) return undefined;
    if (a.input.cites.includes(b.input.slug)) return { rule: 'cites', with: b.input.slug, ...numbers };
    if (b.input.cites.includes(a.input.slug)) return { rule: 'cited-by', with: b.input.slug, ...numbers };
    if (overlap >= STORY_RULE.coverageOverlap) return { rule: 'shared-coverage', with: b.input.slug, ...numbers };
    return undefined;
  };
  /** Whether `a` may join the story `s` at all: near its anchor in time, subject and words. */
  const fits = (a: Article, s: Building) => {
    const hours = hoursApart(a, s.anchor);
    return (hours === undefined || hours <= STORY_RULE.storyHours) && sameSubject(a, s.anchor) && similarity(a, s.anchor) >= STORY_RULE.anchorSimilarity;
  };

  const stories: Building[] = [];
  for (const a of articles) {
    // Earlier articles linked to this one: the ones it cites, those citing it, those sharing enough
    // of its related items (counted from the items' lists of articles), the same headline.
    const candidates = new Set<Article>();
    for (const slug of a.input.cites) {
      const target = bySlug.get(slug);
      if (target?.story) candidates.add(target);
    }
    for (const citer of citedBy.get(a) ?? []) if (citer.story) candidates.add(citer);
    const shared = new Map<Article, number>();
    for (const key of a.items) {
      const sharing = byItem.get(key)!;
      if (sharing.length <= STORY_RULE.commonItem) for (const other of sharing) if (other.story) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    for (const [other, count] of shared) if (count / (a.items.size + other.items.size - count) >= STORY_RULE.coverageOverlap) candidates.add(other);
    // Same headlines recur over years (series, notices): only the nearest earlier ones in time.
    const sameTitle = byTitle.get(a.input.titleKey)!;
    for (let i = a.titleIndex - 1, n = 0; i >= 0 && n < SAME_TITLE_CANDIDATES; i--, n++) {
      const other = sameTitle[i]!;
      const hours = hoursApart(a, other);
      if (hours !== undefined && hours > STORY_RULE.pairHours) break;
      candidates.add(other);
    }

    let best: { story: Building; reason: StoryReason } | undefined;
    const linked = new Set<Building>();
    for (const other of [...candidates].sort((x, y) => x.order - y.order)) {
      if (other === a || !other.story) continue;
      const story = other.story;
      const evidence = sameEvent(a, other);
      if (!evidence) {
        if (a.input.cites.includes(other.input.slug) || other.input.cites.includes(a.input.slug) || coverage(a, other) >= STORY_RULE.coverageOverlap)
          linked.add(story);
        continue;
      }
      if (!fits(a, story)) {
        linked.add(story);
        continue;
      }
      const better =
        !best ||
        RULE_RANK[evidence.rule] > RULE_RANK[best.reason.rule] ||
        (RULE_RANK[evidence.rule] === RULE_RANK[best.reason.rule] && (evidence.termSimilarity ?? 0) > (best.reason.termSimilarity ?? 0));
      if (better) best = { story, reason: evidence };
      linked.add(story);
    }
    if (best) {
      best.story.group.members.push({ slug: a.input.slug, reason: best.reason });
      a.story = best.story;
    } else {
      const story: Building = {
        group: { id: a.input.slug, members: [{ slug: a.input.slug, reason: { rule: 'first' } }], related: [] },
        anchor: a,
        order: stories.length,
        links: new Map(),
      };
      stories.push(story);
      a.story = story;
    }
    for (const other of linked) {
      if (other === a.story) continue;
      a.story.links.set(other, (a.story.links.get(other) ?? 0) + 1);
      other.links.set(a.story, (other.links.get(a.story) ?? 0) + 1);
    }
  }
  for (const story of stories) {
    story.group.related = [...story.links]
      .sort(([x, nx], [y, ny]) => ny - nx || x.order - y.order)
      .slice(0, RELATED_STORIES)
      .map(([other]) => other.group.id);
  }
  return stories.map((s) => s.group);
}
