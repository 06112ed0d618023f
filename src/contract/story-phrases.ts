/** How story numbers read: "26 outlets over 4 days", "first: CNET, June 11, 2020" (the app, and the stories feed). */
import type { StoryCard } from './story.ts';

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

export function reportsPhrase(reports: number): string {
  return reports === 1 ? '1 report' : `${count.format(reports)} reports`;
}

/** "17:28 UTC": a 24-hour clock, read from the ISO string's UTC fields (no locale involved). */
export function clockPhrase(iso: string): string {
  const date = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

export function articlesPhrase(articles: number): string {
  return articles === 1 ? '1 article' : `${count.format(articles)} articles`;
}

/** A story card's coverage: "26 outlets over 4 days", from its first report to its latest. */
export function coveragePhrase(story: StoryCard): string {
  if (story.items <= 1) return 'Only this report so far';
  const first = story.first?.publishedAt ?? story.lead.publishedAt;
  const latest = story.latestAt ?? story.lead.publishedAt;
  return [outletsPhrase(story.outlets), spanPhrase(first, latest)].filter(Boolean).join(' ');
}

/** A story card in one line of text: "26 outlets over 4 days · first: CNET, June 11, 2020, 17:28 UTC". */
export function storyLine(story: StoryCard): string {
  const firstAt = story.first?.publishedAt ?? story.lead.publishedAt;
  if (!firstAt) return coveragePhrase(story);
  const outlet = story.first?.provider?.name ?? story.lead.provider?.name ?? 'unknown outlet';
  return `${coveragePhrase(story)} · first: ${outlet}, ${dayPhrase(firstAt)}, ${clockPhrase(firstAt)}`;
}
