/** The table's rows: what each metric is, its unit, and its target (issue 16's, or issue 5's where marked). */
import type { Column } from './columns.ts';

/** A measured number, or why there is none (skipped, timed out, failed, n/a). */
export type Cell = number | string;
export type SizeResults = Record<string, Cell>;

export interface Verdict {
  pass: boolean;
  /** The target at this size, e.g. "< 3.5 s". */
  target: string;
}

export interface MetricDef {
  key: string;
  label: string;
  unit: 'ms' | 's' | 'MB' | 'KB' | 'x' | 'count';
  /** The target, in words, for the table's target column. */
  target: string;
  /** Needs Chromium (skipped by --skip-browser) or Hugo (skipped by --skip-hugo). */
  needs?: 'browser' | 'hugo';
  /**
   * Which columns measure it: every one (default), the generated corpora only (the step edits
   * the corpus, which the real one must never be), or the plain style only (the app in the
   * browser is the same whichever style its data came from).
   */
  on?: 'all' | 'generated' | 'plain';
  check?: (value: number, size: number, row: SizeResults) => Verdict | undefined;
}

const KB = 1024;
const MB = 1024 * 1024;
const num = (v: Cell | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const below =
  (limit: number, text: string) =>
  (v: number): Verdict => ({ pass: v < limit, target: `< ${text}` });
const atMost =
  (limit: number) =>
  (v: number): Verdict => ({ pass: v <= limit, target: `≤ ${limit.toFixed(1)}×` });
const atLeast =
  (limit: number) =>
  (v: number): Verdict => ({ pass: v >= limit, target: `≥ ${limit}×` });
/** Issue 16 states its build targets at 10k (and Hugo is skipped at 100k unless asked for). */
const from10k = (check: (v: number) => Verdict) => (v: number, size: number) => (size >= 10000 ? check(v) : undefined);
const at10k = (check: (v: number) => Verdict) => (v: number, size: number) => (size === 10000 ? check(v) : undefined);

export const METRICS: MetricDef[] = [
  // Production builds: `vite build` (data, app, every page) against Hugo on the same corpus.
  { key: 'prodBuildMs', label: 'Cold vite build (data, app, every page)', unit: 's', target: 'median of alternating runs' },
  { key: 'hugoMs', label: 'Hugo build, same corpus', unit: 's', target: 'reference', needs: 'hugo' },
  { key: 'prodOverHugo', label: 'vite build / Hugo (wall)', unit: 'x', target: '≤ 1.0× from 10k', needs: 'hugo', check: from10k(atMost(1)) },
  { key: 'prodCpuMs', label: 'Cold vite build, CPU (user+sys)', unit: 's', target: 'median' },
  { key: 'hugoCpuMs', label: 'Hugo build, CPU (user+sys)', unit: 's', target: 'median', needs: 'hugo' },
  { key: 'prodCpuOverHugo', label: 'vite build / Hugo (CPU)', unit: 'x', target: '≤ 1.3× from 10k', needs: 'hugo', check: from10k(atMost(1.3)) },
  { key: 'warmProdMs', label: 'Warm vite build, nothing changed', unit: 's', target: '< 3 s at 10k', check: at10k(below(3000, '3 s')) },
  {
    key: 'warmPages',
    label: 'Warm vite build: pages re-rendered',
    unit: 'count',
    target: 'none (build log)',
    check: (v) => ({ pass: v === 0, target: 'none' }),
  },
  { key: 'hugoOverWarmProd', label: 'Hugo / warm vite build', unit: 'x', target: '≥ 5× at 10k', needs: 'hugo', check: at10k(atLeast(5)) },
  { key: 'changedProdMs', label: 'One title changed, vite build', unit: 's', target: '< 4 s at 10k', on: 'generated', check: at10k(below(4000, '4 s')) },
  { key: 'changedPages', label: 'One title changed: pages re-rendered', unit: 'count', target: 'only the affected ones (build log)', on: 'generated' },
  { key: 'changedDataFiles', label: 'One title changed: data files written', unit: 'count', target: 'only the affected ones (build log)', on: 'generated' },
  // Issue 17: the search index (Pagefind), built in the same vite build.
  { key: 'noSearchBuildMs', label: 'Cold vite build without the search index', unit: 's', target: 'median, alternating' },
  {
    key: 'searchBuildRatio',
    label: 'Cold vite build: with / without search',
    unit: 'x',
    target: '≤ 1.25× at 10k',
    check: at10k((v) => ({ pass: v <= 1.25, target: '≤ 1.25×' })),
  },
  { key: 'searchIndexFiles', label: 'Search index: files (dist/pagefind)', unit: 'count', target: 'reported' },
  { key: 'searchIndexBytes', label: 'Search index: bytes on disk', unit: 'MB', target: 'reported' },
  // The data build alone (files → JSON), in a process of its own.
  {
    key: 'coldBuildMs',
    label: 'Cold data build (files → JSON)',
    unit: 's',
    target: 'issue 5: 0.35 ms/article from 10k',
    check: (v, size) => (size >= 10000 ? below(0.35 * size, `${((0.35 * size) / 1000).toFixed(1)} s`)(v) : undefined),
  },
  {
    key: 'coldPeakRssBytes',
    label: 'Peak memory, cold data build (RSS)',
    unit: 'MB',
    target: '< 1.5 GB at 100k',
    check: (v) => below(1.5 * 1024 * MB, '1.5 GB')(v),
  },
  { key: 'warmBuildMs', label: 'Warm data build, nothing changed', unit: 's', target: '< 0.5 s at 10k', check: at10k(below(500, '0.5 s')) },
  {
    key: 'hugoOverCold',
    label: 'Hugo / cold data build',
    unit: 'x',
    target: 'issue 5: ≥ 2×',
    needs: 'hugo',
    check: (v, size) => (size >= 1000 ? atLeast(2)(v) : undefined),
  },
  { key: 'sourceBytes', label: 'Source files', unit: 'MB', target: '' },
  { key: 'dataBytes', label: 'Data output (dist/data)', unit: 'MB', target: '< 2 × source' },
  {
    key: 'dataOverSource',
    label: 'Data output / source',
    unit: 'x',
    target: '< 2× from 1k',
    // Issue 5's target for the generated corpora: on a few dozen files the lists and the index outweigh the articles.
    check: (v, size) => (size >= 1000 ? { pass: v < 2, target: '< 2×' } : undefined),
  },
  {
    key: 'firstScreenGzip',
    label: 'First screen download (gzip)',
    unit: 'KB',
    target: '< 150 KB (HTML+JS+CSS+index.json)',
    check: below(150 * KB, '150 KB'),
  },
  { key: 'firstScreenJsGzip', label: '  of which JS (gzip)', unit: 'KB', target: '< 110 KB', check: below(110 * KB, '110 KB') },
  { key: 'indexJsonGzip', label: '  of which data/index.json (gzip)', unit: 'KB', target: 'same as seeds' },
  {
    key: 'devEditMs',
    label: 'Dev: saved edit visible in page (median of 5)',
    unit: 'ms',
    target: '< 100 ms at 10k, < 300 ms at 100k',
    needs: 'browser',
    on: 'plain',
    check: (v, size) => (size <= 10000 ? below(100, '100 ms')(v) : below(300, '300 ms')(v)),
  },
  {
    key: 'devEditMaxMs',
    label: 'Dev: saved edit visible in page (slowest of 5)',
    unit: 'ms',
    target: '< 100 ms at 10k, < 300 ms at 100k',
    needs: 'browser',
    on: 'plain',
    check: (v, size) => (size <= 10000 ? below(100, '100 ms')(v) : below(300, '300 ms')(v)),
  },
  {
    key: 'devSearchMs',
    label: 'Dev: saved edit searchable (new index served)',
    unit: 'ms',
    target: 'reported (Pagefind re-indexes all)',
    needs: 'browser',
    on: 'plain',
  },
  { key: 'firstCardMs', label: 'Time to first card (preview)', unit: 'ms', target: '', needs: 'browser', on: 'plain' },
  { key: 'topicMs', label: 'Topic click → cards', unit: 'ms', target: '< 100 ms', needs: 'browser', on: 'plain', check: below(100, '100 ms') },
  { key: 'sortMs', label: 'Sort change → cards', unit: 'ms', target: '< 100 ms', needs: 'browser', on: 'plain', check: below(100, '100 ms') },
  { key: 'loadMoreMs', label: 'Load more → cards (median of 20)', unit: 'ms', target: '< 100 ms', needs: 'browser', on: 'plain', check: below(100, '100 ms') },
  { key: 'loadMoreMaxMs', label: 'Load more → cards (slowest)', unit: 'ms', target: '< 100 ms', needs: 'browser', on: 'plain', check: below(100, '100 ms') },
  {
    key: 'maxDataRequestGzip',
    label: 'Largest data request (gzip)',
    unit: 'KB',
    target: '< 50 KB',
    needs: 'browser',
    on: 'plain',
    check: below(50 * KB, '50 KB'),
  },
  {
    key: 'searchFirstQueryGzip',
    label: 'Search: first query typed, bytes (gzip, library + index)',
    unit: 'KB',
    target: '< 300 KB at 100k',
    needs: 'browser',
    on: 'plain',
    check: (v, size) => (size >= 100_000 ? below(300 * KB, '300 KB')(v) : undefined),
  },
  {
    key: 'searchKeystrokeGzip',
    label: 'Search: further keystroke, bytes (largest)',
    unit: 'KB',
    target: '< 50 KB',
    needs: 'browser',
    on: 'plain',
    check: below(50 * KB, '50 KB'),
  },
  {
    key: 'searchMs',
    label: 'Search: last keystroke → count announced (median of 20)',
    unit: 'ms',
    target: '< 150 ms at 100k',
    needs: 'browser',
    on: 'plain',
    check: below(150, '150 ms'),
  },
  {
    key: 'searchMaxMs',
    label: 'Search: last keystroke → count announced (slowest)',
    unit: 'ms',
    target: '< 150 ms at 100k',
    needs: 'browser',
    on: 'plain',
    check: below(150, '150 ms'),
  },
  {
    key: 'searchCardMs',
    label: 'Search: last keystroke → first result card (median)',
    unit: 'ms',
    target: '< 150 ms at 100k',
    needs: 'browser',
    on: 'plain',
    check: below(150, '150 ms'),
  },
  {
    key: 'searchCardMaxMs',
    label: 'Search: last keystroke → first result card (slowest)',
    unit: 'ms',
    target: '< 150 ms at 100k',
    needs: 'browser',
    on: 'plain',
    check: below(150, '150 ms'),
  },
  { key: 'domNodes', label: 'DOM nodes after 20 load-mores', unit: 'count', target: '< 1,500', needs: 'browser', on: 'plain', check: below(1500, '1,500') },
  { key: 'jsHeapBytes', label: 'JS heap after 20 load-mores', unit: 'MB', target: '< 100 MB', needs: 'browser', on: 'plain', check: below(100 * MB, '100 MB') },
];

/** Whether `column` measures `metric` (see MetricDef.on). */
export function applies(metric: MetricDef, column: Pick<Column, 'style'>): boolean {
  const on = metric.on ?? 'all';
  return on === 'all' || (on === 'generated' ? column.style !== 'real' : column.style === 'plain');
}

/** The quotient of two cells when both are numbers; else why there is none (the first reason found), or undefined. */
export function ratio(a: Cell | undefined, b: Cell | undefined): Cell | undefined {
  if (typeof a === 'number' && typeof b === 'number') return b > 0 ? a / b : 'n/a';
  if (typeof a === 'string') return a;
  return typeof b === 'string' ? b : undefined;
}

export function formatValue(value: Cell | undefined, unit: MetricDef['unit']): string {
  if (value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'ms':
      return `${Math.round(value)} ms`;
    case 's':
      return `${(value / 1000).toFixed(value < 10_000 ? 2 : 1)} s`;
    case 'MB':
      return `${(value / MB).toFixed(1)} MB`;
    case 'KB':
      return `${(value / KB).toFixed(1)} KB`;
    case 'x':
      return `${value.toFixed(2)}×`;
    case 'count':
      return Math.round(value).toLocaleString('en-US');
  }
}

export function verdict(metric: MetricDef, size: number, row: SizeResults): Verdict | undefined {
  const value = num(row[metric.key]);
  return value === undefined || !metric.check ? undefined : metric.check(value, size, row);
}

/** Rows of cells: header first. */
function grid(columns: Column[], results: Record<string, SizeResults>): string[][] {
  const rows = [['Metric', 'Target', ...columns.map((c) => c.label)]];
  for (const m of METRICS) {
    rows.push([
      m.label,
      m.target,
      ...columns.map((column) => {
        const row = results[column.id] ?? {};
        const v = verdict(m, column.size, row);
        const text = formatValue(row[m.key], m.unit);
        return v ? `${text} ${v.pass ? '✓' : '✗'}` : text;
      }),
    ]);
  }
  return rows;
}

const width = (s: string) => [...s].length;

export function renderTable(columns: Column[], results: Record<string, SizeResults>): string {
  const rows = grid(columns, results);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c + ' '.repeat(widths[i]! - width(c)) : ' '.repeat(widths[i]! - width(c)) + c)).join('  ');
  const sep = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(rows[0]!), sep, ...rows.slice(1).map(line)].join('\n');
}

export function renderMarkdown(columns: Column[], results: Record<string, SizeResults>): string {
  const rows = grid(columns, results);
  const esc = (c: string) => c.replace(/\|/g, '\\|').trim() || ' ';
  const out = [`| ${rows[0]!.map(esc).join(' | ')} |`, `|${rows[0]!.map((_, i) => (i < 2 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const r of rows.slice(1)) out.push(`| ${r.map(esc).join(' | ')} |`);
  return out.join('\n');
}
