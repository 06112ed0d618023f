import type { ArticleCard } from '../../contract/article.ts';
import type { Scope } from '../../contract/feed.ts';
import { topicSlug } from '../../contract/slug.ts';
import type { StoryCard, StoryDetail, StoryLead } from '../../contract/story.ts';
import { storyCardBody, type StoryCardBody } from '../../contract/story-summary.ts';
import type { StoryGroup } from './cluster.ts';

/** A story card in one scope's lists, with the topic slugs of that scope's members. */
export interface ListedStory {
  card: StoryCard;
  topics: string[];
}

export interface StoryCardInputs {
  groups: readonly StoryGroup[];
  /** The build's card of each article, by slug. */
  cardOf: (slug: string) => ArticleCard;
  /** A story of one article: its card body, made at parse time (see `soloCard`). */
  soloOf: (slug: string) => StoryCardBody;
  /** A story of several articles: its data (the members' details are read for it). */
  detailOf: (id: string) => Promise<StoryDetail>;
}

/** The lead as a story card shows it (see `StoryLead`). */
export function storyLead(card: ArticleCard): StoryLead {
  const lead: StoryLead = { slug: card.slug, title: card.title } as StoryLead;
  if (card.publishedAt) lead.publishedAt = card.publishedAt;
  if (card.url) lead.url = card.url;
  lead.type = card.type;
  if (card.quality !== undefined) lead.quality = card.quality;
  lead.heat = card.heat;
  lead.published = card.published;
  if (card.provider) lead.provider = card.provider.domain ? { name: card.provider.name, domain: card.provider.domain } : { name: card.provider.name };
  return lead;
}

function listed(id: string, body: StoryCardBody, cardOf: (slug: string) => ArticleCard, members: readonly ArticleCard[], mixed: boolean): ListedStory {
  const { lead, ...rest } = body;
  const card: StoryCard = { ...(id === lead ? {} : { id }), lead: storyLead(cardOf(lead)), ...rest };
  if (mixed) card.mixed = true;
  const slugs = new Set<string>();
  for (const member of members) for (const name of member.topics) slugs.add(topicSlug(name));
  return { card, topics: [...slugs] };
}

/**
 * Every story's cards: in the published lists over its published members (marked `mixed` when it
 * has unpublished ones too), in the unpublished lists over all its members when any is unpublished.
 */
export async function storyCards({ groups, cardOf, soloOf, detailOf }: StoryCardInputs): Promise<Record<Scope, ListedStory[]>> {
  const cards: Record<Scope, ListedStory[]> = { published: [], unpublished: [] };
  for (const group of groups) {
    const members = group.members.map((m) => cardOf(m.slug));
    const published = members.filter((m) => m.published);
    const mixed = published.length > 0 && published.length < members.length;
    if (members.length === 1) {
      const body = { ...soloOf(group.id), lead: members[0]!.slug };
      cards[members[0]!.published ? 'published' : 'unpublished'].push(listed(group.id, body, cardOf, members, false));
      continue;
    }
    const detail = await detailOf(group.id);
    const shown = storyCardBody(detail, 'published');
    if (shown) cards.published.push(listed(group.id, shown, cardOf, published, mixed));
    if (published.length < members.length) cards.unpublished.push(listed(group.id, storyCardBody(detail, 'all')!, cardOf, members, false));
  }
  return cards;
}
