import { memo, useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { articleHref, storyId, type StoryCard } from '../../../../contract';
import { ArticleMeta } from '../../../components/ArticleMeta';
import { Sparkline } from '../../../components/Sparkline';
import { exactTime } from '../../../lib/format-time';
import { coveragePhrase, dayPhrase } from '../../../../contract/story-phrases';
import { StoryHeadlines } from './StoryHeadlines';

/**
 * One story in the stories view: its lead's headline (the `h2`), how widely and how fast it was
 * covered, and "More:" with other outlets, whose headlines load when it expands in place.
 */
function StoryCardItem({ story, allMembers }: { story: StoryCard; allMembers: boolean }) {
  const [open, setOpen] = useState(false);
  const panel = useId();
  const id = storyId(story);
  const { lead } = story;
  const firstAt = story.first?.publishedAt ?? lead.publishedAt;
  const named = new Set([lead.provider, story.first?.provider, ...story.more].flatMap((p) => (p ? [(p.domain ?? p.name).toLowerCase()] : [])));
  const others = story.outlets - named.size;
  return (
    <article data-story={id} className="card">
      <ArticleMeta item={lead}>{story.members > 1 && <span className="badge">{`${story.members} articles`}</span>}</ArticleMeta>
      <h2 className="mt-1.5 text-lg leading-snug font-semibold">
        <Link to={articleHref(lead.slug)} className="headline-link">
          {lead.title}
        </Link>
      </h2>
      <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700 dark:text-slate-200">
        {story.spark && <Sparkline counts={story.spark} />}
        <span>
          <span className="font-medium">{coveragePhrase(story)}</span>
          {firstAt && (
            <>
              {' · first: '}
              {story.first?.provider?.name ?? lead.provider?.name ?? 'unknown outlet'},{' '}
              <time dateTime={firstAt} title={exactTime(firstAt)}>
                {dayPhrase(firstAt)}
              </time>
            </>
          )}
        </span>
      </p>
      {story.more.length > 0 && (
        <p className="mt-1.5 text-sm text-slate-600 dark:text-slate-300">
          <span className="font-medium">More:</span> {story.more.map((p) => p.name).join(', ')}
          {others > 0 && ` and ${others} more`}
        </p>
      )}
      {story.items > 1 && (
        <div className="mt-2">
          <button type="button" className="btn-ghost text-sm" aria-expanded={open} aria-controls={panel} onClick={() => setOpen(!open)}>
            {open ? 'Hide headlines' : 'Show headlines'}
          </button>
          <div id={panel} hidden={!open}>
            {open && <StoryHeadlines id={id} members={story.members} lead={lead.slug} scope={allMembers ? 'all' : 'published'} />}
          </div>
        </div>
      )}
    </article>
  );
}

export const StoryCardView = memo(StoryCardItem);
