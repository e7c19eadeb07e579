import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchNodeOptions, INITIAL_OLD_SPACE_MB } from '../../src/cli/batch-runtime.ts';

test('batchNodeOptions: a pool one thread smaller than the cores where Node\'s four do not fit, an old space for the gazetteer, nothing set twice', () => {
  const heap = `--initial-old-space-size=${INITIAL_OLD_SPACE_MB}`;
  const cases: Array<[number, string[], string, string[]]> = [
    [1, [], '', ['--v8-pool-size=1', heap]],
    [2, [], '', ['--v8-pool-size=1', heap]],
    [4, [], '', ['--v8-pool-size=3', heap]],
    [5, [], '', [heap]],
    [16, [], '', [heap]],
    [2, ['--v8-pool-size=3'], '', [heap]],
    [2, [], '--max-old-space-size=512 --v8-pool-size=2', [heap]],
    [2, ['--initial-old-space-size=64'], '', ['--v8-pool-size=1']],
    [8, [], '--initial-heap-size=300', []],
    [2, ['--enable-source-maps'], '--max-old-space-size=512', ['--v8-pool-size=1', heap]],
  ];
  for (const [cores, execArgv, nodeOptions, want] of cases) assert.deepEqual(batchNodeOptions(cores, execArgv, nodeOptions), want, `${cores} cores, ${execArgv} ${nodeOptions}`);
});
