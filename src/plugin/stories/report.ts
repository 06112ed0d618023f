import type { CoverageItem, StoryDetail, StoryReason } from '../../contract/story.ts';
import { escapeForLog } from '../diagnostics.ts';

/** "2020-06-11 17:28 UTC": logs read the same on every machine. */
const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

function span(detail: StoryDetail): string {
  const { first, latest } = detail.summary.all;
  if (first === undefined || latest === undefined) return 'no dated report';
  const hours = (Date.parse(detail.coverage[latest]!.publishedAt!) - Date.parse(detail.coverage[first]!.publishedAt!)) / 3_600_000;
  return hours < 48 ? `over ${Math.round(hours)} h` : `over ${Math.round(hours / 24)} days`;
}

const report = (item: CoverageItem) => `${item.provider?.name ?? 'unknown outlet'}${item.publishedAt ? `, ${utc(item.publishedAt)}` : ''}: "${item.title}"`;

function why(reason: StoryReason): string {
  const numbers = [
    reason.termSimilarity !== undefined ? `terms ${reason.termSimilarity}` : '',
    reason.coverageOverlap !== undefined ? `coverage ${reason.coverageOverlap}` : '',
    reason.hoursApart !== undefined ? `${reason.hoursApart} h apart` : '',
  ].filter(Boolean);
  const rule = { first: 'first article', cites: 'lists', 'cited-by': 'listed by', 'shared-coverage': 'shares coverage with', 'same-title': 'same headline as' }[
    reason.rule
  ];
  return `${rule}${reason.with ? ` ${reason.with}` : ''}${numbers.length ? ` (${numbers.join(', ')})` : ''}`;
}

/** `npm run check -- --stories`: a story, its numbers, and why each member is in it. */
export function formatStory(detail: StoryDetail): string[] {
  const { all, published } = detail.summary;
  const lines = [
    `story ${detail.id}: ${all.members} article${all.members === 1 ? '' : 's'}, ${all.outlets} outlet${all.outlets === 1 ? '' : 's'}, ${all.items} report${all.items === 1 ? '' : 's'} ${span(detail)}; lead ${all.lead}${published ? '' : ' (no published article: hidden by default)'}`,
  ];
  if (all.first !== undefined) lines.push(`  first: ${report(detail.coverage[all.first]!)}`);
  if (all.latest !== undefined && all.latest !== all.first) lines.push(`  latest: ${report(detail.coverage[all.latest]!)}`);
  for (const member of detail.members) lines.push(`  + ${member.slug}${member.published ? '' : ' (unpublished)'}: ${why(member.reason)}`);
  if (detail.related.length) lines.push(`  related stories: ${detail.related.map((r) => r.id).join(', ')}`);
  return lines.map(escapeForLog);
}
