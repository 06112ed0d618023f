import { readFileSync } from 'node:fs';

/** Linux reports times in /proc in clock ticks of 1/100 s (USER_HZ, fixed by the kernel ABI). */
const TICK_MS = 10;

/**
 * CPU time (user + system, ms) of this process's children that have ended and been waited for,
 * from /proc/self/stat (cutime, cstime), or undefined where there is no /proc. The kernel adds
 * a child's time to its parent's account when the parent reaps it, together with the times of
 * the grandchildren the child reaped itself; threads are part of their process. So the
 * difference around one child's run is the CPU of its whole tree — as long as no other child of
 * this process ends meanwhile (the bench runs one at a time) and no descendant outlives it
 * (an orphan's time goes to whoever reaps it).
 */
export function endedChildrenCpuMs(): number | undefined {
  let stat: string;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name (which may hold spaces), from field 3 (state) on.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cutime = Number(fields[16 - 3]);
  const cstime = Number(fields[17 - 3]);
  return Number.isFinite(cutime) && Number.isFinite(cstime) ? (cutime + cstime) * TICK_MS : undefined;
}

/** The CPU time between two readings of endedChildrenCpuMs, or undefined if either is missing. */
export const cpuBetween = (before: number | undefined, after: number | undefined): number | undefined =>
  before === undefined || after === undefined ? undefined : after - before;
