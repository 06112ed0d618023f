import { useId, useState } from 'react';
import { useArticle } from '../api/get-article';
import { CitedByList, citingInScope } from './CitedByList';
import { RelatedList } from './RelatedList';

const BEST_FIRST = 5;

/** "N more sources": expands the card's related coverage inline, fetched on first open. */
export function RelatedDisclosure({ slug, count }: { slug: string; count: number }) {
  const [open, setOpen] = useState(false);
  const panelId = `related-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const article = useArticle(slug, open);
  const citing = article.data && citingInScope(article.data);
  return (
    <div className="mt-3">
      <button type="button" className="disclosure" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
        <svg aria-hidden="true" viewBox="0 0 16 16" width="12" height="12" className={`transition-transform ${open ? 'rotate-90' : ''}`}>
          <path d="M5 2.5 10.5 8 5 13.5" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        {count === 1 ? '1 more source' : `${count} more sources`}
      </button>
      <div id={panelId} hidden={!open} className="mt-2 rounded-lg border border-slate-200 bg-slate-50 px-3 py-1 dark:border-slate-800 dark:bg-slate-900">
        {open && article.isPending && <p className="py-2 text-sm text-slate-600 dark:text-slate-300">Loading sources…</p>}
        {open && article.isError && (
          <p className="py-2 text-sm">
            Could not load the sources.{' '}
            <button type="button" className="underline" onClick={() => void article.refetch()}>
              Retry
            </button>
          </p>
        )}
        {article.data && <RelatedList items={article.data.related} initial={BEST_FIRST} />}
        {citing && citing.length > 0 && (
          <div className="border-t border-slate-200 pt-2 dark:border-slate-800">
            <h3 className="text-sm font-semibold">Also covered in</h3>
            <CitedByList items={citing} />
          </div>
        )}
      </div>
    </div>
  );
}
