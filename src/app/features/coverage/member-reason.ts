import type { StoryMemberInfo, StoryReason } from '../../../contract';

type Link = Exclude<StoryReason['rule'], 'first'>;

const WORDS: Record<Link, string> = {
  cites: 'Cites',
  'cited-by': 'Cited by',
  'shared-coverage': 'Shares coverage with',
  'same-title': 'Same headline as',
};

/** How the member linked to this article relates to it, seen from the other side. */
const INVERSE: Record<Link, Link> = { cites: 'cited-by', 'cited-by': 'cites', 'shared-coverage': 'shared-coverage', 'same-title': 'same-title' };

/** For a link to a member the page does not show (unpublished, on a published page): named by nothing of it. */
const TO_HIDDEN: Record<Link, string> = {
  cites: 'Cites coverage of this story',
  'cited-by': 'Cited in coverage of this story',
  'shared-coverage': 'Shares coverage with this story',
  'same-title': 'Shares a headline with this story',
};

/**
 * Why `member` is in the story, in words: the rule that linked it and the member it was linked
 * to ("this article", or that member's headline when the page shows it).
 */
export function memberReason(member: StoryMemberInfo, self: StoryMemberInfo | undefined, shown: ReadonlyMap<string, string>): string {
  const { rule, with: other } = member.reason;
  if (rule !== 'first' && other !== undefined) {
    if (other === self?.slug) return `${WORDS[rule]} this article`;
    const title = shown.get(other);
    return title === undefined ? TO_HIDDEN[rule] : `${WORDS[rule]} “${title}”`;
  }
  // The story's first article: say how this article is linked to it, when it is.
  const own = self?.reason;
  if (own && own.rule !== 'first' && own.with === member.slug) return `${WORDS[INVERSE[own.rule]]} this article`;
  return 'The story’s earliest article';
}
