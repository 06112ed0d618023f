import { feedHref, type FeedView, type StorySortKey } from '../../../../contract';
import { SortLinks } from '../../../components/SortLinks';

const SORTS: [StorySortKey, string][] = [
  ['heat', 'Heat'],
  ['quality', 'Quality'],
  ['newest', 'Newest'],
];

const STORY_SORTS: [StorySortKey, string][] = [...SORTS, ['outlets', 'Outlets']];

export function SortNav({ view }: { view: FeedView }) {
  return <SortLinks sorts={view.stories ? STORY_SORTS : SORTS} current={view.sort} href={(sort) => feedHref({ ...view, sort, pages: 1 })} />;
}
