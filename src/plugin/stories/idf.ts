/**
 * Term weights for story clustering: inverse document frequency from counts rounded to powers
 * of `IDF_STEP`. Rounded, one article more or less leaves almost every weight as it was (a count
 * changes its weight only when it crosses to the next power), so an edit re-clusters the stories
 * it touches and not every story that shares a word with it (see `StoryClusterer`).
 */

/** Counts are rounded to the nearest power of this: a weight moves in steps of about a tenth. */
export const IDF_STEP = 1.25;

const LOG_STEP = Math.log(IDF_STEP);

/** `n` rounded to the nearest power of `IDF_STEP` on a log scale; 0 and 1 stay as they are. */
export function bucketed(n: number): number {
  return n <= 1 ? n : IDF_STEP ** Math.round(Math.log(n) / LOG_STEP);
}

/** The weight of a term found in `documents` of `articles` articles: log(1 + N / df), both rounded. */
export function termWeight(articles: number, documents: number): number {
  return Math.log(1 + bucketed(articles) / bucketed(documents));
}
