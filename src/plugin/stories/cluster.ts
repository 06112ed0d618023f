import type { StoryReason } from '../../contract/story.ts';
import type { ArticleTerms } from './terms.ts';

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
export const SAME_TITLE_CANDIDATES = 20;

/** How many related stories a story keeps. */
const RELATED_STORIES = 5;

/** One article as clustering holds it (see `StoryClusterer`). */
export interface ClusterArticle {
  input: StoryInput;
  /** Its position in the corpus, oldest first (undated last, then by slug). */
  order: number;
  time?: number;
  terms: ArticleTerms;
  /** The norm of its term weights (see `weightIn`). */
  norm: number;
  /** Its related items' URL identities, each once. */
  items: string[];
  /** The earlier articles it is linked to (see `StoryClusterer`), oldest first. */
  candidates: ClusterArticle[];
  story?: Building;
}

interface Building {
  group: StoryGroup;
  anchor: ClusterArticle;
  links: Map<Building, number>;
}

const RULE_RANK: Record<StoryReason['rule'], number> = { first: 0, 'shared-coverage': 1, 'cited-by': 2, cites: 2, 'same-title': 3 };
const round = (n: number) => Math.round(n * 100) / 100;

/**
 * The stories of one component of linked articles (oldest first): each article joins the story
 * of a linked earlier article it agrees with (the strongest evidence wins), or starts one. Every
 * member records the rule that let it in. An article's candidates are all in its component, so
 * this is what clustering the whole corpus in one pass gives for these articles.
 */
export function clusterComponent(component: readonly ClusterArticle[], weights: TermWeights): StoryGroup[] {
  const stories: Building[] = [];
  for (const a of component) {
    let best: { story: Building; reason: StoryReason } | undefined;
    const linked = new Set<Building>();
    const own = new Set(a.items);
    for (const other of a.candidates) {
      const story = other.story!;
      const evidence = sameEvent(a, other, own, weights);
      if (!evidence) {
        if (a.input.cites.includes(other.input.slug) || other.input.cites.includes(a.input.slug) || coverage(own, other) >= STORY_RULE.coverageOverlap)
          linked.add(story);
        continue;
      }
      if (!fits(a, story, weights)) {
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
      .sort(([x, nx], [y, ny]) => ny - nx || x.anchor.order - y.anchor.order)
      .slice(0, RELATED_STORIES)
      .map(([other]) => other.group.id);
  }
  for (const a of component) delete a.story;
  return stories.map((s) => s.group);
}

/** Each term's weight, log(1 + N / df) with both counts bucketed (see `termWeight`). */
export type TermWeights = ReadonlyMap<string, number>;

/** A term's weight in an article: its corpus weight, doubled in the headline. */
export function weightIn(a: ClusterArticle, term: string, weights: TermWeights): number {
  return weights.get(term)! * (a.terms.titleTerms.includes(term) ? 2 : 1);
}

/** Jaccard overlap of two articles' related items (`own`: the first one's, as a set). */
function coverage(own: ReadonlySet<string>, b: ClusterArticle): number {
  if (own.size === 0 || b.items.length === 0) return 0;
  let shared = 0;
  for (const key of b.items) if (own.has(key)) shared++;
  return shared / (own.size + b.items.length - shared);
}

export function hoursApart(a: ClusterArticle, b: ClusterArticle): number | undefined {
  return a.time !== undefined && b.time !== undefined ? Math.abs(a.time - b.time) / 3_600_000 : undefined;
}

function similarity(a: ClusterArticle, b: ClusterArticle, weights: TermWeights): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  let dot = 0;
  for (const term of a.terms.terms) if (b.terms.terms.includes(term)) dot += weightIn(a, term, weights) * weightIn(b, term, weights);
  return dot / (a.norm * b.norm);
}

function titleOverlap(a: ClusterArticle, b: ClusterArticle): number {
  const other = new Set(b.terms.titleTerms);
  const shared = a.terms.titleTerms.filter((t) => other.has(t)).length;
  return shared / (a.terms.titleTerms.length + other.size - shared || 1);
}

/** Headlines about different subjects (IBM's pledge, Amazon's): neither names the other's. */
function sameSubject(a: ClusterArticle, b: ClusterArticle): boolean {
  const [ea, eb] = [a.terms.titleEntities, b.terms.titleEntities];
  return ea.length === 0 || eb.length === 0 || eb.includes(ea[0]!) || ea.includes(eb[0]!);
}

/** The evidence that `a` and `b` report one event, or undefined. */
function sameEvent(a: ClusterArticle, b: ClusterArticle, own: ReadonlySet<string>, weights: TermWeights): StoryReason | undefined {
  const hours = hoursApart(a, b);
  if ((hours !== undefined && hours > STORY_RULE.pairHours) || !sameSubject(a, b)) return undefined;
  const terms = similarity(a, b, weights);
  const overlap = coverage(own, b);
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
}

/** Whether `a` may join the story `s` at all: near its anchor in time, subject and words. */
function fits(a: ClusterArticle, s: Building, weights: TermWeights): boolean {
  const hours = hoursApart(a, s.anchor);
  return (hours === undefined || hours <= STORY_RULE.storyHours) && sameSubject(a, s.anchor) && similarity(a, s.anchor, weights) >= STORY_RULE.anchorSimilarity;
}
