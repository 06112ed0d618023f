import type { Locator, Page } from 'playwright-core';

/**
 * Installed before any page script: records when the first card enters the DOM. Also defines
 * `__name`: tsx compiles this file with esbuild's keepNames, which wraps named functions
 * inside the callbacks given to page.evaluate in `__name(...)` calls the page must resolve.
 */
export const FIRST_CARD_PROBE = `(() => {
  window.__name = window.__name || ((fn) => fn);
  const w = window;
  const check = () => {
    if (w.__benchFirstCard === undefined && document.querySelector('article[data-slug]')) {
      w.__benchFirstCard = performance.now();
      obs.disconnect();
    }
  };
  const obs = new MutationObserver(check);
  obs.observe(document, { childList: true, subtree: true });
})();`;

export async function firstCardMs(page: Page, timeoutMs = 60_000): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __benchFirstCard?: number }).__benchFirstCard !== undefined, undefined, {
    timeout: timeoutMs,
    polling: 50,
  });
  return page.evaluate(() => (window as unknown as { __benchFirstCard: number }).__benchFirstCard);
}

export type UpdateKind = 'replace' | 'more';

/**
 * Clicks `target` inside the page and resolves with the ms from the click to the DOM showing
 * the updated cards: for 'replace', the list of card slugs differs (and is not empty); for
 * 'more', more cards (or a higher "N articles" count in the status line: the list is virtual).
 * Measured with performance.now in the page, at the DOM mutation (before paint).
 */
export function clickAndWaitForCards(target: Locator, kind: UpdateKind, timeoutMs = 30_000): Promise<number> {
  return target.evaluate(
    (el, { kind, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const slugs = () => [...document.querySelectorAll('article[data-slug]')].map((a) => a.getAttribute('data-slug'));
        const shown = () => {
          for (const s of document.querySelectorAll('[role="status"]')) {
            const m = /(\d+) articles/.exec(s.textContent ?? '');
            if (m && !/loading/i.test(s.textContent ?? '')) return Number(m[1]);
          }
          return -1;
        };
        const before = slugs();
        const beforeKey = before.join(',');
        const beforeShown = shown();
        let t0 = 0;
        const done = () => {
          const now = slugs();
          const changed = kind === 'more' ? now.length > before.length || shown() > beforeShown : now.length > 0 && now.join(',') !== beforeKey;
          if (!changed) return;
          const ms = performance.now() - t0;
          obs.disconnect();
          clearTimeout(timer);
          resolve(ms);
        };
        const obs = new MutationObserver(done);
        obs.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-slug'] });
        const timer = setTimeout(() => {
          obs.disconnect();
          reject(new Error(`cards did not update within ${timeoutMs} ms`));
        }, timeoutMs);
        t0 = performance.now();
        (el as HTMLElement).click();
      }),
    { kind, timeoutMs },
  );
}
