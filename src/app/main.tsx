import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter, matchPath } from 'react-router-dom';
import { hydrate, type DehydratedState } from '@tanstack/react-query';
import { routePatterns, storyFileId } from '../contract';
import { App } from './App';
import { articleQueryOptions } from './api/get-article';
import { storyQueryOptions } from './api/get-story';
import { AppProviders } from './providers';
import { createQueryClient } from './lib/query-client';
import { withTimes } from './lib/dehydrated-times';
import './styles.css';

const client = createQueryClient();

// Prerendered feed and topic pages carry the data they were rendered with (dehydrated).
const state = document.getElementById('news-state');
if (state?.textContent) {
  try {
    hydrate(client, withTimes(JSON.parse(state.textContent) as DehydratedState, Date.now()));
  } catch {
    // A broken state only costs a refetch.
  }
}

const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';
const root = document.getElementById('root')!;

// A prerendered article page does not carry its article nor its story (its head preloads their
// data files): have them in the cache before hydrating, so the first client render matches the markup.
async function loadPrerenderedArticle(): Promise<boolean> {
  const renderedFor = root.dataset.url ?? '';
  const path = (basename === '/' ? renderedFor : renderedFor.slice(basename.length)) || '/';
  const slug = matchPath(routePatterns.article, path)?.params.slug;
  if (!slug) return true;
  try {
    const article = await client.query(articleQueryOptions(slug));
    // A story of several articles is in the page too (its Full coverage section).
    const story = storyFileId(article);
    if (story !== undefined) await client.query(storyQueryOptions(story));
    return true;
  } catch {
    // Unreachable data: render afresh (the route shows its error state and a retry).
    return false;
  }
}

const app = (
  <StrictMode>
    <AppProviders client={client}>
      <BrowserRouter basename={basename}>
        <App />
      </BrowserRouter>
    </AppProviders>
  </StrictMode>
);

if (root.hasChildNodes() && (await loadPrerenderedArticle())) hydrateRoot(root, app);
else {
  root.replaceChildren();
  createRoot(root).render(app);
}
