import { useEffect } from 'react';

const CARD_LINKS = 'article[data-slug] h2 a';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Moves focus to the next (+1) or previous (-1) card's headline link. */
function moveFocus(step: 1 | -1): void {
  const links = [...document.querySelectorAll<HTMLAnchorElement>(CARD_LINKS)];
  if (links.length === 0) return;
  const active = document.activeElement;
  const current = links.findIndex((link) => link === active || link.closest('article')?.contains(active));
  const next = current === -1 ? (step === 1 ? 0 : links.length - 1) : Math.min(Math.max(current + step, 0), links.length - 1);
  const link = links[next]!;
  link.focus({ preventScroll: true });
  link.closest('article')?.scrollIntoView({ block: 'nearest' });
}

function openFocused(): void {
  const active = document.activeElement;
  const link = active instanceof HTMLElement ? active.closest('article[data-slug]')?.querySelector<HTMLAnchorElement>('h2 a') : null;
  link?.click();
}

function focusSearchField(): boolean {
  const field = document.getElementById('search-field');
  if (!(field instanceof HTMLInputElement)) return false;
  field.focus();
  field.select();
  return true;
}

/** / focuses search, j/k between cards, o opens, ? shows the help. Ignored while typing or with modifiers. */
export function useKeyboardShortcuts(onHelp: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      switch (event.key) {
        case 'j':
          moveFocus(1);
          break;
        case 'k':
          moveFocus(-1);
          break;
        case 'o':
          openFocused();
          break;
        case '/':
          // The header's search field (features/search); focusing it starts loading search.
          if (!focusSearchField()) return;
          break;
        case '?':
          onHelp();
          break;
        default:
          return;
      }
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onHelp]);
}
