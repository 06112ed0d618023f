import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Sum of the sizes of the files under `dir` (recursively); `skip` filters by base name. */
export async function dirBytes(dir: string, skip: (name: string) => boolean = () => false): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(entries.filter((e) => e.isFile() && !skip(e.name)).map(async (e) => (await stat(path.join(e.parentPath, e.name))).size));
  for (const s of sizes) {
    files++;
    bytes += s;
  }
  return { files, bytes };
}

export const gzipSize = (data: Uint8Array | string): number => gzipSync(data).length;

export interface FirstScreen {
  /** index.html + JS + CSS + data/index.json, each gzipped. */
  total: number;
  html: number;
  js: number;
  css: number;
  data: number;
  /** Files counted (relative to the build folder). */
  files: string[];
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(2)
    .find((v) => v !== undefined);
}

/**
 * What the browser downloads for the first screen of a production build: index.html, the
 * scripts, module preloads and stylesheets it references (not lazy chunks), and the index data.
 */
export async function firstScreenBytes(distDir: string): Promise<FirstScreen> {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const js = new Set<string>();
  const css = new Set<string>();
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const isScript = /^<script/i.test(tag);
    const rel = attr(tag, 'rel')?.toLowerCase();
    const ref = isScript ? attr(tag, 'src') : attr(tag, 'href');
    if (!ref || /^(https?:)?\/\//i.test(ref) || ref.startsWith('data:')) continue;
    const file = ref.split(/[?#]/)[0]!.replace(/^\/+/, '');
    if (isScript || rel === 'modulepreload') js.add(file);
    else if (rel === 'stylesheet') css.add(file);
  }
  const sizeOf = async (file: string) => gzipSize(await readFile(path.join(distDir, file)));
  const sum = async (files: Iterable<string>) => (await Promise.all([...files].map(sizeOf))).reduce((a, b) => a + b, 0);
  const htmlBytes = gzipSize(html);
  const jsBytes = await sum(js);
  const cssBytes = await sum(css);
  const dataBytes = await sizeOf('data/index.json');
  return {
    total: htmlBytes + jsBytes + cssBytes + dataBytes,
    html: htmlBytes,
    js: jsBytes,
    css: cssBytes,
    data: dataBytes,
    files: ['index.html', ...js, ...css, 'data/index.json'],
  };
}
