import { useEffect, useRef } from 'react';

const SHORTCUTS: [string, string][] = [
  ['/', 'Search'],
  ['j', 'Next article'],
  ['k', 'Previous article'],
  ['o or Enter', 'Open the focused article'],
  ['?', 'Show this help'],
  ['Esc', 'Close this help'],
];

/** The "?" help: a native modal dialog (focus trapped, Escape closes). */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-label="Keyboard shortcuts"
      onClose={onClose}
      onClick={(event) => event.target === ref.current && onClose()}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-xl border border-slate-200 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-900/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {/* Its content only while open: every prerendered page would otherwise carry it. */}
      {open && (
        <>
          <h2 className="text-lg font-semibold">Keyboard shortcuts</h2>
          <dl className="mt-4 grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {SHORTCUTS.map(([key, action]) => (
              <div key={key} className="contents">
                <dt>
                  <kbd className="rounded border border-slate-300 bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600 dark:bg-slate-800">
                    {key}
                  </kbd>
                </dt>
                <dd>{action}</dd>
              </div>
            ))}
          </dl>
          <button type="button" className="btn mt-6" onClick={onClose}>
            Close
          </button>
        </>
      )}
    </dialog>
  );
}
