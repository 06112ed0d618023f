import { exactTime, isValidDate, relativeTime } from '../lib/format-time';

/** Relative time as text, the exact date on hover; nothing when the date is unknown. */
export function TimeAgo({ iso }: { iso: string | undefined }) {
  if (!isValidDate(iso)) return null;
  return (
    <time dateTime={iso} title={exactTime(iso)} suppressHydrationWarning>
      {relativeTime(iso)}
    </time>
  );
}
