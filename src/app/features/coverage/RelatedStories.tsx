import { Link } from 'react-router-dom';
import { articleHref, type RelatedStory } from '../../../contract';

/** Other stories whose articles cite or share coverage with this one's: each read on its lead's page, at its coverage. */
export function RelatedStories({ stories, headingId }: { stories: readonly RelatedStory[]; headingId: string }) {
  return (
    <div className="mt-8">
      <h3 id={headingId} className="text-lg font-semibold">
        Related stories
      </h3>
      <ul aria-labelledby={headingId} className="mt-1 divide-y divide-slate-200 dark:divide-slate-800">
        {stories.map((story) => (
          <li key={story.id} className="py-2.5">
            <Link to={`${articleHref(story.slug)}#full-coverage`} className="headline-link coverage-title">
              {story.title}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
