/** `NEWS_TIMING=1`: the pipeline prints how long each phase took, for profiling at scale. */
export function timingEnabled(): boolean {
  return process.env.NEWS_TIMING === '1';
}

/** Collects phase durations of one build and prints them when timing is on. */
export class PhaseTimer {
  private last = performance.now();
  private readonly phases: string[] = [];
  mark(name: string) {
    const now = performance.now();
    this.phases.push(`${name} ${Math.round(now - this.last)} ms`);
    this.last = now;
  }
  report() {
    if (timingEnabled()) console.error(`news timing: ${this.phases.join(', ')}`);
  }
}
