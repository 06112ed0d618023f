/** `NEWS_TIMING=1`: the pipeline prints how long each phase took, for profiling at scale. */
export function timingEnabled(): boolean {
  return process.env.NEWS_TIMING === '1';
}

/**
 * Collects phase durations of one build and prints them when timing is on: wall time, and the
 * CPU time of the whole process (every thread) in brackets, which shows whether a phase kept
 * both cores busy or waited.
 */
export class PhaseTimer {
  private last = performance.now();
  private lastCpu = process.cpuUsage();
  private readonly phases: string[] = [];
  mark(name: string) {
    const now = performance.now();
    const cpu = process.cpuUsage(this.lastCpu);
    this.phases.push(`${name} ${Math.round(now - this.last)} ms [cpu ${Math.round((cpu.user + cpu.system) / 1000)}]`);
    this.last = now;
    this.lastCpu = process.cpuUsage();
  }
  report() {
    if (timingEnabled()) console.error(`news timing: ${this.phases.join(', ')}`);
  }
}
