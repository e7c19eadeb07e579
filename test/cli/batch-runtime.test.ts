import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchEnv, batchNodeOptions, INITIAL_OLD_SPACE_MB, INLINE_BUDGET, rerunForBatch, SEMI_SPACE_MB } from '../../src/cli/batch-runtime.ts';

test('batchNodeOptions: a pool one thread smaller than the cores where Node\'s four do not fit, heap sizes for a batch, nothing set twice', () => {
  const old = `--initial-old-space-size=${INITIAL_OLD_SPACE_MB}`;
  const young = [`--min-semi-space-size=${SEMI_SPACE_MB}`, `--max-semi-space-size=${SEMI_SPACE_MB}`, `--max-inlined-bytecode-size-cumulative=${INLINE_BUDGET}`];
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
    [2, ['--enable-source-maps', '--min-semi-space-size=4'], '--max-old-space-size=512', ['--v8-pool-size=1', old, young[2]]],
  ];
  for (const [cores, execArgv, nodeOptions, want] of cases) assert.deepEqual(batchNodeOptions(cores, execArgv, nodeOptions), want, `${cores} cores, ${execArgv} ${nodeOptions}`);
});

test('rerunForBatch: when Node refuses an option, nothing ran, and the caller is told to do the work itself', async () => {
  // Node stops at the option (exit code 9) before it would run this file again.
  assert.equal(await rerunForBatch([], ['--an-option-no-node-has']), undefined);
  assert.equal(await rerunForBatch([], []), undefined, 'no options: no child');
});

test('batchEnv: the child keeps the environment but the extra CA certificates, which only cost it start-up time', () => {
  const env = { PATH: '/usr/bin', ARTICLE_ATLAS_DATA: '/data', NODE_EXTRA_CA_CERTS: '/etc/ssl/certs/ca-certificates.crt' };
  assert.deepEqual(batchEnv(env), { PATH: '/usr/bin', ARTICLE_ATLAS_DATA: '/data' });
  assert.equal(env.NODE_EXTRA_CA_CERTS, '/etc/ssl/certs/ca-certificates.crt', 'the caller\'s environment is not changed');
});
