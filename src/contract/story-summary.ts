/**
 * A story's coverage and numbers, made from its members' data. The plugin makes every story's
 * file with these (keys: the linker's URL identities); the app makes a story of one article from
 * that article's data alone (keys: slugs and URLs, its related items being deduplicated already).
 */
import type { ArticleCard, ArticleDetail, Provider } from './article.ts';
import { compareCards } from './feed.ts';
import {
  SPARK_BUCKETS,
  type CoverageItem,
  type StoryCard,
  type StoryDetail,
  type StoryMemberInfo,
  type StoryMention,
  type RelatedStory,
  type StoryReason,
  type StorySummary,
} from './story.ts';

/** One member as the story's data needs it: its emitted detail and the URL identities the linker used. */
export interface SummaryMember {
  /** `story` is not read: the summary is what makes it. */
  detail: Omit<ArticleDetail, 'story'>;
  reason: StoryReason;
  /** Identity keys of the article's own URLs. */
  identities: readonly string[];
  /** Identity keys of each related item (in `detail.related`'s order). */
  relatedKeys: readonly (readonly string[])[];
}

const outletOf = (item: CoverageItem) => (item.provider ? (item.provider.domain ?? item.provider.name).toLowerCase() : undefined);
const timeOf = (item: CoverageItem) => (item.publishedAt ? Date.parse(item.publishedAt) : NaN);

/**
 * Every report of the story once: the members and their related items, deduplicated by URL
 * identity as the linker does (a member's own entry comes first, so it keeps its slug), each
 * naming the members it came from. Oldest first, undated last, ties in the order found.
 */
export function storyCoverage(members: readonly SummaryMember[]): CoverageItem[] {
  const items: CoverageItem[] = [];
  const byKey = new Map<string, CoverageItem>();
  const add = (item: Omit<CoverageItem, 'from'>, keys: readonly string[], member: number) => {
    const known = keys.map((key) => byKey.get(key)).find((found) => found !== undefined);
    if (known) {
      if (!known.from.includes(member)) known.from.push(member);
      for (const key of keys) if (!byKey.has(key)) byKey.set(key, known);
      return;
    }
    const entry: CoverageItem = { ...item, from: [member] };
    items.push(entry);
    for (const key of keys) byKey.set(key, entry);
  };
  members.forEach(({ detail, identities }, i) => {
    const own: Omit<CoverageItem, 'from'> = { title: detail.title, type: detail.type, slug: detail.slug };
    if (detail.url) own.url = detail.url;
    if (detail.provider) own.provider = detail.provider;
    if (detail.quality !== undefined) own.quality = detail.quality;
    if (detail.publishedAt) own.publishedAt = detail.publishedAt;
    add(own, identities, i);
  });
  members.forEach(({ detail, relatedKeys }, i) => detail.related.forEach((item, index) => add(item, relatedKeys[index] ?? [], i)));
  const position = new Map(items.map((item, i) => [item, i]));
  return items.sort((a, b) => {
    const [ta, tb] = [timeOf(a), timeOf(b)];
    if (Number.isNaN(ta) !== Number.isNaN(tb)) return Number.isNaN(ta) ? 1 : -1;
    return (Number.isNaN(ta) ? 0 : ta - tb) || position.get(a)! - position.get(b)!;
  });
}

/** The story's numbers over the members `included` says (all, or the published ones); undefined when none is. */
export function summarize(
  members: readonly SummaryMember[],
  coverage: readonly CoverageItem[],
  included: (member: SummaryMember) => boolean,
): StorySummary | undefined {
  const chosen = new Set(members.flatMap((m, i) => (included(m) ? [i] : [])));
  if (chosen.size === 0) return undefined;
  const lead = [...chosen].map((i): ArticleCard => members[i]!.detail).sort(compareCards('heat'))[0]!;
  const visible = coverage.flatMap((item, i) => (item.from.some((m) => chosen.has(m)) ? [i] : []));
  const outlets = new Set(visible.map((i) => outletOf(coverage[i]!)).filter((o) => o !== undefined));
  // Coverage is oldest first, undated last: the first and the last dated items.
  const dated = visible.filter((i) => !Number.isNaN(timeOf(coverage[i]!)));
  const summary: StorySummary = { lead: lead.slug, members: chosen.size, items: visible.length, outlets: outlets.size };
  if (dated.length) {
    summary.first = dated[0]!;
    summary.latest = dated[dated.length - 1]!;
  }
  return summary;
}

/** A story's data file. `related`: the related stories' ids with their leads' headlines. */
export function storyDetail(id: string, members: readonly SummaryMember[], related: RelatedStory[]): StoryDetail {
  const coverage = storyCoverage(members);
  const all = summarize(members, coverage, () => true)!;
  const published = summarize(members, coverage, (m) => m.detail.published);
  const info = members.map(({ detail, reason }): StoryMemberInfo => {
    const member: StoryMemberInfo = { slug: detail.slug, title: detail.title, published: detail.published, heat: detail.heat, reason };
    if (detail.provider) member.provider = detail.provider;
    if (detail.publishedAt) member.publishedAt = detail.publishedAt;
    if (detail.quality !== undefined) member.quality = detail.quality;
    return member;
  });
  return { id, members: info, coverage, summary: published ? { all, published } : { all }, related };
}

/** A story of one article: its own report and its related coverage. */
export function singleStory(detail: Omit<ArticleDetail, 'story'>): StoryDetail {
  // The related items are deduplicated already; the article may list itself.
  const related = detail.related.map((item) => [item.slug ? `slug:${item.slug}` : `url:${item.url}`]);
  return storyDetail(detail.slug, [{ detail, reason: { rule: 'first' }, identities: [`slug:${detail.slug}`], relatedKeys: related }], []);
}

/** The members a scope shows: all of them, or the published ones. */
export type StoryScope = 'all' | 'published';

/** The story as a scope shows it: its summary, and the indexes of its members and coverage items in it. */
export function storyInScope(story: StoryDetail, scope: StoryScope): { summary: StorySummary; members: number[]; coverage: number[] } | undefined {
  const summary = scope === 'all' ? story.summary.all : story.summary.published;
  if (!summary) return undefined;
  const members = story.members.flatMap((m, i) => (scope === 'all' || m.published ? [i] : []));
  const chosen = new Set(members);
  const coverage = story.coverage.flatMap((item, i) => (item.from.some((m) => chosen.has(m)) ? [i] : []));
  return { summary, members, coverage };
}

/** How many reports a card names under "More:". */
export const MORE_ON_CARD = 3;

const outletName = (provider: Provider): Provider => (provider.domain ? { name: provider.name, domain: provider.domain } : { name: provider.name });

const mention = (item: CoverageItem): StoryMention => {
  const found: StoryMention = {};
  if (item.provider) found.provider = outletName(item.provider);
  if (item.publishedAt) found.publishedAt = item.publishedAt;
  return found;
};

/** Reports per equal part of the span from the first to the latest; one part when they share a time. */
export function sparkline(times: readonly number[], buckets = SPARK_BUCKETS): number[] {
  if (times.length === 0) return [];
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  if (span === 0) return [times.length];
  const counts = new Array<number>(buckets).fill(0);
  for (const t of times) counts[Math.min(buckets - 1, Math.floor(((t - first) / span) * buckets))]!++;
  return counts;
}

/** What a story card says beyond its lead and id (see `StoryCard`), for one scope; `lead` is the lead's slug. */
export type StoryCardBody = Omit<StoryCard, 'id' | 'lead' | 'mixed'> & { lead: string };

export function storyCardBody(story: StoryDetail, scope: StoryScope): StoryCardBody | undefined {
  const shown = storyInScope(story, scope);
  if (!shown) return undefined;
  const { summary } = shown;
  const items = shown.coverage.map((i) => story.coverage[i]!);
  const body: StoryCardBody = { lead: summary.lead, members: summary.members, items: summary.items, outlets: summary.outlets, more: [] };
  const leadItem = items.find((item) => item.slug === summary.lead);
  const times = items.flatMap((item) => (item.publishedAt ? [Date.parse(item.publishedAt)] : [])).filter((t) => Number.isFinite(t));
  if (times.length > 1) body.spark = sparkline(times);
  const first = summary.first === undefined ? undefined : story.coverage[summary.first];
  if (first && first !== leadItem) body.first = mention(first);
  const latest = summary.latest === undefined ? undefined : story.coverage[summary.latest];
  if (latest?.publishedAt && latest !== leadItem) body.latestAt = latest.publishedAt;
  // Other outlets, earliest report first: not the lead's outlet, nor the first report's.
  const key = (item: CoverageItem) => (item.provider ? (item.provider.domain ?? item.provider.name).toLowerCase() : undefined);
  const named = new Set([leadItem, first].map((item) => item && key(item)));
  for (const item of items) {
    if (body.more.length >= MORE_ON_CARD) break;
    const outlet = key(item);
    if (!item.provider || outlet === undefined || named.has(outlet)) continue;
    named.add(outlet);
    body.more.push(outletName(item.provider));
  }
  const members = shown.members.map((i) => story.members[i]!);
  const lead = members.find((m) => m.slug === summary.lead)!;
  const qualities = members.flatMap((m) => (m.quality === undefined ? [] : [m.quality]));
  if (qualities.length && Math.max(...qualities) !== lead.quality) body.quality = Math.max(...qualities);
  const newest = members.reduce<string | undefined>((at, m) => (m.publishedAt && (!at || m.publishedAt > at) ? m.publishedAt : at), undefined);
  if (newest && newest !== lead.publishedAt) body.newestAt = newest;
  return body;
}
