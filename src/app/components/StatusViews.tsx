import type { ReactNode } from 'react';

export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-red-200 bg-red-50 p-6 text-center dark:border-red-900 dark:bg-red-950/40">
      <p className="font-medium text-red-900 dark:text-red-100">{message}</p>
      <button type="button" className="btn mt-4" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-xl border border-dashed border-slate-300 p-8 text-center dark:border-slate-700">
      <p className="text-lg font-semibold">{title}</p>
      <div className="mt-4">{children}</div>
    </div>
  );
}

/** Grey blocks in the shape of cards while the first page loads. */
export function CardSkeletons({ count = 4 }: { count?: number }) {
  return (
    <div aria-busy="true" aria-label="Loading articles" role="status" className="space-y-4">
      {Array.from({ length: count }, (_, i) => (
        <div key={i} className="flex animate-pulse gap-4 rounded-xl border border-slate-200 p-4 dark:border-slate-800">
          <div className="flex-1 space-y-3">
            <div className="h-3 w-1/3 rounded bg-slate-200 dark:bg-slate-800" />
            <div className="h-5 w-5/6 rounded bg-slate-200 dark:bg-slate-800" />
            <div className="h-3 w-full rounded bg-slate-200 dark:bg-slate-800" />
            <div className="h-3 w-2/3 rounded bg-slate-200 dark:bg-slate-800" />
          </div>
          <div className="hidden h-24 w-32 rounded-lg bg-slate-200 sm:block dark:bg-slate-800" />
        </div>
      ))}
    </div>
  );
}
