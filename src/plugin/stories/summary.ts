import type { ArticleCard, ArticleDetail } from '../../contract/article.ts';
import { compareCards } from '../../contract/feed.ts';
import type { CoverageItem, StoryDetail, StoryMemberInfo, StoryReason, StorySummary } from '../../contract/story.ts';

/** One member as the story's data needs it: its emitted detail and the URL identities the linker used. */
export interface SummaryMember {
  detail: ArticleDetail;
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
  const lead = [...chosen].map((i) => members[i]!.detail as ArticleCard).sort(compareCards('heat'))[0]!;
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
export function storyDetail(id: string, members: readonly SummaryMember[], related: { id: string; title: string }[]): StoryDetail {
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
