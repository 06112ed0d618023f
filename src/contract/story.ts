/** Stories: corpus articles grouped by the event they report (see the plugin's `clusterStories`). */
import type { ArticleType, Provider } from './article.ts';

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
  related: { id: string; title: string }[];
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
