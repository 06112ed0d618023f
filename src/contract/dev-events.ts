/**
 * Sent by the dev server over Vite's HMR socket when a content file is added, changed or
 * deleted; the app refetches its data without a reload.
 */
export const NEWS_UPDATE_EVENT = 'news:update';

export interface NewsUpdatePayload {
  /** Prefixes of data paths (see `dataPaths`) whose content may have changed; `data/` is all. */
  changed: string[];
}
