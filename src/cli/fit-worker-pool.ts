// V8's worker pool. Node starts four threads for V8's background work (the optimising compiler,
// parallel garbage collection) on any machine. With fewer cores than those threads plus the main
// thread, they take turns with the main thread, which is the one geoparsing: a batch on 2 cores had the
// main thread descheduled for a third of its wall time (470 ms wall for 330 ms of main-thread CPU; with a
// pool of one thread, 350 ms for 350). The size is fixed when Node starts, so a batch runs the command
// again, once, in a child process whose pool leaves the main thread a core of its own.

import { spawn } from 'node:child_process';
import { availableParallelism, constants } from 'node:os';

/** Node's default V8 pool size. */
const NODE_POOL_SIZE = 4;

/**
 * The V8 pool size for a batch on `cores` cores: one thread fewer than the cores, at least one; undefined
 * when Node's own pool fits or a size has been set already (in the node arguments or NODE_OPTIONS).
 *
 * @example
 * poolSizeFor(2, [])  // 1
 * poolSizeFor(8, [])  // undefined: four threads and the main one fit
 */
export function poolSizeFor(cores: number, execArgv: readonly string[], nodeOptions = ''): number | undefined {
  if (cores > NODE_POOL_SIZE) return undefined;
  if ([...execArgv, ...nodeOptions.split(/\s+/)].some((a) => a.startsWith('--v8-pool-size'))) return undefined;
  return Math.max(1, cores - 1);
}

/**
 * Runs this command again with a V8 pool that fits the machine, the standard streams handed over.
 * Resolves with the child's exit code, or undefined when there is no need (or no child could be started:
 * the caller then does the work itself). ARTICLE_ATLAS_SAME_PROCESS=1 turns it off.
 */
export function rerunWithFittingPool(argv: readonly string[]): Promise<number | undefined> {
  const size = poolSizeFor(availableParallelism(), process.execArgv, process.env.NODE_OPTIONS);
  if (size === undefined || process.env.ARTICLE_ATLAS_SAME_PROCESS === '1' || !process.argv[1]) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...process.execArgv, `--v8-pool-size=${size}`, process.argv[1], ...argv], { stdio: 'inherit' });
    // Ctrl+C reaches both processes; a signal sent to this one alone is passed on.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const s of signals) process.on(s, forward);
    const done = (code: number | undefined) => {
      for (const s of signals) process.off(s, forward);
      resolve(code);
    };
    // 'error' here means the child never started, so stdin is still unread.
    child.once('error', () => done(undefined));
    child.once('exit', (code, signal) => done(code ?? 128 + (signal ? constants.signals[signal] : 0)));
  });
}
