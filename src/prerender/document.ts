/**
 * Turns the client build's index.html into a page: the head tags replace its `<title>`, the
 * rendered app fills `#root`, and the dehydrated query cache (if any) follows it. The template
 * is split once, so each page is a handful of string concatenations.
 */
import { escapeHtml, scriptSafeJson } from './escape.ts';

export interface PageTemplate {
  /** Up to where the head tags go. */
  beforeHead: string;
  /** From after the title to the opening of `#root`. */
  betweenHeadAndRoot: string;
  /** From the closing of `#root` to the end. */
  afterRoot: string;
}

const TITLE = /<title>[\s\S]*?<\/title>/;
const ROOT = /<div id="root"><\/div>/;

export function splitTemplate(html: string): PageTemplate {
  const title = TITLE.exec(html);
  const root = ROOT.exec(html);
  if (!title || !root || root.index < title.index)
    throw new Error('prerender: index.html needs a <title> in its head and an empty <div id="root"></div> in its body');
  return {
    beforeHead: html.slice(0, title.index),
    betweenHeadAndRoot: html.slice(title.index + title[0].length, root.index),
    afterRoot: html.slice(root.index + root[0].length),
  };
}

/**
 * A page rendered for one URL hydrates only at that URL. Other URLs served this file (the
 * feed's `/?sort=quality`, or the 404 page for any unknown path) would not match the markup:
 * this script empties `#root` first, so main.tsx renders afresh instead of hydrating.
 * Without JavaScript the markup simply stays.
 */
const ONLY_AT_THIS_URL =
  '<script>(function(){var r=document.getElementById("root"),u=r&&r.getAttribute("data-url"),p=location.pathname.replace(/\\/+$/,"")||"/";' +
  'if(r&&u!==p+location.search)r.replaceChildren()})()</script>';

export interface PageParts {
  head: string;
  /** The markup of `#root`'s children. */
  html: string;
  /** Dehydrated query cache, as JSON text; empty for none. */
  state: string;
  /** The full path (base included, no trailing slash) this markup was rendered for; `''` hydrates nowhere. */
  hydrateAt: string;
}

export function assemblePage(template: PageTemplate, page: PageParts): string {
  return (
    template.beforeHead +
    page.head +
    template.betweenHeadAndRoot +
    `<div id="root" data-url="${escapeHtml(page.hydrateAt)}">${page.html}</div>` +
    ONLY_AT_THIS_URL +
    (page.state ? `<script type="application/json" id="news-state">${scriptSafeJson(page.state)}</script>` : '') +
    template.afterRoot
  );
}
