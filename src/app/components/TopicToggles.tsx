import { Link } from 'react-router-dom';

export interface TopicToggle {
  slug: string;
  name: string;
  count: number;
}

/** Topic chips with counts; each link toggles its topic in the selection (any-of), "Clear topics" empties it. */
export function TopicToggles({ topics, selected, href }: { topics: TopicToggle[]; selected: readonly string[]; href: (topics: string[]) => string }) {
  const toggled = (slug: string) => (selected.includes(slug) ? selected.filter((t) => t !== slug) : [...selected, slug]);
  return (
    <nav aria-label="Topics">
      <ul className="flex flex-wrap gap-2">
        {selected.length > 0 && (
          <li className="shrink-0">
            <Link to={href([])} className="chip chip-clear">
              Clear topics
            </Link>
          </li>
        )}
        {topics.map((topic) => {
          const isSelected = selected.includes(topic.slug);
          return (
            <li key={topic.slug} className="shrink-0">
              <Link to={href(toggled(topic.slug))} aria-current={isSelected ? 'true' : undefined} className="chip">
                {isSelected && <span aria-hidden="true">✓ </span>}
                {topic.name} <span className="chip-count">({topic.count})</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
