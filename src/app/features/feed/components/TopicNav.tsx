import { Link } from 'react-router-dom';
import { feedHref, type FeedView, type TopicSummary } from '../../../../contract';

/** Every topic with its count; links toggle a topic in the selection (any-of). */
export function TopicNav({ topics, view }: { topics: TopicSummary[]; view: FeedView }) {
  const toggled = (slug: string) => (view.topics.includes(slug) ? view.topics.filter((t) => t !== slug) : [...view.topics, slug]);
  return (
    <nav aria-label="Topics">
      <ul className="flex flex-wrap gap-2">
        {view.topics.length > 0 && (
          <li className="shrink-0">
            <Link to={feedHref({ ...view, topics: [], pages: 1 })} className="chip chip-clear">
              Clear topics
            </Link>
          </li>
        )}
        {topics.map((topic) => {
          const selected = view.topics.includes(topic.slug);
          const count = topic.count + (view.unpublished ? topic.unpublishedCount : 0);
          return (
            <li key={topic.slug} className="shrink-0">
              <Link to={feedHref({ ...view, topics: toggled(topic.slug), pages: 1 })} aria-current={selected ? 'true' : undefined} className="chip">
                {selected && <span aria-hidden="true">✓ </span>}
                {topic.name} <span className="chip-count">({count})</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
