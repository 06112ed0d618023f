import path from 'node:path';
import { resolveOptions, type NewsPluginOptions } from './options.ts';

const inside = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);

/**
 * A dev-server `watch.ignored` matcher for bulky folders inside the project (build outputs,
 * benchmark corpora: hundreds of thousands of files exhaust the system's file watchers), that
 * never ignores the content folder or the folders above it, wherever NEWS_DIR points.
 */
export function ignoreFolders(root: string, folders: readonly string[], options: NewsPluginOptions = {}): (file: string) => boolean {
  const news = resolveOptions(options, root).dir;
  const ignored = folders.map((folder) => path.resolve(root, folder));
  return (file) => {
    const absolute = path.resolve(root, file);
    if (inside(absolute, news) || inside(news, absolute)) return false;
    return ignored.some((dir) => inside(absolute, dir));
  };
}
