import { queryOptions, useQuery } from '@tanstack/react-query';
import { dataPaths, type StoryDetail } from '../../contract';
import { fetchJson } from '../lib/fetch-json';

/** A story of more than one article (`data/story/<id>.json`); a story of one is made from its article's data. */
export const storyQueryOptions = (id: string) =>
  queryOptions({
    queryKey: ['stories', 'detail', id],
    queryFn: ({ signal }) => fetchJson<StoryDetail>(dataPaths.story(id), signal),
  });

export function useStory(id: string | undefined) {
  return useQuery({ ...storyQueryOptions(id ?? ''), enabled: id !== undefined });
}
