import { useImageFallback } from '../lib/use-image-fallback';
import { safeHttpUrl, type Provider } from '../../contract';

const BADGE_COLOURS = ['bg-blue-700', 'bg-emerald-700', 'bg-violet-700', 'bg-rose-700', 'bg-amber-800', 'bg-teal-700', 'bg-indigo-700', 'bg-fuchsia-800'];

function colourFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return BADGE_COLOURS[hash % BADGE_COLOURS.length]!;
}

/** Logo sizes in use, as classes: a 40-row coverage list repeats them, so no inline styles. */
const SIZES = { 20: { box: 'size-5', text: 'text-[11px]' }, 24: { box: 'size-6', text: 'text-[13px]' } } as const;

/** The outlet's logo, or its initial in a coloured badge when there is none or it fails. */
export function ProviderLogo({ provider, size = 20 }: { provider: Provider | undefined; size?: keyof typeof SIZES }) {
  const { failed, imageProps } = useImageFallback();
  const name = provider?.name ?? '?';
  const logo = safeHttpUrl(provider?.logo?.url);
  const { box, text } = SIZES[size];
  if (logo && !failed) {
    return (
      <img
        src={logo}
        alt=""
        width={size}
        height={size}
        loading="lazy"
        decoding="async"
        referrerPolicy="no-referrer"
        {...imageProps}
        className={`${box} shrink-0 rounded-sm bg-white object-contain`}
      />
    );
  }
  return (
    <span aria-hidden="true" className={`logo-initial ${box} ${text} ${colourFor(name)}`}>
      {name.trim().charAt(0).toUpperCase() || '?'}
    </span>
  );
}

/** Logo and name; nothing at all when the outlet is unknown (nothing is invented). */
export function ProviderName({ provider }: { provider: Provider | undefined }) {
  if (!provider) return null;
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5">
      <ProviderLogo provider={provider} />
      <span className="truncate font-medium">{provider.name}</span>
    </span>
  );
}
