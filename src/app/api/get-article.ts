import { queryOptions, useQuery } from '@tanstack/react-query';
import { dataPaths, type ArticleDetail } from '../../contract';
import { fetchJson } from '../lib/fetch-json';

export const articleQueryOptions = (slug: string) =>
  queryOptions({
    queryKey: ['articles', 'detail', slug],
    queryFn: ({ signal }) => fetchJson<ArticleDetail>(dataPaths.article(slug), signal),
  });

export function useArticle(slug: string, enabled = true) {
  return useQuery({ ...articleQueryOptions(slug), enabled });
}
