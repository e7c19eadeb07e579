// Node options for a batch (--jsonl), which Node takes only at start-up: a batch runs the command again,
// once, in a child process started with them, because Node's defaults suit short programs, not a cold
// pass over many articles with a large gazetteer loaded. Measurements: src/cli/README.md, "Batch runtime".

import { spawn } from 'node:child_process';
import { availableParallelism, constants } from 'node:os';

/** Node's default V8 pool size: on fewer cores its threads take turns with the main thread. */
const NODE_POOL_SIZE = 4;

/** First old-generation size (MB): holds the loaded gazetteer and model, so no early full collection. */
export const INITIAL_OLD_SPACE_MB = 128;

/** Semi-space size of the young generation (MB), from the start: the fastest of the sizes tried. */
export const SEMI_SPACE_MB = 16;

/** Most bytecode inlined into one optimised function (V8's default is 920): optimised code comes sooner. */
export const INLINE_BUDGET = 300;

/** Node's exit code for an option it does not know (a later Node may drop one; the batch then runs here). */
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
  const has = (name: string) => set.some((arg) => arg === name || arg.startsWith(name + '='));
  const options: string[] = [];
  if (cores <= NODE_POOL_SIZE && !has('--v8-pool-size')) options.push(`--v8-pool-size=${Math.max(1, cores - 1)}`);
  if (!has('--initial-old-space-size') && !has('--initial-heap-size'))
    options.push(`--initial-old-space-size=${INITIAL_OLD_SPACE_MB}`);
  if (!has('--min-semi-space-size') && !has('--max-semi-space-size'))
    options.push(`--min-semi-space-size=${SEMI_SPACE_MB}`, `--max-semi-space-size=${SEMI_SPACE_MB}`);
  if (!has('--max-inlined-bytecode-size-cumulative'))
    options.push(`--max-inlined-bytecode-size-cumulative=${INLINE_BUDGET}`);
  return options;
}

/** glibc's tunable that has malloc ask for transparent huge pages (glibc 2.35 and later; others ignore it). */
export const HUGE_PAGES_TUNABLE = 'glibc.malloc.hugetlb=1';

/**
 * The environment of the batch's child: this one without what only costs start-up time there
 * (NODE_EXTRA_CA_CERTS, a certificate file parsed at start-up, for a process that opens no connections),
 * and on Linux with malloc's memory in transparent huge pages (HUGE_PAGES_TUNABLE) unless GLIBC_TUNABLES
 * already says otherwise: the gazetteer's files, its typed arrays and the compiler's memory are fresh
 * memory, and on a virtual machine each 4 KB page of it can cost tens of microseconds to fault in
 * (src/cli/README.md).
 *
 * @example
 * batchEnv({ PATH: '/bin', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' }, 'darwin') // { PATH: '/bin' }
 */
export function batchEnv(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform): NodeJS.ProcessEnv {
  const { NODE_EXTRA_CA_CERTS: _certificates, ...rest } = env;
  if (platform !== 'linux' || rest.GLIBC_TUNABLES?.includes('glibc.malloc.hugetlb')) return rest;
  rest.GLIBC_TUNABLES = rest.GLIBC_TUNABLES ? `${rest.GLIBC_TUNABLES}:${HUGE_PAGES_TUNABLE}` : HUGE_PAGES_TUNABLE;
  return rest;
}

/**
 * Runs this command again with the batch's Node options, the standard streams handed over. Resolves
 * with the child's exit code, or undefined when there is no need (or no child could be started, or
 * Node refused an option: the caller then does the work itself). ARTICLE_ATLAS_SAME_PROCESS=1 turns it off.
 */
export function rerunForBatch(
  argv: readonly string[],
  options = batchNodeOptions(availableParallelism(), process.execArgv, process.env.NODE_OPTIONS),
): Promise<number | undefined> {
  if (!options.length || process.env.ARTICLE_ATLAS_SAME_PROCESS === '1' || !process.argv[1])
    return Promise.resolve(undefined);
  return new Promise((resolve) => {
    // The IPC channel is how the child learns that this process is gone (stopWithParent).
    const child = spawn(process.execPath, [...process.execArgv, ...options, process.argv[1], ...argv], {
      stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
      env: batchEnv(process.env),
    });
    // Ctrl+C reaches both processes; a signal sent to this one alone is passed on.
    const forward = (signal: NodeJS.Signals) => child.kill(signal);
    const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
    for (const signal of signals) process.on(signal, forward);
    const done = (code: number | undefined) => {
      for (const signal of signals) process.off(signal, forward);
      resolve(code);
    };
    // 'error' here means the child never started, so stdin is still unread.
    child.once('error', () => done(undefined));
    child.once('exit', (code, signal) => {
      if (code === BAD_OPTION)
        process.stderr.write('article-atlas: this Node refused an option above; the batch runs without them.\n');
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
