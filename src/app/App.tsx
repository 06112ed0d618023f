import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { routePatterns } from '../contract';
import { SEARCH_PATH } from '../contract/search';
import { Layout } from './components/Layout';
import { DevUpdates } from './components/DevUpdates';
import { ScrollToTop } from './components/ScrollToTop';
import { FeedRoute } from './routes/feed';
import { NotFoundRoute } from './routes/not-found';

const ArticleRoute = lazy(() => import('./routes/article'));
const SearchRoute = lazy(() => import('./routes/search'));

/**
 * All routes, without a router: the browser entry and the prerenderer each supply one. `page`
 * replaces the route outlet with the element a route would render (the prerenderer passes an
 * article page it already has the data for, which renders identical markup without route
 * matching or a query per page).
 */
export function App({ page }: { page?: ReactNode }) {
  return (
    <Layout>
      <DevUpdates />
      <ScrollToTop />
      <Suspense fallback={<p className="text-slate-600 dark:text-slate-300">Loading…</p>}>
        {page ?? (
          <Routes>
            <Route path={routePatterns.feed} element={<FeedRoute />} />
            <Route path={routePatterns.topic} element={<FeedRoute />} />
            <Route path={routePatterns.article} element={<ArticleRoute />} />
            <Route path={SEARCH_PATH} element={<SearchRoute />} />
            <Route path="*" element={<NotFoundRoute />} />
          </Routes>
        )}
      </Suspense>
    </Layout>
  );
}
