/** How story numbers read: "26 outlets over 4 days", "first: CNET, June 11, 2020". */

const count = new Intl.NumberFormat('en');
const day = new Intl.DateTimeFormat('en', { dateStyle: 'long', timeZone: 'UTC' });

export function outletsPhrase(outlets: number): string {
  return outlets === 1 ? '1 outlet' : `${count.format(outlets)} outlets`;
}

/** The span between the first and latest report, in the largest whole unit that fits. */
export function spanPhrase(firstIso: string | undefined, latestIso: string | undefined): string | undefined {
  if (!firstIso || !latestIso) return undefined;
  const hours = (Date.parse(latestIso) - Date.parse(firstIso)) / 3_600_000;
  if (!Number.isFinite(hours) || hours < 1) return undefined;
  if (hours < 48) {
    const h = Math.round(hours);
    return h === 1 ? 'over 1 hour' : `over ${h} hours`;
  }
  const days = Math.round(hours / 24);
  return `over ${count.format(days)} days`;
}

/** "June 11, 2020" (UTC). */
export function dayPhrase(iso: string): string {
  return day.format(new Date(iso));
}
