/** Stories: corpus articles grouped by the event they report (see the plugin's `clusterStories`). */
import type { ArticleCard, ArticleType, Provider } from './article.ts';

/** Why an article is in its story. */
export interface StoryReason {
  /**
   * `first`: the story's earliest article. `cites` / `cited-by`: its related coverage lists the
   * member `with`, or is listed by it. `shared-coverage`: its related coverage overlaps `with`'s.
   * `same-title`: its headline is near-identical to `with`'s.
   */
  rule: 'first' | 'cites' | 'cited-by' | 'shared-coverage' | 'same-title';
  /** The member it was linked to. */
  with?: string;
  /** Weighted cosine similarity of headline and excerpt terms, 0 to 1. */
  termSimilarity?: number;
  /** Jaccard overlap of the two related coverage lists' URL identities, 0 to 1. */
  coverageOverlap?: number;
  hoursApart?: number;
}

/** One outlet's report in a story's coverage: a member article, or an item of a member's related coverage. */
export interface CoverageItem {
  title: string;
  url?: string;
  type: ArticleType;
  provider?: Provider;
  quality?: number;
  publishedAt?: string;
  /** Present when the item is an article of the corpus. */
  slug?: string;
  /** The members (indexes into `StoryDetail.members`) whose coverage lists it, or that it is. */
  from: number[];
}

/** A story's numbers for one scope: over its published members, or over all of them. */
export interface StorySummary {
  /** The member shown for the story: highest heat, then quality, then newest. */
  lead: string;
  members: number;
  /** Coverage items after dedupe by URL identity. */
  items: number;
  /** Distinct outlets, by domain (by name for an item without one). */
  outlets: number;
  /** The earliest and latest dated coverage items (indexes into `StoryDetail.coverage`). */
  first?: number;
  latest?: number;
}

export interface StoryDetail {
  id: string;
  members: StoryMemberInfo[];
  /** Oldest first; undated items last. */
  coverage: CoverageItem[];
  /** `published` is absent when no member is published: the default views do not show the story. */
  summary: { all: StorySummary; published?: StorySummary };
  related: RelatedStory[];
}

export interface StoryMemberInfo {
  slug: string;
  title: string;
  provider?: Provider;
  publishedAt?: string;
  published: boolean;
  heat: number;
  quality?: number;
  reason: StoryReason;
}

/** What an article's data says of its story, when the story is more than the article alone or links to others. */
export interface StoryRef {
  /** The story's id: its `data/story/<id>.json` exists when `members` > 1. */
  id: string;
  members: number;
  /** Stories whose articles cite or share coverage with this one's, most links first. */
  related: RelatedStory[];
}

export interface RelatedStory {
  id: string;
  /** The headline of its lead (among its published members when it has any). */
  title: string;
  /** That lead's slug: the story is read on its lead's page. */
  slug: string;
  /** False when every member is unpublished: views that hide unpublished articles hide it. */
  published: boolean;
}

/** The first report on a story card: its outlet and time (its headline is in the story's coverage). */
export interface StoryMention {
  /** The outlet's name and domain (no logo). */
  provider?: Provider;
  publishedAt?: string;
}

export const STORY_SORT_KEYS = ['heat', 'quality', 'newest', 'outlets'] as const;
export type StorySortKey = (typeof STORY_SORT_KEYS)[number];

/** Bars in a story card's sparkline: the span from first to latest report cut into equal parts. */
export const SPARK_BUCKETS = 12;

/** What a story card shows of its lead: a card without excerpt, image, topics or logo. */
export type StoryLead = Pick<ArticleCard, 'slug' | 'title' | 'publishedAt' | 'url' | 'type' | 'quality' | 'heat' | 'published' | 'provider'>;

/**
 * A story in a list (`data/stories/...`), over the members of its list's scope: a story in the
 * published lists counts its published members only, in the unpublished lists all of them.
 * Small on purpose: every story is in 8 to 16 list pages (each order, of all topics and of each
 * of its topics); "More:" names outlets, and their headlines load when the card expands.
 */
export interface StoryCard {
  /** The story's id, when it is not the lead's slug. */
  id?: string;
  lead: StoryLead;
  members: number;
  items: number;
  outlets: number;
  /** The earliest dated report, when it is not the lead. */
  first?: StoryMention;
  /** The latest dated report's time, when it is not the lead's. */
  latestAt?: string;
  /** Reports per part of the span (`SPARK_BUCKETS` parts; absent with fewer than two dated reports). */
  spark?: number[];
  /** A few other outlets (not the lead's, nor the first report's), earliest report first. */
  more: Provider[];
  /** The best member's quality and the latest member's publication, when not the lead's: what the sorts read. */
  quality?: number;
  newestAt?: string;
  /**
   * In a published list: the story also has unpublished members, so a view showing them reads
   * the story from the unpublished list instead (where it counts every member).
   */
  mixed?: true;
}

/** One page of a story list, like `FeedPage`. */
export interface StoryPage {
  page: number;
  pageCount: number;
  total: number;
  items: StoryCard[];
}

/** `data/stories/index.json`: how many stories each list holds (lists with none have no files). */
export interface StoryIndex {
  totals: { published: number; unpublished: number; mixed: number };
  /** By topic slug: stories with a member of that topic, in each scope, and the published ones that are mixed. */
  topics: Record<string, { published: number; unpublished: number; mixed: number }>;
}
