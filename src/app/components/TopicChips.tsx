import { feedHref, topicSlug } from '../../contract';
import { useInAppLinks } from '../lib/use-in-app-links';

/** The article's topics as links to the filtered feed. */
export function TopicChips({ topics }: { topics: string[] }) {
  const { href, onClick } = useInAppLinks();
  if (topics.length === 0) return null;
  return (
    <ul className="flex flex-wrap gap-1.5" onClick={onClick}>
      {topics.map((name) => (
        <li key={name}>
          <a href={href(feedHref({ topics: [topicSlug(name)] }))} data-in-app="" className="chip">
            {name}
          </a>
        </li>
      ))}
    </ul>
  );
}
