// The command line's two plain mistakes (issue #19 follow-up): an empty argument is named rather than read as
// stdin, and an option given a negative number gets the option's own message rather than parseArgs' "ambiguous".
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { joinNegativeNumbers, parseCommandLine } from '../../src/cli/parse-command-line.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['article-atlas']);
const SEED = join(ROOT, 'test/fixtures/seed/article.txt');
const run = (args: string[], input = '') => spawnSync('node', [BIN, ...args], { input, encoding: 'utf8' });

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  timeout: { type: 'string' },
  port: { type: 'string', short: 'p' },
  pretty: { type: 'boolean' },
} as const;

test('joinNegativeNumbers joins a negative number to the option before it, and nothing else', () => {
  const cases: Array<[string[], string[]]> = [
    [
      ['--timeout', '-5', 'a.txt'],
      ['--timeout=-5', 'a.txt'],
    ],
    [['-p', '-1'], ['-p-1']],
    [['--timeout', '-.5'], ['--timeout=-.5']],
    [
      ['-o', '-x'],
      ['-o', '-x'],
    ], // not a number: left for parseArgs to refuse
    [
      ['--pretty', '-5'],
      ['--pretty', '-5'],
    ], // takes no value
    [
      ['--', '--timeout', '-5'],
      ['--', '--timeout', '-5'],
    ], // after `--` everything is a positional
  ];
  for (const [args, want] of cases) assert.deepEqual(joinNegativeNumbers(args, OPTIONS), want, args.join(' '));
});

test('parseCommandLine names an empty file name, an empty option value and a value that looks like an option', () => {
  assert.throws(() => parseCommandLine(['parse', ''], OPTIONS), /A file name is empty \(""\)/);
  assert.throws(() => parseCommandLine(['parse', 'a.txt', '-o', ''], OPTIONS), /--out was given an empty value/);
  assert.throws(
    () => parseCommandLine(['parse', 'a.txt', '-o', '-x'], OPTIONS),
    /^InputError: -o needs a value, and "-x" looks like an option\. .* write --out=-x\.$/,
  );
  assert.deepEqual({ ...parseCommandLine(['parse', 'a.txt', '--timeout', '-5'], OPTIONS).values }, { timeout: '-5' });
});

test("`parse ''` names the empty file name instead of reading stdin", () => {
  const r = run(['parse', ''], 'Talks in Baku.');
  assert.equal(r.status, 1);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'article-atlas: A file name is empty (""): give an article file, a URL, or - for stdin.\n');
});

test('a negative --timeout, --max-size or --port gets the option\'s own message, not "ambiguous"', () => {
  for (const [args, message] of [
    [['parse', SEED, '--timeout', '-5'], '--timeout -5 is not a number of seconds between 0 and 3600.'],
    [['parse', SEED, '--max-size', '-1'], '--max-size -1 is not a number of megabytes between 0 and 64.'],
    [['serve', SEED, '-p', '-1'], '--port -1 is not a port number.'],
  ] as const) {
    const r = run([...args]);
    assert.equal(r.status, 1, args.join(' '));
    assert.equal(r.stderr, `article-atlas: ${message}\n`);
  }
});

test('an option value that starts with a dash says how to give one', () => {
  const r = run(['parse', SEED, '-o', '-x']);
  assert.equal(r.status, 1);
  assert.equal(
    r.stderr,
    'article-atlas: -o needs a value, and "-x" looks like an option. For a value that starts with a dash, write --out=-x.\n',
  );
});
