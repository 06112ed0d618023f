import { useEffect } from 'react';

/** Sets `<page> · <site>` as the document title while the calling page is shown. */
export function useDocumentTitle(page: string | undefined, site: string | undefined): void {
  useEffect(() => {
    if (!page) return;
    document.title = site ? `${page} · ${site}` : page;
  }, [page, site]);
}
