import { startTransition, useId, useOptimistic } from 'react';
import { useNavigate } from 'react-router-dom';
import type { NewsIndex } from '../../../../contract';
import { searchHref, type SearchSort, type SearchView } from '../../../../contract/search';
import { useProviders } from '../../../api/get-providers';
import { SortLinks } from '../../../components/SortLinks';
import { TopicToggles } from '../../../components/TopicToggles';

const SORTS: [SearchSort, string][] = [
  ['relevance', 'Relevance'],
  ['heat', 'Heat'],
  ['quality', 'Quality'],
  ['newest', 'Newest'],
];

function SortNav({ view }: { view: SearchView }) {
  return <SortLinks sorts={SORTS} current={view.sort} href={(sort) => searchHref({ ...view, sort })} replace wrap />;
}

/** Topics found for the query (and the selected ones), with their counts; links toggle a topic. */
function TopicFilter({ index, view, counts }: { index: NewsIndex | undefined; view: SearchView; counts: Record<string, number> | undefined }) {
  const topics = (index?.topics ?? []).filter((t) => view.topics.includes(t.slug) || (counts?.[t.slug] ?? 0) > 0);
  if (topics.length === 0) return null;
  return (
    <TopicToggles
      topics={topics.map((t) => ({ slug: t.slug, name: t.name, count: counts?.[t.slug] ?? 0 }))}
      selected={view.topics}
      href={(selected) => searchHref({ ...view, topics: selected })}
    />
  );
}

const field =
  'mt-1 block w-full rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100';
const label = 'block text-sm font-medium text-slate-700 dark:text-slate-200';

export function SearchFilters({
  index,
  view: urlView,
  counts,
}: {
  index: NewsIndex | undefined;
  view: SearchView;
  counts: Record<string, number> | undefined;
}) {
  const navigate = useNavigate();
  const providers = useProviders();
  const id = useId();
  // The router commits a navigation in a transition, so a control bound to the URL alone would
  // snap back until that render finishes; the optimistic view shows the choice at once and
  // gives way to the URL when the navigation lands (or to the old URL if it never does).
  const [view, showView] = useOptimistic(urlView);
  const set = (change: Partial<SearchView>) =>
    startTransition(() => {
      // From the shown view, so a second change before the first lands keeps the first.
      showView({ ...view, ...change });
      void navigate(searchHref({ ...view, ...change }));
    });
  const sources = providers.data?.providers.filter((p) => p.domain) ?? [];
  return (
    <div className="mb-6 space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <label className="inline-flex items-center gap-2 text-sm font-medium">
          <input type="checkbox" checked={view.unpublished} onChange={(e) => set({ unpublished: e.target.checked })} className="h-4 w-4" />
          Include unpublished
        </label>
        <SortNav view={urlView} />
      </div>
      <TopicFilter index={index} view={urlView} counts={counts} />
      <fieldset className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <legend className="sr-only">Filters</legend>
        <div>
          <label htmlFor={`${id}-source`} className={label}>
            Source
          </label>
          <select id={`${id}-source`} className={field} value={view.source ?? ''} onChange={(e) => set({ source: e.target.value || undefined })}>
            <option value="">All sources</option>
            {view.source && !sources.some((p) => p.domain === view.source) && <option value={view.source}>{view.source}</option>}
            {sources.map((p) => (
              <option key={p.domain} value={p.domain}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-type`} className={label}>
            Type
          </label>
          <select
            id={`${id}-type`}
            className={field}
            value={view.type ?? ''}
            onChange={(e) => set({ type: e.target.value === 'article' || e.target.value === 'video' ? e.target.value : undefined })}
          >
            <option value="">Articles and videos</option>
            <option value="article">Articles</option>
            <option value="video">Videos</option>
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-from`} className={label}>
            From
          </label>
          <input id={`${id}-from`} type="date" className={field} value={view.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />
        </div>
        <div>
          <label htmlFor={`${id}-to`} className={label}>
            To
          </label>
          <input id={`${id}-to`} type="date" className={field} value={view.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />
        </div>
      </fieldset>
    </div>
  );
}
