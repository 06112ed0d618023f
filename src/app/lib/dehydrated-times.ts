import type { DehydratedState } from '@tanstack/react-query';

/**
 * A prerendered page's dehydrated cache carries no clock reading, so two builds of the same
 * content write the same bytes: the build writes 0 for when each query's data was fetched and
 * dehydrated, and the page stamps its own load time before hydrating. Hydration compares these
 * times with queries already in the cache (the fresher data wins), and the page's cache is
 * empty then; the data files never change under a loaded page, so "fetched at page load" is true.
 */
export function withoutTimes(state: DehydratedState): DehydratedState {
  return withTimes(state, 0);
}

export function withTimes(state: DehydratedState, at: number): DehydratedState {
  return {
    ...state,
    queries: state.queries.map((query) => ({ ...query, dehydratedAt: at, state: { ...query.state, dataUpdatedAt: at } })),
  };
}
