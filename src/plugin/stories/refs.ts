import type { ArticleCard } from '../../contract/article.ts';
import { compareCards } from '../../contract/feed.ts';
import type { RelatedStory, StoryRef } from '../../contract/story.ts';
import type { LinkedArticle } from '../link.ts';
import type { StoryGroup } from './cluster.ts';

/** The story's lead (see `StorySummary.lead`) among its published members when it has any. */
export function shownLead(group: StoryGroup, bySlug: ReadonlyMap<string, LinkedArticle>): { head: ArticleCard; published: boolean } {
  const heads: ArticleCard[] = group.members.map((m) => bySlug.get(m.slug)!.head);
  const published = heads.filter((h) => h.published);
  const head = (published.length ? published : heads).sort(compareCards('heat'))[0]!;
  return { head, published: published.length > 0 };
}

/**
 * Each article's `story`, by slug: for members of stories of more than one article, and for
 * articles whose story has related stories. The others' data says nothing of stories.
 */
export function storyRefs(groups: readonly StoryGroup[], bySlug: ReadonlyMap<string, LinkedArticle>, byId: (id: string) => StoryGroup): Map<string, StoryRef> {
  const refs = new Map<string, StoryRef>();
  for (const group of groups) {
    if (group.members.length === 1 && group.related.length === 0) continue;
    const related = group.related.map((id): RelatedStory => {
      const lead = shownLead(byId(id), bySlug);
      return { id, title: lead.head.title, slug: lead.head.slug, published: lead.published };
    });
    const ref: StoryRef = { id: group.id, members: group.members.length, related };
    for (const member of group.members) refs.set(member.slug, ref);
  }
  return refs;
}
