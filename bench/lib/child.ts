import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cpuBetween, endedChildrenCpuMs } from './child-cpu.ts';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CHILD_MAIN = path.join(REPO_ROOT, 'bench', 'lib', 'child-main.ts');
export const RESULT_PREFIX = '@@bench-result ';

export interface ChildRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  ms: number;
  /** User + system time of the command's process tree (see endedChildrenCpuMs), where /proc tells it. */
  cpuMs?: number;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

/** Runs a command, capturing output; kills its process group after `timeoutMs`. */
export function runCommand(cmd: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; timeoutMs?: number } = {}): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const cpu0 = endedChildrenCpuMs();
    const t0 = performance.now();
    const child = spawn(cmd, args, {
      cwd: options.cwd ?? REPO_ROOT,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true, // own process group, so a timeout can end the whole tree
    });
    let stdout = '';
    let stderr = '';
    let timedOut = false;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          try {
            process.kill(-child.pid!, 'SIGKILL');
          } catch {
            child.kill('SIGKILL');
          }
        }, options.timeoutMs)
      : undefined;
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = performance.now() - t0;
      clearTimeout(timer);
      const cpuMs = cpuBetween(cpu0, endedChildrenCpuMs());
      resolve({ code, signal, ms, ...(cpuMs === undefined ? {} : { cpuMs }), timedOut, stdout, stderr });
    });
  });
}

/**
 * Runs one measurement task (see child-main.ts) in a fresh Node process, so memory numbers
 * are that process's own and no cache or JIT state leaks between measurements.
 */
export async function runInChild<T>(task: string, args: unknown, options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<T> {
  const run = await runCommand(process.execPath, ['--import', 'tsx', CHILD_MAIN, task, JSON.stringify(args)], {
    env: { ...process.env, ...options.env },
    ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith(RESULT_PREFIX));
  if (run.timedOut) throw new Error(`bench task ${task} timed out after ${Math.round(options.timeoutMs! / 1000)} s`);
  if (run.code !== 0 || !line) {
    const tail = (run.stderr || run.stdout).trim().split('\n').slice(-30).join('\n');
    throw new Error(`bench task ${task} failed (exit ${run.code ?? run.signal}):\n${tail}`);
  }
  return JSON.parse(line.slice(RESULT_PREFIX.length)) as T;
}
