import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { hugoVersion } from '../hugo/run.ts';
import { dirBytes } from './bytes.ts';
import { generatedColumns, realColumn, type Column } from './columns.ts';
import { ensureCorpus } from './corpus.ts';
import { measureColumn } from './measure-column.ts';
import { METRICS, renderMarkdown, renderTable, verdict, type SizeResults } from './metrics.ts';
import type { BenchOptions } from './options.ts';
import { Trash } from './trash.ts';

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  node: string;
  os: string;
  hugo?: string;
}

export interface BenchResult {
  date: string;
  machine: Machine;
  /** One line describing the machine, as printed. */
  machineLine: string;
  sizes: number[];
  styles: string[];
  /** The table's columns, in order; results, verdicts and details are keyed by their ids. */
  columns: Column[];
  /** Per column: metric key → number (ms, bytes, ratio, count) or why there is none. */
  results: Record<string, SizeResults>;
  /** Per column: metric key → pass/fail against its target, where one applies. */
  verdicts: Record<string, Record<string, { pass: boolean; target: string }>>;
  /** Supporting detail (individual runs, build log summaries, request lists, file names). */
  details: Record<string, Record<string, unknown>>;
  metrics: { key: string; label: string; unit: string; target: string }[];
  table: string;
  markdown: string;
}

export async function describeMachine(): Promise<Machine> {
  const cpus = os.cpus();
  const hugo = await hugoVersion().catch(() => undefined);
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    node: process.version,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    ...(hugo ? { hugo } : {}),
  };
}

export function machineLine(m: Machine): string {
  const hugo = m.hugo ? `; ${m.hugo.replace(/\s+BuildDate.*$/, '')}` : '; Hugo not installed';
  return `Machine: ${m.cpu} × ${m.cores} cores, ${(m.memoryBytes / 2 ** 30).toFixed(1)} GB RAM, ${m.os}, Node ${m.node}${hugo}`;
}

/** Runs the whole benchmark; writes the JSON to `options.out` and returns it. */
export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const log = options.log ?? ((line: string) => console.error(line));
  await mkdir(options.cacheRoot, { recursive: true });
  const machine = await describeMachine();
  const columns: Column[] = [];
  const results: Record<string, SizeResults> = {};
  const details: Record<string, Record<string, unknown>> = {};
  const verdicts: BenchResult['verdicts'] = {};
  const trash = new Trash(path.join(options.cacheRoot, '.trash'));
  const context = { options, hugoInstalled: machine.hugo !== undefined, trash, log };
  const measure = async (column: Column, dir: string) => {
    columns.push(column);
    const measured = await measureColumn(column, dir, context);
    results[column.id] = measured.row;
    details[column.id] = measured.details;
    verdicts[column.id] = {};
    for (const m of METRICS) {
      const v = verdict(m, column.size, measured.row);
      if (v) verdicts[column.id]![m.key] = v;
    }
  };
  try {
    for (const column of generatedColumns(options)) {
      const corpus = await ensureCorpus(path.join(options.cacheRoot, `corpus-${column.size}-${column.style}`), column.size, options.seed, column.style);
      log(
        `[${column.label}] corpus ${corpus.generated ? 'generated' : 'reused'}${corpus.restored ? ' (a file an interrupted run changed put back)' : ''}: ${corpus.dir}`,
      );
      await measure(column, corpus.dir);
    }
    if (options.realCorpus) {
      if (existsSync(options.realCorpus)) {
        const { files } = await dirBytes(options.realCorpus);
        await measure(realColumn(files), options.realCorpus);
      } else log(`[real corpus] not found at ${options.realCorpus}: no column (see --real, --skip-real)`);
    }
  } finally {
    await trash.empty();
  }
  const result: BenchResult = {
    date: new Date().toISOString(),
    machine,
    machineLine: machineLine(machine),
    sizes: options.sizes,
    styles: options.styles,
    columns,
    results,
    verdicts,
    details,
    metrics: METRICS.map(({ key, label, unit, target }) => ({ key, label, unit, target })),
    table: renderTable(columns, results),
    markdown: renderMarkdown(columns, results),
  };
  await mkdir(path.dirname(options.out), { recursive: true });
  await writeFile(options.out, JSON.stringify(result, null, 2) + '\n');
  return result;
}
