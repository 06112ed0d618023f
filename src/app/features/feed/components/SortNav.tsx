import { feedHref, type FeedView, type SortKey } from '../../../../contract';
import { SortLinks } from '../../../components/SortLinks';

const SORTS: [SortKey, string][] = [
  ['heat', 'Heat'],
  ['quality', 'Quality'],
  ['newest', 'Newest'],
];

export function SortNav({ view }: { view: FeedView }) {
  return <SortLinks sorts={SORTS} current={view.sort} href={(sort) => feedHref({ ...view, sort, pages: 1 })} />;
}
