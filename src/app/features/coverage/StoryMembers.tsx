import { useMemo } from 'react';
import { Link } from 'react-router-dom';
import { articleHref, type StoryMemberInfo } from '../../../contract';
import { TimeAgo } from '../../components/TimeAgo';
import { memberReason } from './member-reason';

/** The story's other articles on this site (those the page's scope shows), and why each is in it. */
export function StoryMembers({ others, self, headingId }: { others: readonly StoryMemberInfo[]; self: StoryMemberInfo | undefined; headingId: string }) {
  const shown = useMemo(() => new Map(others.map((m) => [m.slug, m.title])), [others]);
  return (
    <div className="mt-8">
      <h3 id={headingId} className="text-lg font-semibold">
        In this story
      </h3>
      <ul aria-labelledby={headingId} className="mt-1 divide-y divide-slate-200 dark:divide-slate-800">
        {others.map((member) => (
          <li key={member.slug} className="py-2.5">
            <p className="coverage-title">
              <Link to={articleHref(member.slug)} className="headline-link">
                {member.title}
              </Link>
            </p>
            <p className="coverage-meta">
              {member.provider && <span>{member.provider.name}</span>}
              <TimeAgo iso={member.publishedAt} />
              {!member.published && <span className="badge badge-unpublished">Unpublished</span>}
            </p>
            <p className="mt-0.5 text-sm text-slate-600 [overflow-wrap:anywhere] dark:text-slate-300">{memberReason(member, self, shown)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
