import { useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { NEWS_UPDATE_EVENT } from '../../contract';

/** In dev, content edits reach the page without a reload: every query refetches. */
export function DevUpdates() {
  const client = useQueryClient();
  useEffect(() => {
    const hot = import.meta.hot;
    if (!hot) return;
    const refresh = () => void client.invalidateQueries();
    hot.on(NEWS_UPDATE_EVENT, refresh);
    return () => hot.off(NEWS_UPDATE_EVENT, refresh);
  }, [client]);
  return null;
}
