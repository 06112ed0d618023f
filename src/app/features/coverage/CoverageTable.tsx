import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { articleHref, safeHttpUrl, type CoverageItem } from '../../../contract';
import { reportsPhrase } from '../../../contract/story-phrases';
import { isDated, outletKey } from './story-view';
import { shortClock, shortDay } from './utc-parts';

type CoverageSort = 'time' | 'quality';

const SORTS: [CoverageSort, string][] = [
  ['time', 'Time'],
  ['quality', 'Quality'],
];

interface OutletOption {
  value: string;
  name: string;
  count: number;
}

const ALL = '';
const byName = new Intl.Collator('en');
const count = new Intl.NumberFormat('en');

/** The outlets present, by name, with their number of reports (counted as the story counts outlets). */
function outletOptions(items: readonly CoverageItem[]): OutletOption[] {
  const options = new Map<string, OutletOption>();
  for (const item of items) {
    const value = `o:${outletKey(item)}`;
    const known = options.get(value);
    if (known) known.count++;
    else options.set(value, { value, name: item.provider?.name ?? 'Unknown outlet', count: 1 });
  }
  return [...options.values()].sort((a, b) => byName.compare(a.name, b.name));
}

/** Best first, unscored last; equal scores keep the story's order (oldest first). */
function byQuality(items: readonly CoverageItem[]): CoverageItem[] {
  const score = (item: CoverageItem) => item.quality ?? -Infinity;
  return [...items].sort((a, b) => score(b) - score(a));
}

/**
 * The story's reports as a table: the timeline's text alternative, and a way to read the story
 * by outlet or by quality. Sort and filter are this view's own state (not in the URL).
 */
export function CoverageTable({ items, first, own }: { items: readonly CoverageItem[]; first: CoverageItem | undefined; own: CoverageItem | undefined }) {
  const id = useId();
  const [sort, setSort] = useState<CoverageSort>('time');
  const [outlet, setOutlet] = useState(ALL);
  const outlets = useMemo(() => outletOptions(items), [items]);
  const chosen = outlets.find((o) => o.value === outlet);
  const keys = useMemo(() => new Map(items.map((item, i) => [item, i])), [items]);
  const rows = useMemo(() => {
    const shown = chosen ? items.filter((item) => `o:${outletKey(item)}` === chosen.value) : items;
    return sort === 'quality' ? byQuality(shown) : shown;
  }, [items, chosen, sort]);
  const years = new Set(items.filter(isDated).map((item) => item.publishedAt.slice(0, 4)));

  return (
    <div className="mt-6">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3 text-sm">
        <div role="group" aria-labelledby={`${id}-sort`} className="flex items-center gap-2">
          <span id={`${id}-sort`} className="text-slate-600 dark:text-slate-300">
            Sort by
          </span>
          <div className="flex rounded-lg border border-slate-300 p-0.5 dark:border-slate-700">
            {SORTS.map(([key, label]) => (
              <button
                key={key}
                type="button"
                aria-pressed={sort === key}
                onClick={() => setSort(key)}
                className="segment aria-pressed:bg-slate-900 aria-pressed:text-white aria-pressed:hover:bg-slate-900 dark:aria-pressed:bg-slate-100 dark:aria-pressed:text-slate-900 dark:aria-pressed:hover:bg-slate-100"
              >
                {label}
              </button>
            ))}
          </div>
        </div>
        <div className="flex min-w-0 items-center gap-2">
          <label htmlFor={`${id}-outlet`} className="font-medium text-slate-700 dark:text-slate-200">
            Outlet
          </label>
          <select
            id={`${id}-outlet`}
            value={chosen ? chosen.value : ALL}
            onChange={(event) => setOutlet(event.target.value)}
            className="max-w-full min-w-0 rounded-lg border border-slate-300 bg-white px-2 py-1.5 text-slate-900 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
          >
            <option value={ALL}>{`All outlets (${count.format(items.length)})`}</option>
            {outlets.map((o) => (
              <option key={o.value} value={o.value}>{`${o.name} (${count.format(o.count)})`}</option>
            ))}
          </select>
        </div>
      </div>
      <p aria-live="polite" className="mt-2 text-sm text-slate-600 dark:text-slate-300">
        {chosen ? `Showing ${reportsPhrase(rows.length)} of ${count.format(items.length)}.` : ''}
      </p>
      {/* Rows wrap to fit a phone; the scroller only keeps an outlet name longer than the screen off the page's width. */}
      <div className="mt-1 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="mb-2 text-left text-base font-semibold">
            {`Coverage by ${sort}`}
            {chosen && `: ${chosen.name}`}
          </caption>
          <thead className="border-b border-slate-300 text-slate-600 dark:border-slate-700 dark:text-slate-300">
            <tr>
              <th scope="col" className="py-2 pr-3 font-semibold">
                Time (UTC)
              </th>
              <th scope="col" className="py-2 pr-3 font-semibold">
                Outlet
              </th>
              <th scope="col" className="py-2 pr-3 font-semibold">
                Headline
              </th>
              <th scope="col" className="hidden py-2 text-right font-semibold sm:table-cell">
                Quality
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
            {rows.map((item) => (
              <CoverageRow key={keys.get(item)} item={item} first={item === first} own={item === own} withYear={years.size > 1} />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function CoverageRow({ item, first, own, withYear }: { item: CoverageItem; first: boolean; own: boolean; withYear: boolean }) {
  const external = safeHttpUrl(item.url);
  const headline =
    item.slug && !own ? (
      <Link to={articleHref(item.slug)} className="headline-link font-medium">
        {item.title}
      </Link>
    ) : external && !own ? (
      <a href={external} target="_blank" rel="noopener noreferrer" className="headline-link font-medium">
        {item.title}
        <span aria-hidden="true"> ↗</span>
      </a>
    ) : (
      <span className="font-medium">{item.title}</span>
    );
  return (
    <tr className={own ? 'bg-blue-50 dark:bg-blue-950/40' : undefined}>
      <td className="py-2 pr-3 align-top text-slate-600 tabular-nums dark:text-slate-300">
        {isDated(item) ? <ShortTime iso={item.publishedAt} withYear={withYear} /> : 'Undated'}
      </td>
      <td className="py-2 pr-3 align-top break-words">
        {item.provider?.name ?? 'Unknown outlet'}
        {item.quality !== undefined && <span className="block text-xs text-slate-600 sm:hidden dark:text-slate-300">{`Quality ${item.quality}`}</span>}
      </td>
      <td className="py-2 pr-3 align-top [overflow-wrap:anywhere]">
        {headline}
        {(first || own) && (
          <span className="mt-0.5 flex flex-wrap gap-x-2 text-xs font-semibold">
            {first && <span className="text-amber-800 dark:text-amber-300">First report</span>}
            {own && <span className="text-blue-800 dark:text-blue-200">This article</span>}
          </span>
        )}
      </td>
      <td className="hidden py-2 text-right align-top tabular-nums sm:table-cell">
        {item.quality ?? (
          <>
            <span aria-hidden="true">–</span>
            <span className="sr-only">None</span>
          </>
        )}
      </td>
    </tr>
  );
}

/** "Jun 11, 17:28" (UTC), or "Jun 11, 2020, 17:28" in a story of more than one year; wraps after the day. */
function ShortTime({ iso, withYear }: { iso: string; withYear: boolean }) {
  const at = Date.parse(iso);
  const day = withYear ? `${shortDay(at)}, ${new Date(at).getUTCFullYear()}` : shortDay(at);
  return (
    <time dateTime={iso}>
      <span className="whitespace-nowrap">{`${day},`}</span> <span className="whitespace-nowrap">{shortClock(at)}</span>
    </time>
  );
}
