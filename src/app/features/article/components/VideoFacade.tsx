import { useState } from 'react';
import type { Embed } from '../../../../contract';

/** A YouTube video behind a click: nothing loads from YouTube until the reader asks. */
export function VideoFacade({ embed, title }: { embed: Embed; title: string }) {
  const [playing, setPlaying] = useState(false);
  const id = encodeURIComponent(embed.id);
  if (playing) {
    return (
      <iframe
        src={`https://www.youtube-nocookie.com/embed/${id}?autoplay=1`}
        title={`Video: ${title}`}
        sandbox="allow-scripts allow-same-origin allow-presentation allow-popups"
        allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
        allowFullScreen
        referrerPolicy="strict-origin-when-cross-origin"
        className="aspect-video w-full rounded-xl border-0 bg-black"
      />
    );
  }
  return (
    <button
      type="button"
      onClick={() => setPlaying(true)}
      className="group relative flex aspect-video w-full items-center justify-center overflow-hidden rounded-xl bg-slate-900 text-white"
    >
      <img
        src={`https://i.ytimg.com/vi/${id}/hqdefault.jpg`}
        alt=""
        width={480}
        height={360}
        loading="lazy"
        referrerPolicy="no-referrer"
        onError={(event) => {
          event.currentTarget.hidden = true;
        }}
        className="absolute inset-0 h-full w-full object-cover opacity-70"
      />
      <span className="relative flex items-center gap-2 rounded-full bg-red-700 px-5 py-3 font-semibold shadow-lg group-hover:bg-red-800">
        <span aria-hidden="true">▶</span> Play video
      </span>
      <span className="absolute bottom-2 left-3 text-xs text-white/90">Loads from YouTube (no cookies)</span>
    </button>
  );
}
