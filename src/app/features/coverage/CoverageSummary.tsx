import { TimeAgo } from '../../components/TimeAgo';
import { articlesPhrase, clockPhrase, dayPhrase, outletsPhrase, reportsPhrase, spanPhrase } from '../../../contract/story-phrases';
import { isDated, type StoryView } from './story-view';

/** "26 outlets over 4 days · first: CNET, June 11, 2020, 17:28 UTC", then the reports, articles and latest report. */
export function CoverageSummary({ view }: { view: StoryView }) {
  const { summary, first, latest, own } = view;
  if (summary.items <= 1) return <p className="mt-2 text-slate-700 dark:text-slate-300">Only this report so far.</p>;
  const span = spanPhrase(first?.publishedAt, latest?.publishedAt);
  const counted = summary.outlets > 0 ? outletsPhrase(summary.outlets) : reportsPhrase(summary.items);
  const details = [summary.outlets > 0 && reportsPhrase(summary.items), summary.members > 1 && `groups ${articlesPhrase(summary.members)} on this site`].filter(
    (part) => typeof part === 'string',
  );
  return (
    <>
      <p className="mt-2 text-lg text-slate-800 dark:text-slate-200">
        {span ? `${counted} ${span}` : counted}
        {first && isDated(first) && (
          <>
            {' · first: '}
            {first.provider?.name ?? 'an unnamed outlet'}
            {first === own && ' (this article)'}
            {', '}
            <time dateTime={first.publishedAt}>{`${dayPhrase(first.publishedAt)}, ${clockPhrase(first.publishedAt)}`}</time>
          </>
        )}
      </p>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
        {details.join(' · ')}
        {latest && isDated(latest) && latest !== first && (
          <>
            {details.length > 0 && ' · '}
            {'latest report '}
            <TimeAgo iso={latest.publishedAt} />
          </>
        )}
      </p>
    </>
  );
}
