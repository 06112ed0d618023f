import { useCallback, useState, type ReactNode } from 'react';
import { SITE_NAME } from '../site';
import { HeaderSearch } from '../features/search/components/HeaderSearch';
import { ShortcutsDialog } from '../features/keyboard/ShortcutsDialog';
import { useKeyboardShortcuts } from '../features/keyboard/use-keyboard-shortcuts';
import { ThemeToggle } from '../features/theme/ThemeToggle';
import { useInAppLinks } from '../lib/use-in-app-links';

export function Layout({ children }: { children: ReactNode }) {
  const [helpOpen, setHelpOpen] = useState(false);
  const openHelp = useCallback(() => setHelpOpen(true), []);
  const closeHelp = useCallback(() => setHelpOpen(false), []);
  useKeyboardShortcuts(openHelp);
  const siteName = SITE_NAME;
  // A plain in-app anchor, not a router <Link>: the header is prerendered on every page.
  const home = useInAppLinks();

  return (
    <div className="flex min-h-screen flex-col">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/95 backdrop-blur dark:border-slate-800 dark:bg-slate-950/95">
        <div className="mx-auto flex min-h-14 max-w-4xl flex-wrap items-center justify-between gap-x-3 gap-y-2 px-4 py-2">
          <a
            href={home.href('/')}
            data-in-app=""
            onClick={home.onClick}
            className="truncate text-lg font-bold tracking-tight text-slate-900 no-underline dark:text-white"
          >
            {siteName}
          </a>
          <HeaderSearch />
          <div className="flex shrink-0 items-center gap-1">
            <button type="button" className="btn-ghost" onClick={openHelp} aria-label="Keyboard shortcuts (?)">
              <span aria-hidden="true">?</span>
            </button>
            <ThemeToggle />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-4xl flex-1 px-4 py-6 focus:outline-none">
        {children}
      </main>
      <footer className="border-t border-slate-200 px-4 py-6 text-center text-sm text-slate-600 dark:border-slate-800 dark:text-slate-400">
        <p>
          {siteName} · press <kbd className="font-mono">?</kbd> for keyboard shortcuts
        </p>
      </footer>
      <ShortcutsDialog open={helpOpen} onClose={closeHelp} />
    </div>
  );
}
