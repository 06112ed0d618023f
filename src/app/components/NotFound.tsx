import { Link } from 'react-router-dom';
import { SITE_NAME } from '../site';
import { useDocumentTitle } from '../lib/use-document-title';

export function NotFound() {
  useDocumentTitle('Page not found', SITE_NAME);
  return (
    <div className="py-12 text-center">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-300">This page does not exist, or the article has moved.</p>
      <p className="mt-6">
        <Link to="/" className="btn">
          Back to the feed
        </Link>
      </p>
    </div>
  );
}
