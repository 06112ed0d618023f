/**
 * The prerenderer's entry (src/prerender builds it with Vite's SSR build and calls it at build
 * end): renders the real <App/> for one URL, so pages read without JavaScript and hydrate without
 * a refetch or mismatch: feed pages with a QueryClient pre-seeded under the app's query keys (and
 * dehydrated into the page), article pages from the article's data (fetched again by the client).
 * No Node APIs here: the caller reads the data and writes the files.
 */
import { StrictMode, type ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { prerender } from 'react-dom/static';
import { StaticRouter } from 'react-router-dom';
import { dehydrate } from '@tanstack/react-query';
import { parseFeedView, type ArticleCard, type ArticleDetail, type FeedPage, type NewsIndex, type Scope, type SortKey, type StoryDetail } from '../contract';
import { App } from './App';
import { AppProviders } from './providers';
import { createQueryClient } from './lib/query-client';
import { withoutTimes } from './lib/dehydrated-times';
import { newsIndexQueryOptions } from './api/get-news-index';
import { storyQueryOptions } from './api/get-story';
import { ArticlePage } from './features/article/components/ArticlePage';
import { feedPageQueryOptions } from './features/feed/api/get-feed-page';
import { feedViewQueryKey, loadMergedPage } from './features/feed/api/get-feed-view';
import type { FeedCursor, MergedPage } from './features/feed/api/merge-streams';

export interface SeededFeedPage {
  scope: Scope;
  topic: string | undefined;
  sort: SortKey;
  page: number;
  data: FeedPage;
}

export interface RenderInput {
  /** Router location, without the base path (e.g. `/article/<slug>`, `/topic/ai`, `/`). */
  url: string;
  /** The base path without its trailing slash (`''` for `/`). */
  basename: string;
  index: NewsIndex;
  /** For `/article/:slug`. */
  article?: ArticleDetail;
  /** The article's story file, when the story has other members (its Full coverage section shows it). */
  story?: StoryDetail;
  /** List files the URL's feed view reads (beyond page 1 of the default view, which is in the index). */
  feedPages?: SeededFeedPage[];
}

export interface RenderOutput {
  /** The markup of `#root`'s children. */
  html: string;
  /**
   * TanStack Query's dehydrated cache as JSON text (not yet escaped for a script tag); empty for
   * article pages, whose data is their article's data file and their story's (main.tsx fetches
   * them before hydrating, so tens of thousands of pages do not each carry a second copy).
   */
  state: string;
}

/** A boundary that suspended during a synchronous render is left for the client (`<!--$!-->`). */
const CLIENT_RENDERED_BOUNDARY = '<!--$!-->';

async function prerenderToString(element: ReactElement): Promise<string> {
  const { prelude } = await prerender(element);
  const reader = prelude.getReader();
  const decoder = new TextDecoder();
  let html = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    html += decoder.decode(value, { stream: true });
  }
  return html + decoder.decode();
}

export async function renderPage(input: RenderInput): Promise<RenderOutput> {
  const client = createQueryClient();
  for (const p of input.feedPages ?? []) client.setQueryData(feedPageQueryOptions(p.scope, p.topic, p.sort, p.page).queryKey, p.data);
  if (input.story) client.setQueryData(storyQueryOptions(input.story.id).queryKey, input.story);

  // Feed routes show a merged infinite query: compute its first page exactly as the app does
  // (from the seeded list files, so nothing is fetched).
  const [path, search = ''] = input.url.split('?');
  const topicMatch = /^\/topic\/([^/]+)\/?$/.exec(path!);
  if (path === '/' || topicMatch) {
    // Only feed pages read the index; article pages do not carry it in their state.
    client.setQueryData(newsIndexQueryOptions().queryKey, input.index);
    const view = parseFeedView(topicMatch ? decodeURIComponent(topicMatch[1]!) : undefined, search);
    if (!view.topics.some((slug) => !input.index.topics.some((t) => t.slug === slug))) {
      await client
        .infiniteQuery({
          queryKey: feedViewQueryKey(view),
          queryFn: ({ pageParam }: { pageParam: FeedCursor }): Promise<MergedPage<ArticleCard>> => loadMergedPage(client, input.index, view, pageParam),
          initialPageParam: {} as FeedCursor,
        })
        // A view the seeded lists cannot fill is not dehydrated: the client loads it.
        .catch(() => undefined);
    }
  }

  // The same tree as main.tsx, with a StaticRouter in place of the BrowserRouter. An article
  // page is rendered straight from its data (what its route renders once the data is in).
  const element = (
    <StrictMode>
      <AppProviders client={client}>
        <StaticRouter location={input.url} basename={input.basename || '/'}>
          <App page={input.article && <ArticlePage article={input.article} />} />
        </StaticRouter>
      </AppProviders>
    </StrictMode>
  );
  // Synchronous rendering is the fast path; the first render of a lazy route (the article page
  // is code-split) suspends, and is redone with `prerender`, which waits for it.
  let html = renderToString(element);
  if (html.includes(CLIENT_RENDERED_BOUNDARY)) html = await prerenderToString(element);
  const state = input.article ? '' : JSON.stringify(withoutTimes(dehydrate(client)));
  client.clear();
  return { html, state };
}
