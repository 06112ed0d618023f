import { useEffect, useSyncExternalStore } from 'react';
import { applyTheme, chooseTheme, currentTheme, subscribeTheme, THEMES, type Theme } from './theme';

const LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' };
const ICONS: Record<Theme, string> = { system: '◐', light: '☀', dark: '☾' };

const serverTheme = (): Theme => 'system';

/** Cycles system → light → dark; the choice persists in localStorage. */
export function ThemeToggle() {
  // "system" on the server and while hydrating (so the markup matches); the stored choice after.
  const theme = useSyncExternalStore(subscribeTheme, currentTheme, serverTheme);

  useEffect(() => {
    applyTheme(theme);
    if (theme !== 'system') return;
    const media = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => applyTheme('system');
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, [theme]);

  const next = () => chooseTheme(THEMES[(THEMES.indexOf(theme) + 1) % THEMES.length]!);

  return (
    <button type="button" onClick={next} className="btn-ghost" aria-label={`Theme: ${LABELS[theme]}`} title="Change theme">
      <span aria-hidden="true">{ICONS[theme]}</span>
      <span className="hidden sm:inline">{LABELS[theme]}</span>
    </button>
  );
}
