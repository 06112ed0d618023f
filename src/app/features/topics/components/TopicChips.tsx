import { Link } from 'react-router-dom';
import { feedHref, topicSlug } from '../../../../contract';

/** The article's topics as links to the filtered feed. */
export function TopicChips({ topics }: { topics: string[] }) {
  if (topics.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {topics.map((name) => (
        <li key={name}>
          <Link to={feedHref({ topics: [topicSlug(name)] })} className="chip">
            {name}
          </Link>
        </li>
      ))}
    </ul>
  );
}
