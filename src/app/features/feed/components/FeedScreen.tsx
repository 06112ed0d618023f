import type { FeedView, NewsIndex } from '../../../../contract';
import { SITE_NAME } from '../../../site';
import { useDocumentTitle } from '../../../lib/use-document-title';
import { useUnpublishedCount } from '../api/get-unpublished-count';
import { FeedResults } from './FeedResults';
import { SortNav } from './SortNav';
import { TopicNav } from './TopicNav';
import { UnpublishedToggle } from './UnpublishedToggle';
import { StoryResults } from './StoryResults';
import { ViewSwitch } from './ViewSwitch';

export function feedTitle(index: NewsIndex, view: FeedView): string {
  if (view.topics.length === 0) return 'Top stories';
  return index.topics
    .filter((t) => view.topics.includes(t.slug))
    .map((t) => t.name)
    .join(', ');
}

export function FeedScreen({ index, view }: { index: NewsIndex; view: FeedView }) {
  const title = feedTitle(index, view);
  const unpublished = useUnpublishedCount(index, view.topics);
  useDocumentTitle(title, SITE_NAME);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{title}</h1>
        <div className="flex flex-wrap items-center gap-2">
          <ViewSwitch view={view} />
          <UnpublishedToggle view={view} count={unpublished} />
          <SortNav view={view} />
        </div>
      </div>
      <div className="mb-6">
        <TopicNav topics={index.topics} view={view} />
      </div>
      {view.stories ? (
        <StoryResults key={`${view.topics.join(',')}|${view.sort}|${view.unpublished}`} view={view} />
      ) : (
        <FeedResults key={`${view.topics.join(',')}|${view.sort}|${view.unpublished}`} index={index} view={view} />
      )}
    </>
  );
}
