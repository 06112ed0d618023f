import { useMemo } from 'react';
import { storyFileId, type ArticleDetail, type StoryDetail } from '../../../contract';
import { singleStory, type StoryScope } from '../../../contract/story-summary';
import { useStory } from '../../api/get-story';
import { scopeOf } from './story-view';

export type ArticleStory =
  | { status: 'ready'; story: StoryDetail; scope: StoryScope }
  | { status: 'loading'; scope: StoryScope }
  | { status: 'error'; scope: StoryScope; retry: () => void };

/**
 * The article's story: its file when the story has other members (`data/story/<id>.json`,
 * loaded in the browser: the prerendered page shows it loading), else made here from the
 * article's own data, as the plugin makes stories (so it is in the prerendered page too).
 */
export function useArticleStory(article: ArticleDetail): ArticleStory {
  const shared = storyFileId(article);
  const query = useStory(shared);
  const alone = useMemo(() => (shared === undefined ? singleStory(article) : undefined), [shared, article]);
  const scope = scopeOf(article);
  if (alone) return { status: 'ready', story: alone, scope };
  if (query.data) return { status: 'ready', story: query.data, scope };
  if (query.isError) return { status: 'error', scope, retry: () => void query.refetch() };
  return { status: 'loading', scope };
}
