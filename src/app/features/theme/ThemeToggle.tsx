import { useEffect, useState } from 'react';
import { applyTheme, readStoredTheme, THEME_STORAGE_KEY, THEMES, type Theme } from './theme';

const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const ICONS: Record<Theme, string> = { system: '◐', light: '☀', dark: '☾' };

/** Cycles system → light → dark; the choice persists in localStorage. */
export function ThemeToggle() {
  // "system" on the server and on the first client render; the stored choice is read after.
  const [theme, setTheme] = useState<Theme>('system');

  useEffect(() => setTheme(readStoredTheme()), []);

  useEffect(() => {
    applyTheme(theme);
    if (theme !== 'system') return;
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => applyTheme('system');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [theme]);

  const next = () => {
    const choice = THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!;
    try {
      localStorage.setItem(THEME_STORAGE_KEY, choice);
    } catch {
      // Storage may be unavailable (private mode): the choice still applies to this page.
    }
    setTheme(choice);
  };

  return (
    <button type="button" onClick={next} className="btn-ghost" aria-label={`Theme: ${LABELS[theme]}`} title="Change theme">
      <span aria-hidden="true">{ICONS[theme]}</span>
      <span className="hidden sm:inline">{LABELS[theme]}</span>
    </button>
  );
}
