import { feedHref, type FeedView, type TopicSummary } from '../../../../contract';
import { TopicToggles } from '../../../components/TopicToggles';

/** Every topic with its count; links toggle a topic in the selection (any-of). */
export function TopicNav({ topics, view }: { topics: TopicSummary[]; view: FeedView }) {
  return (
    <TopicToggles
      topics={topics.map((t) => ({ slug: t.slug, name: t.name, count: t.count + (view.unpublished ? t.unpublishedCount : 0) }))}
      selected={view.topics}
      href={(selected) => feedHref({ ...view, topics: selected, pages: 1 })}
    />
  );
}
