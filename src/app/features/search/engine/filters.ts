import { SEARCH_FILTERS, type SearchView } from '../../../../contract/search';

/** Pagefind's filter argument: each filter name to a value, to `{ any: [...] }` or to `{ none: [...] }`. */
export type PagefindFilters = Record<string, string | { any: string[] } | { none: string[] }>;

/** A date range is searched as one `day` value per day: a range longer than this is shortened. */
export const MAX_RANGE_DAYS = 366 * 3;

const DAY_MS = 86_400_000;

const dayMs = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The days of an inclusive range, `YYYY-MM-DD`: reversed bounds are swapped, an open end is
 * `MAX_RANGE_DAYS` from the other, and a range longer than that keeps its last days (the newest,
 * which readers narrow to most).
 */
export function daysInRange(from: string | undefined, to: string | undefined): string[] {
  if (!from && !to) return [];
  let start = from ? dayMs(from) : dayMs(to!) - (MAX_RANGE_DAYS - 1) * DAY_MS;
  let end = to ? dayMs(to) : dayMs(from!) + (MAX_RANGE_DAYS - 1) * DAY_MS;
  if (Number.isNaN(start) || Number.isNaN(end)) return [];
  if (start > end) [start, end] = [end, start];
  start = Math.max(start, end - (MAX_RANGE_DAYS - 1) * DAY_MS);
  const days: string[] = [];
  for (let ms = start; ms <= end; ms += DAY_MS) days.push(dayOf(ms));
  return days;
}

/** The view's filters for Pagefind; `withTopics: false` leaves the topics out (to count them). */
export function searchFilters(view: SearchView, withTopics = true): PagefindFilters {
  const filters: PagefindFilters = {};
  if (withTopics && view.topics.length) filters[SEARCH_FILTERS.topic] = { any: [...view.topics] };
  if (view.source) filters[SEARCH_FILTERS.source] = view.source;
  if (view.type) filters[SEARCH_FILTERS.type] = view.type;
  // Only unpublished articles carry the filter: the default leaves them out.
  if (!view.unpublished) filters[SEARCH_FILTERS.unpublished] = { none: ['true'] };
  const days = daysInRange(view.from, view.to);
  if (days.length) filters[SEARCH_FILTERS.day] = { any: days };
  return filters;
}
