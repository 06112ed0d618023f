import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { hydrate } from '@tanstack/react-query';
import { App } from './App';
import { AppProviders } from './providers';
import { createQueryClient } from './lib/query-client';
import './styles.css';

const client = createQueryClient();

// Prerendered pages carry the data they were rendered with (TanStack's dehydrated state).
const state = document.getElementById('news-state');
if (state?.textContent) {
  try {
    hydrate(client, JSON.parse(state.textContent));
  } catch {
    // A broken state only costs a refetch.
  }
}

const basename = import.meta.env.BASE_URL.replace(/\/$/, '') || '/';
const app = (
  <StrictMode>
    <AppProviders client={client}>
      <BrowserRouter basename={basename}>
        <App />
      </BrowserRouter>
    </AppProviders>
  </StrictMode>
);

const root = document.getElementById('root')!;
if (root.hasChildNodes()) hydrateRoot(root, app);
else createRoot(root).render(app);
