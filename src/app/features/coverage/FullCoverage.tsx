import { useId, useMemo, type ReactNode } from 'react';
import { FULL_COVERAGE_ANCHOR, type ArticleDetail, type StoryDetail } from '../../../contract';
import type { StoryScope } from '../../../contract/story-summary';
import { ErrorState } from '../../components/StatusViews';
import { CoverageSummary } from './CoverageSummary';
import { CoverageTable } from './CoverageTable';
import { CoverageTimeline } from './CoverageTimeline';
import { RelatedStories } from './RelatedStories';
import { StoryMembers } from './StoryMembers';
import { relatedInScope, storyView } from './story-view';
import { useArticleStory } from './use-article-story';
import { useHashScroll } from './use-hash-scroll';

/**
 * "Full coverage": the article's story (every outlet's report of it, on a timeline and in a
 * table), the story's other articles on this site, and related stories.
 */
export function FullCoverage({ article }: { article: ArticleDetail }) {
  const story = useArticleStory(article);
  const ref = useHashScroll<HTMLElement>(FULL_COVERAGE_ANCHOR);
  const id = useId();
  const shown = relatedInScope(article.story?.related ?? [], story.scope);
  const related = shown.length > 0 && <RelatedStories stories={shown} headingId={`${id}-related`} />;
  return (
    <section ref={ref} id={FULL_COVERAGE_ANCHOR} aria-labelledby={`${id}-heading`} className="my-8 scroll-mt-24">
      <h2 id={`${id}-heading`} className="text-xl font-bold">
        Full coverage
      </h2>
      {story.status === 'loading' && (
        <p role="status" className="mt-2 text-sm text-slate-600 dark:text-slate-300">
          Loading coverage…
        </p>
      )}
      {story.status === 'error' && (
        <div className="mt-3">
          <ErrorState message="This story’s coverage could not be loaded." onRetry={story.retry} />
        </div>
      )}
      {story.status === 'ready' ? (
        <StoryCoverage key={article.slug} story={story.story} scope={story.scope} slug={article.slug} idPrefix={id} related={related} />
      ) : (
        related
      )}
    </section>
  );
}

/**
 * The story in scope (keyed by the article: another article's page starts with the table in its
 * own order, unfiltered): its numbers and timeline, then the short lists (its other articles here,
 * related stories), then the table of every report, which can run to tens of rows.
 */
function StoryCoverage({
  story,
  scope,
  slug,
  idPrefix,
  related,
}: {
  story: StoryDetail;
  scope: StoryScope;
  slug: string;
  idPrefix: string;
  related: ReactNode;
}) {
  const view = useMemo(() => storyView(story, scope, slug), [story, scope, slug]);
  if (!view) return <p className="mt-2 text-slate-700 dark:text-slate-300">Only this report so far.</p>;
  const several = view.items.length > 1;
  return (
    <>
      <CoverageSummary view={view} />
      {several && <CoverageTimeline items={view.items} first={view.first} own={view.own} />}
      {view.others.length > 0 && <StoryMembers others={view.others} self={view.self} headingId={`${idPrefix}-members`} />}
      {related}
      {several && <CoverageTable items={view.items} first={view.first} own={view.own} />}
    </>
  );
}
