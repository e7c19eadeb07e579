import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poolSizeFor } from '../../src/cli/fit-worker-pool.ts';

test('poolSizeFor: one thread fewer than the cores, only where Node\'s four do not fit, never over a size already set', () => {
  const cases: Array<[number, string[], string, number | undefined]> = [
    [1, [], '', 1],
    [2, [], '', 1],
    [4, [], '', 3],
    [5, [], '', undefined],
    [16, [], '', undefined],
    [2, ['--v8-pool-size=3'], '', undefined],
    [2, [], '--max-old-space-size=512 --v8-pool-size=2', undefined],
    [2, ['--enable-source-maps'], '--max-old-space-size=512', 1],
  ];
  for (const [cores, execArgv, nodeOptions, want] of cases) assert.equal(poolSizeFor(cores, execArgv, nodeOptions), want, `${cores} cores, ${execArgv} ${nodeOptions}`);
});
