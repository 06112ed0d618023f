/**
 * What an article page shows of its story, for one scope: a published article's page shows the
 * story's published members and the coverage they bring (nothing of unpublished members leaks
 * into a count, the timeline or the table); an unpublished article's page shows all of them.
 */
import type { ArticleDetail, CoverageItem, RelatedStory, StoryDetail, StoryMemberInfo, StorySummary } from '../../../contract';
import { storyInScope, type StoryScope } from '../../../contract/story-summary';

export interface StoryView {
  summary: StorySummary;
  /** The coverage items in scope, oldest first, undated last (the story's order). */
  items: CoverageItem[];
  first: CoverageItem | undefined;
  latest: CoverageItem | undefined;
  /** This article's own report, when it is in the coverage. */
  own: CoverageItem | undefined;
  /** This article as a member (for the reason the others are linked to it). */
  self: StoryMemberInfo | undefined;
  /** The other members in scope. */
  others: StoryMemberInfo[];
  /** Slugs of the members in scope: a reason naming any other member does not name it. */
  shownSlugs: ReadonlySet<string>;
}

export function scopeOf(article: Pick<ArticleDetail, 'published'>): StoryScope {
  return article.published ? 'published' : 'all';
}

export function storyView(story: StoryDetail, scope: StoryScope, slug: string): StoryView | undefined {
  const shown = storyInScope(story, scope);
  if (!shown) return undefined;
  const members = shown.members.map((i) => story.members[i]!);
  const at = (i: number | undefined) => (i === undefined ? undefined : story.coverage[i]);
  return {
    summary: shown.summary,
    items: shown.coverage.map((i) => story.coverage[i]!),
    first: at(shown.summary.first),
    latest: at(shown.summary.latest),
    own: story.coverage.find((item) => item.slug === slug),
    self: members.find((m) => m.slug === slug),
    others: members.filter((m) => m.slug !== slug),
    shownSlugs: new Set(members.map((m) => m.slug)),
  };
}

/** Related stories a scope shows: a published page hides the ones with no published member. */
export function relatedInScope(related: readonly RelatedStory[], scope: StoryScope): RelatedStory[] {
  return scope === 'all' ? [...related] : related.filter((r) => r.published);
}

/** The outlet an item counts for (as the story's numbers count them): its domain, else its name. */
export function outletKey(item: CoverageItem): string {
  return item.provider ? (item.provider.domain ?? item.provider.name).toLowerCase() : '';
}

export function isDated(item: CoverageItem): item is CoverageItem & { publishedAt: string } {
  return item.publishedAt !== undefined && !Number.isNaN(Date.parse(item.publishedAt));
}
