/** How far each stream has been consumed: stream key → number of its items already shown. */
export type FeedCursor = Record<string, number>;

export interface MergedPage<T> {
  items: T[];
  /** Where the next page starts. */
  cursor: FeedCursor;
  done: boolean;
}

export interface MergeStream {
  key: string;
  /** Items in the list, as an index counts them (a page's own total replaces it once read). */
  total: number;
}

export interface Merge<T, S extends MergeStream> {
  streams: S[];
  pageSize: number;
  page: (stream: S, page: number) => Promise<{ total: number; items: T[] }>;
  compare: (a: T, b: T) => number;
  /** An item listed by several streams (several selected topics) is shown once. */
  id: (item: T) => string;
  /** Items a stream lists that the view shows from another stream instead. */
  skip?: (item: T, stream: S) => boolean;
}

/**
 * The next page of a view: a k-way merge of its streams in `compare` order. Stream pages are
 * fetched only when the merge reaches them.
 */
export async function mergeStreams<T, S extends MergeStream>(merge: Merge<T, S>, cursor: FeedCursor): Promise<MergedPage<T>> {
  const { streams, pageSize, compare, id } = merge;
  const position: FeedCursor = { ...cursor };
  const totals = new Map(streams.map((s) => [s.key, s.total]));

  const head = async (stream: S): Promise<T | undefined> => {
    for (;;) {
      const at = position[stream.key] ?? 0;
      if (at >= (totals.get(stream.key) ?? 0)) return undefined;
      const page = await merge.page(stream, Math.floor(at / pageSize) + 1);
      totals.set(stream.key, page.total);
      const item = page.items[at % pageSize];
      if (item === undefined || !merge.skip?.(item, stream)) return item;
      position[stream.key] = at + 1;
    }
  };

  const items: T[] = [];
  while (items.length < pageSize) {
    const heads = await Promise.all(streams.map(head));
    let best: T | undefined;
    for (const item of heads) if (item !== undefined && (best === undefined || compare(item, best) < 0)) best = item;
    if (best === undefined) {
      // Every stream is exhausted (or shorter than counted): stop there.
      for (const stream of streams) totals.set(stream.key, Math.min(totals.get(stream.key) ?? 0, position[stream.key] ?? 0));
      break;
    }
    items.push(best);
    const bestId = id(best);
    streams.forEach((stream, i) => {
      if (heads[i] !== undefined && id(heads[i]) === bestId) position[stream.key] = (position[stream.key] ?? 0) + 1;
    });
  }
  const done = streams.every((s) => (position[s.key] ?? 0) >= (totals.get(s.key) ?? 0));
  return { items, cursor: position, done };
}
