import { useEffect, useState } from 'react';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** "Share" (Web Share API, else copy) and "Copy link", with a visible confirmation. */
export function ShareActions({ title, path }: { title: string; path: string }) {
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), 4000);
    return () => clearTimeout(timer);
  }, [status]);

  const url = () => new URL(`${import.meta.env.BASE_URL.replace(/\/$/, '')}${path}`, window.location.origin).href;

  const copy = async () => setStatus((await copyText(url())) ? 'Link copied' : 'Could not copy the link');

  const share = async () => {
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title, url: url() });
        return;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') return;
      }
    }
    await copy();
  };

  return (
    <div className="flex flex-wrap items-center gap-2">
      <button type="button" className="btn" onClick={() => void share()}>
        <span aria-hidden="true">↗ </span>Share
      </button>
      <button type="button" className="btn-ghost" onClick={() => void copy()}>
        Copy link
      </button>
      <p role="status" className="min-h-6 text-sm font-medium text-emerald-800 dark:text-emerald-300">
        {status}
      </p>
    </div>
  );
}
