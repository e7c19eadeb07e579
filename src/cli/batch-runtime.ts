// Node options for a batch (--jsonl), which can only be set when Node starts: a batch runs the
// command again, once, in a child process started with them. Both were measured on the dev batch
// (319 articles) on a 2-core machine:
// - V8's worker pool. Node starts four threads for V8's background work (the optimising compiler,
//   parallel garbage collection) on any machine. With fewer cores than those threads plus the main
//   thread, they take turns with the main thread, which is the one geoparsing: the main thread was
//   descheduled for a third of the first pass (470 ms wall for 330 ms of main-thread CPU; with a pool
//   of one thread, 350 ms for 350). The pool gets one thread fewer than the cores.
// - The old generation's first size. The loaded gazetteer and model are some 70 MB of old objects from
//   the start; V8's first limit, sized for small programs, then sets off a full collection early in the
//   batch that finds almost nothing to free (about 30 ms, pause plus marking steps, for 6 MB).
// - The young generation's size. A batch allocates some 110 MB per pass over the dev articles, and
//   what it keeps (the names, rows and shapes met so far) is copied at young collections: V8 starts
//   with 1 MB semi-spaces and grows them to 16 MB, collecting 16 times (66–95 ms of pauses). 16 MB from
//   the start is fastest in wall time (median 338 ms per in-process pass, against 358 with 32 MB,
//   346 with 8 and 350 when only the maximum is set; 8 runs each): larger ones pause less often but
//   longer, and leave the caches colder.
// - Smaller optimisation units. A batch's first pass runs much of its code before V8's background
//   compiler has optimised it; with less inlining per optimised function (300 bytes of bytecode in all
//   instead of 920) that compiler took 0.55–0.65 s instead of 1.06–1.36 s for the dev batch, so
//   optimised code arrives sooner and a rarely taken branch deoptimises a smaller function.
// The child also starts without NODE_EXTRA_CA_CERTS: Node reads and parses that certificate file at
// startup (40 ms for Debian's bundle), and a batch opens no connections.
// These are V8 options: should a later Node refuse one ("bad option", exit code 9, before any of this
// command runs and so before stdin is read), the batch runs in the first process after all.

import { spawn } from 'node:child_process';
import { availableParallelism, constants } from 'node:os';

/** Node's default V8 pool size. */
const NODE_POOL_SIZE = 4;

/** First old-generation size (MB): the loaded gazetteer and model with room to work. */
export const INITIAL_OLD_SPACE_MB = 128;

/** Semi-space size of the young generation (MB), from the start. */
export const SEMI_SPACE_MB = 16;

/** Most bytecode inlined into one optimised function, in all (V8's default is 920). */
export const INLINE_BUDGET = 300;

/** Node's exit code for an option it does not know. */
const BAD_OPTION = 9;

/**
 * The Node options a batch wants on `cores` cores that are not set already (in the node arguments or
 * NODE_OPTIONS): a V8 pool one thread smaller than the cores when Node's four do not fit, a first
 * old-generation size that holds the gazetteer, and a young generation sized for a batch.
 *
 * @example
 * batchNodeOptions(2, [])  // ['--v8-pool-size=1', '--initial-old-space-size=128', '--min-semi-space-size=16', '--max-semi-space-size=16', '--max-inlined-bytecode-size-cumulative=300']
 * batchNodeOptions(8, [])  // the same without the pool size
 */
export function batchNodeOptions(cores: number, execArgv: readonly string[], nodeOptions = ''): string[] {
  const set = [...execArgv, ...nodeOptions.split(/\s+/)];
  const has = (name: string) => set.some((a) => a === name || a.startsWith(name + '='));
  const options: string[] = [];
  if (cores <= NODE_POOL_SIZE && !has('--v8-pool-size')) options.push(`--v8-pool-size=${Math.max(1, cores - 1)}`);
  if (!has('--initial-old-space-size') && !has('--initial-heap-size')) options.push(`--initial-old-space-size=${INITIAL_OLD_SPACE_MB}`);
  if (!has('--min-semi-space-size') && !has('--max-semi-space-size')) options.push(`--min-semi-space-size=${SEMI_SPACE_MB}`, `--max-semi-space-size=${SEMI_SPACE_MB}`);
  if (!has('--max-inlined-bytecode-size-cumulative')) options.push(`--max-inlined-bytecode-size-cumulative=${INLINE_BUDGET}`);
  return options;
}

/**
 * The environment of the batch's child: this one without what only costs start-up time there.
 *
 * @example
 * batchEnv({ PATH: '/bin', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' }) // { PATH: '/bin' }
 */
export function batchEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _certificates, ...rest } = env;
  return rest;
}

/**
 * Runs this command again with the batch's Node options, the standard streams handed over. Resolves
 * with the child's exit code, or undefined when there is no need (or no child could be started, or
 * Node refused an option: the caller then does the work itself). ARTICLE_ATLAS_SAME_PROCESS=1 turns it off.
 */
export function rerunForBatch(argv: readonly string[], options = batchNodeOptions(availableParallelism(), process.execArgv, process.env.NODE_OPTIONS)): Promise<number | undefined> {
  if (!options.length || process.env.ARTICLE_ATLAS_SAME_PROCESS === '1' || !process.argv[1]) return Promise.resolve(undefined);
  return new Promise((resolve) => {
    // The IPC channel is how the child learns that this process is gone (stopWithParent).
    const child = spawn(process.execPath, [...process.execArgv, ...options, process.argv[1], ...argv], { stdio: ['inherit', 'inherit', 'inherit', 'ipc'], env: batchEnv(process.env) });
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
    child.once('exit', (code, signal) => {
      if (code === BAD_OPTION) process.stderr.write('article-atlas: this Node refused an option above; the batch runs without them.\n');
      done(code === BAD_OPTION ? undefined : (code ?? 128 + (signal ? constants.signals[signal] : 0)));
    });
  });
}

/**
 * In the batch's child: stop when the parent is gone, even when it was killed with no chance to pass a
 * signal on (SIGKILL), instead of going on reading and writing for nobody (issue #19). The parent's end
 * of the IPC channel closes with it; the channel does not keep this process alive by itself.
 * Does nothing in a process started without a channel.
 *
 * @example
 * stopWithParent()
 */
export function stopWithParent(): void {
  if (!process.channel) return;
  // As a hang-up: temporary files are removed (remove-on-exit.ts) and the exit status says SIGHUP.
  const hangUp = () => void process.kill(process.pid, 'SIGHUP');
  // The parent may be gone already, before this process got here.
  if (!process.connected) return hangUp();
  process.channel.unref();
  process.once('disconnect', hangUp);
}
