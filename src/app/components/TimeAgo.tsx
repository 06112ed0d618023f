import { exactTime, isValidDate, relativeTime } from '../lib/format-time';

/**
 * Relative time as text, with the exact date on hover unless `exact` is false; nothing when the
 * date is unknown.
 */
export function TimeAgo({ iso, exact = true }: { iso: string | undefined; exact?: boolean }) {
  if (!isValidDate(iso)) return null;
  return (
    <time dateTime={iso} title={exact ? exactTime(iso) : undefined} suppressHydrationWarning>
      {relativeTime(iso)}
    </time>
  );
}
