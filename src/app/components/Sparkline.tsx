/** Bars of counts, drawn small; the caller says in words what they show (the picture is hidden from screen readers). */
export function Sparkline({ counts, width = 72, height = 18 }: { counts: readonly number[]; width?: number; height?: number }) {
  if (counts.length === 0) return null;
  const max = Math.max(...counts, 1);
  const bar = width / counts.length;
  return (
    <svg aria-hidden="true" width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="inline-block text-sky-700 dark:text-sky-300">
      <line x1="0" y1={height - 0.5} x2={width} y2={height - 0.5} stroke="currentColor" strokeOpacity="0.35" />
      {counts.map((count, i) =>
        count === 0 ? null : (
          <rect
            key={i}
            x={i * bar + 0.5}
            width={Math.max(bar - 1, 1)}
            y={height - 1 - (count / max) * (height - 2)}
            height={(count / max) * (height - 2)}
            fill="currentColor"
          />
        ),
      )}
    </svg>
  );
}
