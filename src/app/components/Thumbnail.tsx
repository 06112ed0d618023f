import { useImageFallback } from '../lib/use-image-fallback';
import { safeHttpUrl, type Image } from '../../contract';

/** The card's lead image: lazy, sized so nothing shifts, a placeholder when it is gone. */
export function Thumbnail({ image }: { image: Image | undefined }) {
  const { failed, imageProps } = useImageFallback();
  const src = safeHttpUrl(image?.url);
  const box = 'h-16 w-20 shrink-0 rounded-lg sm:h-24 sm:w-36';
  if (!src) return null;
  if (failed) {
    return (
      <div aria-hidden="true" className={`${box} flex items-center justify-center bg-slate-100 text-2xl text-slate-400 dark:bg-slate-800 dark:text-slate-500`}>
        ▧
      </div>
    );
  }
  return (
    <img
      src={src}
      alt=""
      width={144}
      height={96}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      {...imageProps}
      className={`${box} bg-slate-100 object-cover dark:bg-slate-800`}
    />
  );
}
