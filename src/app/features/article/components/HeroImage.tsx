import { useImageFallback } from '../../../lib/use-image-fallback';
import { safeHttpUrl, type Image } from '../../../../contract';

export function HeroImage({ image }: { image: Image | undefined }) {
  const { failed, imageProps } = useImageFallback();
  const src = safeHttpUrl(image?.url);
  if (!src || failed) return null;
  return (
    <figure className="my-6">
      <img
        src={src}
        alt={image?.title ?? ''}
        width={image?.width ?? 1200}
        height={image?.height ?? 675}
        decoding="async"
        referrerPolicy="no-referrer"
        {...imageProps}
        className="h-auto w-full rounded-xl bg-slate-100 object-cover dark:bg-slate-800"
      />
      {image?.title && <figcaption className="mt-2 text-sm text-slate-600 dark:text-slate-300">{image.title}</figcaption>}
    </figure>
  );
}
