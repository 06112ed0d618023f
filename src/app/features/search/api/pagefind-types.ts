/** The part of Pagefind's browser API (`pagefind.js`, 1.x) the app uses. */
export interface PagefindResult {
  id: string;
  score: number;
  /** The record's fragment: its URL and its indexed text (plain text, as indexed). */
  data(): Promise<{ url: string; content: string; meta: Record<string, string | undefined> }>;
}

export interface PagefindResponse {
  results: PagefindResult[];
  /** Per filter, the number of results each value would have in addition to the filters applied (loaded filters only). */
  filters: Record<string, Record<string, number>>;
}

export interface PagefindSearchOptions {
  filters?: Record<string, unknown>;
  sort?: Record<string, 'asc' | 'desc'>;
}

export interface PagefindApi {
  options(options: { basePath?: string; baseUrl?: string; excerptLength?: number }): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: PagefindSearchOptions): Promise<PagefindResponse | null>;
  preload(term: string, options?: PagefindSearchOptions): Promise<void>;
}
