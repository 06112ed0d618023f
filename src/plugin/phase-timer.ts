/** `NEWS_TIMING=1`: the pipeline prints how long each phase took, for profiling at scale. */
export function timingEnabled(): boolean {
  return process.env.NEWS_TIMING === '1';
}

/**
 * Collects phase durations of one build and prints them when timing is on: wall time, then in
 * brackets the CPU time of the whole process (every thread), which shows whether a phase kept
 * both cores busy or waited, and the resident memory at the phase's end.
 */
export class PhaseTimer {
  private last = performance.now();
  private lastCpu = process.cpuUsage();
  private readonly phases: string[] = [];
  mark(name: string) {
    const now = performance.now();
    const cpu = process.cpuUsage(this.lastCpu);
    this.phases.push(
      `${name} ${Math.round(now - this.last)} ms [cpu ${Math.round((cpu.user + cpu.system) / 1000)} ms, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB]`,
    );
    this.last = now;
    this.lastCpu = process.cpuUsage();
  }
  report() {
    if (timingEnabled()) console.error(`news timing: ${this.phases.join(', ')}`);
  }
}
