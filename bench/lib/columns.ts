import type { CorpusStyle } from '../generate/corpus.ts';
import type { BenchOptions } from './options.ts';

/** One column of the table: a generated corpus of one size and style, or the real corpus. */
export interface Column {
  /** Key of the column in the JSON's results, e.g. "10000-plain" or "real". */
  id: string;
  /** Header, e.g. "10k plain". */
  label: string;
  /** Articles asked of the generator (the real corpus: its file count, known once read). */
  size: number;
  style: CorpusStyle | 'real';
}

const sizeLabel = (n: number) => (n % 1000 === 0 ? `${n / 1000}k` : String(n));

export function generatedColumn(size: number, style: CorpusStyle): Column & { style: CorpusStyle } {
  return { id: `${size}-${style}`, label: `${sizeLabel(size)} ${style}`, size, style };
}

export function realColumn(files: number): Column {
  return { id: 'real', label: 'real corpus', size: files, style: 'real' };
}

/** The generated columns in table order: by size, then style, as asked. */
export function generatedColumns(options: Pick<BenchOptions, 'sizes' | 'styles'>): (Column & { style: CorpusStyle })[] {
  return options.sizes.flatMap((size) => options.styles.map((style) => generatedColumn(size, style)));
}
