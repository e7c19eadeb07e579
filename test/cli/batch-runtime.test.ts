// The batch's child process (batch-runtime.ts): its Node options and environment, and (through the built
// command) how it behaves as a Unix filter and when its parent is killed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  batchEnv,
  batchNodeOptions,
  INITIAL_OLD_SPACE_MB,
  INLINE_BUDGET,
  rerunForBatch,
  SEMI_SPACE_MB,
} from '../../src/cli/batch-runtime.ts';

test("batchNodeOptions: a pool one thread smaller than the cores where Node's four do not fit, heap sizes for a batch, nothing set twice", () => {
  const old = `--initial-old-space-size=${INITIAL_OLD_SPACE_MB}`;
  const young = [
    `--min-semi-space-size=${SEMI_SPACE_MB}`,
    `--max-semi-space-size=${SEMI_SPACE_MB}`,
    `--max-inlined-bytecode-size-cumulative=${INLINE_BUDGET}`,
  ];
  const cases: Array<[number, string[], string, string[]]> = [
    [1, [], '', ['--v8-pool-size=1', old, ...young]],
    [2, [], '', ['--v8-pool-size=1', old, ...young]],
    [4, [], '', ['--v8-pool-size=3', old, ...young]],
    [5, [], '', [old, ...young]],
    [16, [], '', [old, ...young]],
    [2, ['--v8-pool-size=3'], '', [old, ...young]],
    [2, [], '--max-old-space-size=512 --v8-pool-size=2', [old, ...young]],
    [2, ['--initial-old-space-size=64'], '', ['--v8-pool-size=1', ...young]],
    [8, ['--max-semi-space-size=64', '--max-inlined-bytecode-size-cumulative=500'], '--initial-heap-size=300', []],
    [
      2,
      ['--enable-source-maps', '--min-semi-space-size=4'],
      '--max-old-space-size=512',
      ['--v8-pool-size=1', old, young[2]],
    ],
  ];
  for (const [cores, execArgv, nodeOptions, want] of cases)
    assert.deepEqual(
      batchNodeOptions(cores, execArgv, nodeOptions),
      want,
      `${cores} cores, ${execArgv} ${nodeOptions}`,
    );
});

test('rerunForBatch: when Node refuses an option, nothing ran, and the caller is told to do the work itself', async () => {
  // Node stops at the option (exit code 9) before it would run this file again.
  assert.equal(await rerunForBatch([], ['--an-option-no-node-has']), undefined);
  assert.equal(await rerunForBatch([], []), undefined, 'no options: no child');
});

test('batchEnv: the child keeps the environment but the extra CA certificates, which only cost it start-up time', () => {
  const env = {
    PATH: '/usr/bin',
    ARTICLE_ATLAS_DATA: '/data',
    NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt',
  };
  assert.deepEqual(batchEnv(env, 'darwin'), { PATH: '/usr/bin', ARTICLE_ATLAS_DATA: '/data' });
  assert.equal(
    env.NODE_EXTRA_CA_CERTS,
    '/etc/ssl/certs/ca-certificates.crt',
    "the caller's environment is not changed",
  );
});

test("batchEnv on Linux: malloc's memory in huge pages, unless GLIBC_TUNABLES already sets that tunable", () => {
  assert.deepEqual(batchEnv({ PATH: '/usr/bin' }, 'linux'), {
    PATH: '/usr/bin',
    GLIBC_TUNABLES: 'glibc.malloc.hugetlb=1',
  });
  assert.equal(
    batchEnv({ GLIBC_TUNABLES: 'glibc.malloc.arena_max=2' }, 'linux').GLIBC_TUNABLES,
    'glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1',
    'other tunables kept',
  );
  assert.equal(
    batchEnv({ GLIBC_TUNABLES: 'glibc.malloc.hugetlb=0' }, 'linux').GLIBC_TUNABLES,
    'glibc.malloc.hugetlb=0',
  );
});

// Through the built command (issue #19): the batch as a Unix filter, in its child and in one process.
const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['article-atlas']);
const tmp = mkdtempSync(join(tmpdir(), 'aa-batch-'));
const BATCH = join(tmp, 'big.jsonl');
// Far more output than a pipe holds (64 KB), so the command is still writing when the reader leaves.
writeFileSync(
  BATCH,
  Array.from({ length: 400 }, (_, i) =>
    JSON.stringify({ id: `n${i}`, text: 'Talks in Baku, Yerevan, Moscow and Paris.' }),
  ).join('\n') + '\n',
);

for (const same of ['', '1']) {
  test(`a reader that goes away (| head -1) ends the batch quietly, exit 0${same ? ', in one process' : ', in the child'}`, () => {
    const r = spawnSync(
      'bash',
      ['-c', `node "${BIN}" parse --jsonl < "${BATCH}" | head -c 100 > /dev/null; echo "exit \${PIPESTATUS[0]}" >&2`],
      {
        encoding: 'utf8',
        env: { ...process.env, ARTICLE_ATLAS_SAME_PROCESS: same },
      },
    );
    assert.equal(r.stderr, 'exit 0\n', 'no stack trace, no message');
  });
}

/** Whether a process is gone (a zombie waiting for a reaper counts as gone: it runs no more code). */
function gone(pid: number): boolean {
  try {
    return /^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return true;
  }
}

test('the batch child stops when its parent is killed (SIGKILL), although stdin stays open', async () => {
  // stdin is a FIFO this test holds open (read-write, so opening it does not wait for a writer): a pipe
  // from spawn() would be closed by Node when the parent exits, and end the batch for another reason.
  const fifo = join(tmp, 'stdin');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
  const stdin = openSync(fifo, 'r+');
  const outFile = join(tmp, 'out.jsonl');
  const out = openSync(outFile, 'w');
  const parent = spawn('node', [BIN, 'parse', '--jsonl'], {
    stdio: [stdin, out, 'inherit'],
    env: { ...process.env, ARTICLE_ATLAS_SAME_PROCESS: '' },
  });
  closeSync(out);
  writeSync(stdin, JSON.stringify({ id: 'a', text: 'Baku' }) + '\n');
  // The child is at work once the first layer is out; then it waits for the next line.
  for (let i = 0; i < 300 && !statSync(outFile).size; i++) await new Promise((r) => setTimeout(r, 50));
  const child =
    Number(
      spawnSync('pgrep', ['-P', String(parent.pid)], { encoding: 'utf8' })
        .stdout.trim()
        .split('\n')[0],
    ) || undefined;
  assert.ok(child && statSync(outFile).size, 'the batch runs in a child, which wrote the first layer');
  parent.kill('SIGKILL');
  for (let i = 0; i < 100 && !gone(child); i++) await new Promise((r) => setTimeout(r, 50));
  const stopped = gone(child);
  if (!stopped) process.kill(child, 'SIGKILL');
  closeSync(stdin);
  assert.ok(stopped, 'the child stopped within 5 s of its parent');
});
