import { useMemo } from 'react';
import type { CoverageItem } from '../../../contract';
import { clockPhrase, dayPhrase, reportsPhrase } from '../../../contract/story-phrases';
import { isDated } from './story-view';
import { MARK_RADIUS, timelineLayout, type MarkKind, type TimelineInput } from './timeline-layout';
import { useElementWidth } from './use-element-width';

/** The width drawn for before the picture is measured (the article column's, on a wide screen). */
const UNMEASURED_WIDTH = 640;

const FILL: Record<MarkKind, string> = {
  report: 'fill-slate-500 dark:fill-slate-400',
  first: 'fill-amber-700 dark:fill-amber-400',
  own: 'fill-blue-700 dark:fill-blue-300',
};
/** A ring in the page's colour keeps a highlighted mark apart from the reports beside it. */
const RING = 'stroke-white dark:stroke-slate-950';

function Shape({ kind, x, y }: { kind: MarkKind; x: number; y: number }) {
  const r = MARK_RADIUS;
  if (kind === 'first') {
    const d = r * 1.4;
    return <path d={`M${x} ${y - d}L${x + d} ${y}L${x} ${y + d}L${x - d} ${y}Z`} className={`${FILL.first} ${RING}`} strokeWidth={1.5} data-mark="first" />;
  }
  if (kind === 'own') {
    return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} className={`${FILL.own} ${RING}`} strokeWidth={1.5} data-mark="own" />;
  }
  return <circle cx={x} cy={y} r={r - 0.5} className={FILL.report} data-mark="report" />;
}

const at = (iso: string) => `${dayPhrase(iso)}, ${clockPhrase(iso)}`;

function describe(dated: readonly (CoverageItem & { publishedAt: string })[], first: CoverageItem | undefined, own: CoverageItem | undefined): string {
  const start = dated[0]!.publishedAt;
  const end = dated[dated.length - 1]!.publishedAt;
  const parts = [`Timeline of ${reportsPhrase(dated.length)} from ${at(start)} to ${at(end)}.`];
  if (first && isDated(first)) parts.push(`First report: ${first.provider?.name ?? first.title}, ${at(first.publishedAt)}.`);
  if (own && isDated(own)) parts.push(own === first ? 'This article is the first report.' : `This article: ${at(own.publishedAt)}.`);
  return parts.join(' ');
}

/**
 * The story's reports on a time axis, drawn here (no chart library), as wide as its column; the
 * table below lists the same reports for reading. Only for two or more dated reports.
 */
export function CoverageTimeline({ items, first, own }: { items: readonly CoverageItem[]; first: CoverageItem | undefined; own: CoverageItem | undefined }) {
  const { ref, width } = useElementWidth(UNMEASURED_WIDTH);
  const dated = useMemo(() => items.filter(isDated), [items]);
  const inputs = useMemo(
    () =>
      dated.map((item, key): TimelineInput => ({ at: Date.parse(item.publishedAt), key, kind: item === own ? 'own' : item === first ? 'first' : 'report' })),
    [dated, first, own],
  );
  const layout = useMemo(() => (inputs.length > 1 ? timelineLayout(inputs, width) : undefined), [inputs, width]);
  if (!layout) return null;
  const ownIsFirst = own !== undefined && own === first;
  return (
    <div ref={ref} className="mt-4">
      <svg
        role="img"
        aria-label={describe(dated, first, own)}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        width="100%"
        className="block h-auto w-full text-slate-400 dark:text-slate-500"
      >
        <line x1={layout.left} x2={layout.right} y1={layout.axisY} y2={layout.axisY} stroke="currentColor" strokeWidth={1} />
        {layout.ticks.map((tick) => (
          <g key={`${tick.x}:${tick.label}`}>
            <line x1={tick.x} x2={tick.x} y1={layout.axisY} y2={layout.axisY + 4} stroke="currentColor" strokeWidth={1} />
            <text x={tick.x} y={layout.axisY + 16} textAnchor={tick.anchor} fontSize={12} className="fill-slate-600 dark:fill-slate-300">
              {tick.label}
            </text>
          </g>
        ))}
        {layout.marks.map((mark) => (
          <Shape key={mark.key} kind={mark.kind} x={mark.x} y={mark.y} />
        ))}
      </svg>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600 dark:text-slate-300">
        <LegendEntry kind="report" label="Report" />
        {first && !ownIsFirst && isDated(first) && <LegendEntry kind="first" label="First report" />}
        {own && isDated(own) && <LegendEntry kind="own" label={ownIsFirst ? 'This article (the first report)' : 'This article'} />}
      </ul>
    </div>
  );
}

function LegendEntry({ kind, label }: { kind: MarkKind; label: string }) {
  const size = 2 * MARK_RADIUS + 6;
  const c = size / 2;
  return (
    <li className="inline-flex items-center gap-1.5">
      <svg aria-hidden="true" width={size} height={size} viewBox={`0 0 ${size} ${size}`}>
        <Shape kind={kind} x={c} y={c} />
      </svg>
      {label}
    </li>
  );
}
