const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const exact = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

/** Phrases by unit and count: a page of coverage repeats a handful ("6 years ago"). */
const relativeCache = new Map<string, string>();

/** "3 years ago", "yesterday", "in 5 minutes"… */
export function relativeTime(iso: string, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000;
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) < size) continue;
    const count = Math.round(seconds / size);
    const key = `${count} ${unit}`;
    let text = relativeCache.get(key);
    if (text === undefined) relativeCache.set(key, (text = relative.format(count, unit)));
    return text;
  }
  return 'just now';
}

const exactCache = new Map<string, string>();

/**
 * "June 11, 2020 at 6:51 PM UTC". Remembered per date: the format costs tens of microseconds,
 * and the feed renders its cards' dates again as it re-sorts, filters and loads more.
 */
export function exactTime(iso: string): string {
  let text = exactCache.get(iso);
  if (text === undefined) {
    if (exactCache.size >= 10_000) exactCache.clear();
    text = `${exact.format(new Date(iso))} UTC`;
    exactCache.set(iso, text);
  }
  return text;
}

export function isValidDate(iso: string | undefined): iso is string {
  return iso !== undefined && !Number.isNaN(Date.parse(iso));
}
