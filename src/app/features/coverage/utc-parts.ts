/**
 * Short UTC dates for the coverage table and the timeline's ticks, read from the date's UTC
 * fields: no locale data, so the prerendered page and the browser write the same text, and a
 * 40-row table costs no formatter calls.
 */
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const pad = (n: number) => String(n).padStart(2, '0');

/** "Jun 11" */
export function shortDay(ms: number): string {
  const date = new Date(ms);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** "17:28" */
export function shortClock(ms: number): string {
  const date = new Date(ms);
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}`;
}

/** "Jun 2020" */
export function shortMonth(ms: number): string {
  const date = new Date(ms);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "2020" */
export function shortYear(ms: number): string {
  return String(new Date(ms).getUTCFullYear());
}
