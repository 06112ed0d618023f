/**
 * Progress of long work (parsing files, rendering pages), shown only when the work lasts: on a
 * terminal one line rewritten in place, a few times a second; elsewhere (CI logs) a plain line
 * every few seconds. Nothing in the first seconds, so short builds print what they printed.
 */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Default: standard error (standard output may be data, e.g. `check --json`). */
  stream?: ProgressStream;
  /** Milliseconds, any origin. Default `performance.now`. */
  now?: () => number;
  /** Show nothing at all (quiet flags, Vite's logLevel below info). */
  quiet?: boolean;
  /** Nothing is shown before this much time passed. */
  delayMs?: number;
  /** Between two rewrites of a terminal's line. */
  terminalEveryMs?: number;
  /** Between two plain lines. */
  plainEveryMs?: number;
}

export interface Progress {
  update(done: number, total: number): void;
  /** The work is over: a terminal's line is cleared (the summary that follows says the rest). */
  finish(): void;
}

const formatCount = (n: number) => n.toLocaleString('en-US');

/** `what`: e.g. "news: parsed"; `unit`: e.g. "files". */
export function createProgress(what: string, unit: string, options: ProgressOptions = {}): Progress {
  if (options.quiet) return { update() {}, finish() {} };
  const stream = options.stream ?? process.stderr;
  const now = options.now ?? (() => performance.now());
  const tty = stream.isTTY === true;
  const delay = options.delayMs ?? 2000;
  const every = tty ? (options.terminalEveryMs ?? 100) : (options.plainEveryMs ?? 5000);
  const started = now();
  let shown: number | undefined;
  let lineOpen = false;
  return {
    update(done, total) {
      const t = now();
      if (t - started < delay || (shown !== undefined && t - shown < every)) return;
      shown = t;
      const rate = Math.round(done / ((t - started) / 1000));
      const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
      const line = `${what} ${formatCount(done)}/${formatCount(total)} ${unit} (${percent}%, ${formatCount(rate)}/s)`;
      if (tty) {
        stream.write(`\r${line}\x1b[K`);
        lineOpen = true;
      } else {
        stream.write(`${line}\n`);
      }
    },
    finish() {
      if (lineOpen) stream.write('\r\x1b[K');
      lineOpen = false;
    },
  };
}
