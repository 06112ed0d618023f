/** The table's rows: what each metric is, its unit and the target of issue 5. */

/** A measured number, or why there is none (skipped, timed out, failed). */
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
  check?: (value: number, size: number, row: SizeResults) => Verdict | undefined;
}

const KB = 1024;
const MB = 1024 * 1024;
const num = (v: Cell | undefined): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const below = (limit: number, text: string) => (v: number): Verdict => ({ pass: v < limit, target: `< ${text}` });

export const METRICS: MetricDef[] = [
  {
    key: 'coldBuildMs',
    label: 'Cold data build (files → JSON)',
    unit: 's',
    target: '10k < 3.5 s, 100k < 35 s (0.35 ms/article from 10k up)',
    check: (v, size) => (size >= 10000 ? below(0.35 * size, `${((0.35 * size) / 1000).toFixed(1)} s`)(v) : undefined),
  },
  {
    key: 'coldPeakRssBytes',
    label: 'Peak memory, cold build (RSS)',
    unit: 'MB',
    target: '< 1.5 GB at 100k',
    check: (v) => below(1.5 * 1024 * MB, '1.5 GB')(v),
  },
  {
    key: 'hugoMs',
    label: 'Hugo build, same corpus',
    unit: 's',
    target: 'reference',
    needs: 'hugo',
  },
  {
    key: 'hugoOverCold',
    label: 'Hugo time / cold data build',
    unit: 'x',
    target: '≥ 2× (twice as fast as Hugo)',
    needs: 'hugo',
    check: (v) => ({ pass: v >= 2, target: '≥ 2×' }),
  },
  {
    key: 'warmBuildMs',
    label: 'Warm rebuild, nothing changed',
    unit: 's',
    target: '< 0.5 s at 10k',
    check: (v, size) => (size === 10000 ? below(500, '0.5 s')(v) : undefined),
  },
  {
    key: 'devEditMs',
    label: 'Dev: saved edit visible in page',
    unit: 'ms',
    target: '< 200 ms at 10k',
    needs: 'browser',
    check: (v, size) => (size <= 10000 ? below(200, '200 ms')(v) : undefined),
  },
  { key: 'sourceBytes', label: 'Source files', unit: 'MB', target: '' },
  { key: 'dataBytes', label: 'Data output (dist/data)', unit: 'MB', target: '< 2 × source' },
  {
    key: 'dataOverSource',
    label: 'Data output / source',
    unit: 'x',
    target: '< 2×',
    check: (v) => ({ pass: v < 2, target: '< 2×' }),
  },
  {
    key: 'prodBuildMs',
    label: 'Full production build (vite build)',
    unit: 's',
    target: 'faster than Hugo (at 10k)',
    check: (v, _size, row) => {
      const hugo = num(row.hugoMs);
      return hugo === undefined ? undefined : { pass: v < hugo, target: `< ${(hugo / 1000).toFixed(1)} s` };
    },
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
  { key: 'firstCardMs', label: 'Time to first card (preview)', unit: 'ms', target: '', needs: 'browser' },
  { key: 'topicMs', label: 'Topic click → cards', unit: 'ms', target: '< 100 ms', needs: 'browser', check: below(100, '100 ms') },
  { key: 'sortMs', label: 'Sort change → cards', unit: 'ms', target: '< 100 ms', needs: 'browser', check: below(100, '100 ms') },
  { key: 'loadMoreMs', label: 'Load more → cards (median of 20)', unit: 'ms', target: '< 100 ms', needs: 'browser', check: below(100, '100 ms') },
  { key: 'loadMoreMaxMs', label: 'Load more → cards (slowest)', unit: 'ms', target: '< 100 ms', needs: 'browser', check: below(100, '100 ms') },
  {
    key: 'maxDataRequestGzip',
    label: 'Largest data request (gzip)',
    unit: 'KB',
    target: '< 50 KB',
    needs: 'browser',
    check: below(50 * KB, '50 KB'),
  },
  { key: 'domNodes', label: 'DOM nodes after 20 load-mores', unit: 'count', target: '< 1,500', needs: 'browser', check: below(1500, '1,500') },
  { key: 'jsHeapBytes', label: 'JS heap after 20 load-mores', unit: 'MB', target: '< 100 MB', needs: 'browser', check: below(100 * MB, '100 MB') },
];

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

const sizeLabel = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

/** Rows of cells: header first. */
function grid(sizes: number[], results: Record<string, SizeResults>): string[][] {
  const rows = [['Metric', 'Target', ...sizes.map((s) => `${sizeLabel(s)} articles`)]];
  for (const m of METRICS) {
    rows.push([
      m.label,
      m.target,
      ...sizes.map((size) => {
        const row = results[size] ?? {};
        const v = verdict(m, size, row);
        const text = formatValue(row[m.key], m.unit);
        return v ? `${text} ${v.pass ? '✓' : '✗'}` : text;
      }),
    ]);
  }
  return rows;
}

const width = (s: string) => [...s].length;

export function renderTable(sizes: number[], results: Record<string, SizeResults>): string {
  const rows = grid(sizes, results);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => width(r[i]!))));
  const line = (r: string[]) => r.map((c, i) => (i < 2 ? c + ' '.repeat(widths[i]! - width(c)) : ' '.repeat(widths[i]! - width(c)) + c)).join('  ');
  const sep = widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(rows[0]!), sep, ...rows.slice(1).map(line)].join('\n');
}

export function renderMarkdown(sizes: number[], results: Record<string, SizeResults>): string {
  const rows = grid(sizes, results);
  const esc = (c: string) => c.replace(/\|/g, '\\|').trim() || ' ';
  const out = [`| ${rows[0]!.map(esc).join(' | ')} |`, `|${rows[0]!.map((_, i) => (i < 2 ? ' --- ' : ' ---: ')).join('|')}|`];
  for (const r of rows.slice(1)) out.push(`| ${r.map(esc).join(' | ')} |`);
  return out.join('\n');
}
