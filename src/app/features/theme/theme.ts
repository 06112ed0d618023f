export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_STORAGE_KEY = 'theme';

function readStoredTheme(): Theme {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return (THEMES as readonly string[]).includes(stored ?? '') ? (stored as Theme) : 'system';
  } catch {
    return 'system';
  }
}

// This page's choice, read from storage on first use and kept here too, so a choice still
// applies when storage is unavailable (private mode).
let chosen: Theme | undefined;
const listeners = new Set<() => void>();

/** The current choice (a `useSyncExternalStore` snapshot). */
export function currentTheme(): Theme {
  chosen ??= readStoredTheme();
  return chosen;
}

export function subscribeTheme(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Makes `theme` the choice and persists it. */
export function chooseTheme(theme: Theme): void {
  chosen = theme;
  try {
    localStorage.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Storage may be unavailable: the choice still applies to this page.
  }
  for (const listener of listeners) listener();
}

/** Sets or clears `html.dark` for a choice; "system" follows `prefers-color-scheme`. */
export function applyTheme(theme: Theme): void {
  const dark = theme === 'dark' || (theme === 'system' && matchMedia('(prefers-color-scheme: dark)').matches);
  document.documentElement.classList.toggle('dark', dark);
}
