import { Link } from 'react-router-dom';
import { feedHref, storyId, type FeedView } from '../../../../contract';
import { CardSkeletons, EmptyState, ErrorState } from '../../../components/StatusViews';
import { LoadMore, useUrlPages } from './LoadMore';
import { useStoryView } from '../api/get-story-view';
import { StoryCardView } from './StoryCardView';

/** The stories view: one card per story, as deep as `pages=` asks, with load more. */
export function StoryResults({ view }: { view: FeedView }) {
  const feed = useStoryView(view);
  useUrlPages(feed, view.pages);

  if (feed.isPending) return <CardSkeletons />;
  if (feed.isError && !feed.data) return <ErrorState message="The stories could not be loaded." onRetry={() => void feed.refetch()} />;

  const pages = feed.data.pages.slice(0, view.pages);
  const stories = pages.flatMap((page) => page.items);
  const more = feed.data.pages.length > pages.length || feed.hasNextPage;
  if (stories.length === 0) {
    return (
      <EmptyState title="No stories match">
        <Link to={feedHref({ sort: view.sort, stories: true })} className="btn">
          Clear filters
        </Link>
      </EmptyState>
    );
  }
  return (
    <>
      <ul aria-label="Stories" className="space-y-4">
        {stories.map((story) => (
          <li key={storyId(story)}>
            <StoryCardView story={story} allMembers={view.unpublished} />
          </li>
        ))}
      </ul>
      <LoadMore feed={feed} view={view} shown={stories.length} shownPages={pages.length} more={more} noun="stories" />
    </>
  );
}
