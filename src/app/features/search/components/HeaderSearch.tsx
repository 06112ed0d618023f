import { useEffect, useRef, useState } from 'react';
import { useHref, useLocation, useNavigate } from 'react-router-dom';
import { parseSearchView, searchHref, SEARCH_PATH } from '../../../../contract/search';
import { SEARCH_ENABLED } from '../../../site';

/** Typing navigates this long after the last keystroke. */
export const TYPING_DEBOUNCE_MS = 50;

/** The search field's id: the `/` shortcut focuses it. */
export const SEARCH_FIELD_ID = 'search-field';

/** Starts loading search (route code and index) when the reader shows they want it. */
function warmUp(): void {
  void import('../api/load-pagefind').then((m) => m.loadPagefind()).catch(() => undefined);
}

/**
 * The header's search field, on every page. It holds no search code (that loads on first focus):
 * typing goes to `/search?q=…` (a new history entry on entering search, then replaced while
 * typing); Escape clears. Without JavaScript it is a plain GET form to /search.
 */
export function HeaderSearch() {
  return SEARCH_ENABLED ? <SearchField /> : null;
}

function SearchField() {
  const location = useLocation();
  const navigate = useNavigate();
  const action = useHref(SEARCH_PATH);
  const onSearch = location.pathname === SEARCH_PATH;
  const urlView = onSearch ? parseSearchView(location.search) : undefined;
  const urlQ = urlView?.q ?? '';
  const [value, setValue] = useState(urlQ);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // The query this field last navigated to: the URL catching up with it says nothing new
  // (the reader has typed on since).
  const [sent, setSent] = useState<string | null>(null);
  // Follow the URL when something else changed it (back/forward, links, leaving search).
  const [seenQ, setSeenQ] = useState(urlQ);
  if (seenQ !== urlQ) {
    setSeenQ(urlQ);
    if (urlQ !== sent) {
      setSent(null);
      if (value.trim() !== urlQ) setValue(urlQ);
    }
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const go = (q: string) => {
    clearTimeout(timer.current);
    setSent(q.trim());
    // The address bar, not this render's location: a navigation just made may not have rendered
    // yet (the search route loads lazily), and a second push would add a history entry.
    if (onSearch || window.location.pathname === action)
      void navigate(searchHref({ ...(urlView ?? parseSearchView(window.location.search)), q }), { replace: true });
    else if (q.trim()) void navigate(searchHref({ q }));
  };

  return (
    <form
      role="search"
      action={action}
      method="get"
      className="order-last w-full sm:order-none sm:w-auto sm:max-w-xs sm:flex-1"
      onSubmit={(event) => {
        event.preventDefault();
        go(value);
      }}
    >
      <label htmlFor={SEARCH_FIELD_ID} className="sr-only">
        Search articles
      </label>
      <input
        id={SEARCH_FIELD_ID}
        name="q"
        type="search"
        value={value}
        placeholder="Search  /"
        autoComplete="off"
        spellCheck={false}
        enterKeyHint="search"
        className="w-full rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-900 placeholder:text-slate-600 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:placeholder:text-slate-300"
        onFocus={warmUp}
        onChange={(event) => {
          const next = event.target.value;
          setValue(next);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => go(next), TYPING_DEBOUNCE_MS);
        }}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          setValue('');
          if (onSearch) go('');
        }}
      />
    </form>
  );
}
