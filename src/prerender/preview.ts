/**
 * `vite preview` as a plain static host would behave with these files: a route's folder serves
 * its index.html (`/article/x` → `/article/x/index.html`), and a path with no file gets 404.html
 * with status 404 (Vite alone would answer unknown paths with index.html and status 200).
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

type Next = (error?: unknown) => void;

function stat(file: string) {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

export function staticHostMiddleware(outDir: string, base: string) {
  const root = path.resolve(outDir);
  const notFoundPage = path.join(root, '404.html');
  return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return next();
    // Only builds that were prerendered have a 404 page; anything else keeps Vite's behaviour.
    if (!existsSync(notFoundPage)) return next();
    const queryAt = req.url.indexOf('?');
    const rawPath = queryAt < 0 ? req.url : req.url.slice(0, queryAt);
    const query = queryAt < 0 ? '' : req.url.slice(queryAt);
    let pathname: string;
    try {
      pathname = decodeURIComponent(rawPath);
    } catch {
      return next();
    }
    if (!pathname.startsWith(base)) return next();
    const file = path.join(root, pathname.slice(base.length));
    if (file !== root && !file.startsWith(root + path.sep)) return next();
    const found = stat(file);
    if (found?.isFile()) return next();
    if (found?.isDirectory() && existsSync(path.join(file, 'index.html'))) {
      req.url = `${rawPath.replace(/\/*$/, '/')}index.html${query}`;
      return next();
    }
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.end(req.method === 'HEAD' ? undefined : readFileSync(notFoundPage));
  };
}
