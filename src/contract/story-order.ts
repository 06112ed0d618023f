import { rankBy } from './rank.ts';
import type { StoryCard, StorySortKey } from './story.ts';

const heat = (s: StoryCard) => (s.lead.heat < 0 ? -Infinity : s.lead.heat);
const quality = (s: StoryCard) => s.quality ?? s.lead.quality ?? -Infinity;
const newest = (s: StoryCard) => s.newestAt ?? s.lead.publishedAt ?? '';

/** A story card's story id (see `StoryCard.id`). */
export function storyId(card: StoryCard): string {
  return card.id ?? card.lead.slug;
}

/**
 * The one story ordering (plugin lists, app merges), total and deterministic. Heat is the lead's
 * (the hottest member), quality the best member's, newest the latest member's publication, and
 * outlets the number of distinct outlets, ties in the heat order.
 */
export function compareStories(sort: StorySortKey): (a: StoryCard, b: StoryCard) => number {
  switch (sort) {
    case 'heat':
      return rankBy(storyId, heat, quality, newest);
    case 'quality':
      return rankBy(storyId, quality, heat, newest);
    case 'newest':
      return rankBy(storyId, newest, quality);
    case 'outlets':
      return rankBy(storyId, (s) => s.outlets, heat, quality, newest);
  }
}
