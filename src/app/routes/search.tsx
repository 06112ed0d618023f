import { useSyncExternalStore } from 'react';
import { useSearchParams } from 'react-router-dom';
import { parseSearchView } from '../../contract/search';
import { SearchScreen } from '../features/search/components/SearchScreen';
import { useInAppLinks } from '../lib/use-in-app-links';
import { SEARCH_ENABLED } from '../site';

const subscribe = () => () => {};

/**
 * True once the app runs in the browser: false while prerendering and during hydration (so the
 * prerendered page, read without JavaScript, holds the notice), true for every later render.
 */
function useAppRunning(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => true,
    () => false,
  );
}

function Notice({ children }: { children: string }) {
  const home = useInAppLinks();
  return (
    <div className="rounded-xl border border-slate-200 p-6 dark:border-slate-800">
      <h1 className="text-2xl font-bold tracking-tight">Search</h1>
      <p className="mt-2">{children}</p>
      <p className="mt-4">
        <a href={home.href('/')} className="btn">
          Browse the feed
        </a>
      </p>
    </div>
  );
}

/** `/search?q=…` (loaded lazily: the feed's bundle does not carry search). */
export default function SearchRoute() {
  const [params] = useSearchParams();
  const running = useAppRunning();
  if (!SEARCH_ENABLED) return <Notice>This site was built without search.</Notice>;
  if (!running) return <Notice>Search needs JavaScript, which is off or has not loaded in this browser.</Notice>;
  return <SearchScreen view={parseSearchView(params)} />;
}
