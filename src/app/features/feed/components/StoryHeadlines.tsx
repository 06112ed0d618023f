import { Link } from 'react-router-dom';
import { articleHref, safeHttpUrl, type StoryDetail } from '../../../../contract';
import { singleStory, storyInScope, type StoryScope } from '../../../../contract/story-summary';
import { useArticle } from '../../../api/get-article';
import { useStory } from '../../../api/get-story';
import { ErrorState } from '../../../components/StatusViews';
import { TimeAgo } from '../../../components/TimeAgo';

/** How many headlines an expanded card lists before pointing to the full coverage. */
const SHOWN = 8;

function Headlines({ story, scope, lead }: { story: StoryDetail; scope: StoryScope; lead: string }) {
  const shown = storyInScope(story, scope);
  if (!shown) return null;
  const items = shown.coverage.map((i) => story.coverage[i]!).filter((item) => item.slug !== lead);
  return (
    <>
      <ul className="mt-2 space-y-1.5 text-sm">
        {items.slice(0, SHOWN).map((item, i) => {
          const href = safeHttpUrl(item.url);
          return (
            <li key={`${item.url ?? item.slug}-${i}`} className="flex flex-wrap gap-x-2">
              <span className="font-medium text-slate-700 dark:text-slate-200">{item.provider?.name ?? 'Unknown outlet'}</span>
              {item.slug ? (
                <Link to={articleHref(item.slug)} className="headline-link">
                  {item.title}
                </Link>
              ) : href ? (
                <a href={href} target="_blank" rel="noopener noreferrer" className="headline-link">
                  {item.title}
                </a>
              ) : (
                <span>{item.title}</span>
              )}
              <span className="text-slate-600 dark:text-slate-300">
                <TimeAgo iso={item.publishedAt} />
              </span>
            </li>
          );
        })}
      </ul>
      <p className="mt-2 text-sm">
        <Link to={`${articleHref(lead)}#full-coverage`} className="headline-link font-medium">
          Full coverage: {shown.summary.items === 1 ? '1 report' : `${shown.summary.items} reports`}
        </Link>
      </p>
    </>
  );
}

/** A story of one article: made from the article's data. */
function SoloHeadlines({ slug, scope }: { slug: string; scope: StoryScope }) {
  const article = useArticle(slug);
  if (article.isPending) return <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">Loading headlines…</p>;
  if (article.isError) return <ErrorState message="The headlines could not be loaded." onRetry={() => void article.refetch()} />;
  return <Headlines story={singleStory(article.data)} scope={scope} lead={slug} />;
}

function GroupHeadlines({ id, scope, lead }: { id: string; scope: StoryScope; lead: string }) {
  const story = useStory(id);
  if (story.isPending) return <p className="mt-2 text-sm text-slate-600 dark:text-slate-300">Loading headlines…</p>;
  if (story.isError) return <ErrorState message="The headlines could not be loaded." onRetry={() => void story.refetch()} />;
  return <Headlines story={story.data} scope={scope} lead={lead} />;
}

/** The other outlets' headlines of a story, loaded when its card is expanded. */
export function StoryHeadlines({ id, members, lead, scope }: { id: string; members: number; lead: string; scope: StoryScope }) {
  return members > 1 ? <GroupHeadlines id={id} scope={scope} lead={lead} /> : <SoloHeadlines slug={lead} scope={scope} />;
}
