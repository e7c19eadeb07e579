// Outputs through the built command (issue #19): `-o` writes through devices, FIFOs and symbolic links
// and keeps a file's mode; no command overwrites its input; `--jsonl -o` writes its file; an interrupted
// batch leaves no temporary file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  statSync,
  symlinkSync,
  writeFileSync,
  chmodSync,
  cpSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['article-atlas']);
const tmp = mkdtempSync(join(tmpdir(), 'aa-out-'));
const ARTICLE = 'Talks in Baku and Yerevan went on.';
/** A command that waits on a pipe no one writes (or reads) fails the test instead of hanging it. */
const TIMEOUT_MS = 30_000;

function run(args: string[], opts: { input?: string; cwd?: string; shell?: string } = {}) {
  const r = opts.shell
    ? spawnSync('bash', ['-c', opts.shell], {
        cwd: opts.cwd,
        encoding: 'utf8',
        env: { ...process.env, A: `node ${BIN}` },
        timeout: TIMEOUT_MS,
      })
    : spawnSync('node', [BIN, ...args], { input: opts.input, cwd: opts.cwd, encoding: 'utf8', timeout: TIMEOUT_MS });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tempFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

test('-o onto a device writes into the device and leaves it a device', () => {
  // Root gets a null device of its own: a command that replaced the device (as this one once did) must not
  // take the system's /dev/null with it. Anyone else cannot replace /dev/null, so it is safe to use.
  let device = '/dev/null';
  if (process.getuid?.() === 0) {
    device = join(tmp, 'null');
    assert.equal(spawnSync('mknod', ['-m', '666', device, 'c', '1', '3']).status, 0);
  }
  const r = run(['parse', '-', '-o', device], { input: ARTICLE });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(statSync(device).isCharacterDevice());
});

test('-o /dev/stdout (a link into /proc/self/fd) writes to stdout, whether a pipe or a file', () => {
  // A link of the test's own with /dev/stdout's target: a command that replaced the link (as this one
  // once did) must not take the system's /dev/stdout with it.
  symlinkSync('/proc/self/fd/1', join(tmp, 'stdout'));
  const piped = run([], { shell: `echo "${ARTICLE}" | $A parse - -o stdout | cat`, cwd: tmp });
  assert.equal(piped.code, 0, piped.stderr);
  assert.equal(JSON.parse(piped.stdout).type, 'FeatureCollection');
  const toFile = run([], { shell: `echo "${ARTICLE}" | $A parse - -o stdout > captured.json`, cwd: tmp });
  assert.equal(toFile.code, 0, toFile.stderr);
  assert.equal(JSON.parse(readFileSync(join(tmp, 'captured.json'), 'utf8')).type, 'FeatureCollection');
  assert.ok(lstatSync(join(tmp, 'stdout')).isSymbolicLink());
});

test('-o FIFO writes into the named pipe, which stays a pipe', () => {
  const fifo = join(tmp, 'pipe');
  assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
  const r = run([], {
    shell: `timeout 20 cat pipe > from-pipe & echo "${ARTICLE}" | $A parse - -o pipe; wait`,
    cwd: tmp,
  });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(lstatSync(fifo).isFIFO());
  assert.equal(JSON.parse(readFileSync(join(tmp, 'from-pipe'), 'utf8')).type, 'FeatureCollection');
});

test('-o through a symbolic link replaces its target and keeps the link', () => {
  const target = join(tmp, 'target.geojson');
  const link = join(tmp, 'link.geojson');
  writeFileSync(target, 'old');
  symlinkSync('target.geojson', link);
  const r = run(['parse', '-', '-o', link], { input: ARTICLE });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(lstatSync(link).isSymbolicLink());
  assert.equal(readlinkSync(link), 'target.geojson');
  assert.equal(JSON.parse(readFileSync(target, 'utf8')).type, 'FeatureCollection');
});

test('-o onto an existing file keeps its mode', () => {
  const out = join(tmp, 'private.geojson');
  writeFileSync(out, 'old');
  chmodSync(out, 0o600);
  assert.equal(run(['parse', '-', '-o', out], { input: ARTICLE }).code, 0);
  assert.equal(statSync(out).mode & 0o777, 0o600);
  assert.match(readFileSync(out, 'utf8'), /FeatureCollection/);
});

test('build never replaces its input: `build index.html -o .` is refused and the article stays', () => {
  const dir = mkdtempSync(join(tmp, 'site-'));
  writeFileSync(join(dir, 'index.html'), `<p>${ARTICLE}</p>`);
  const r = run(['build', 'index.html', '-o', '.'], { cwd: dir });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Refusing to overwrite the input index\.html/);
  assert.equal(readFileSync(join(dir, 'index.html'), 'utf8'), `<p>${ARTICLE}</p>`);
  assert.deepEqual(readdirSync(dir), ['index.html'], 'nothing written before the refusal');
});

test('parse from stdin refuses to write over the file stdin reads', () => {
  const file = join(tmp, 'same.txt');
  writeFileSync(file, ARTICLE);
  const r = run([], { shell: `$A parse - -o same.txt < same.txt`, cwd: tmp });
  assert.equal(r.code, 1);
  assert.match(r.stderr, /Refusing to overwrite the input/);
  assert.equal(readFileSync(file, 'utf8'), ARTICLE);
});

test('parse --jsonl -o FILE writes the file, and nothing to stdout', () => {
  const out = join(tmp, 'out.jsonl');
  const input = [JSON.stringify({ id: 'a', text: 'Baku' }), JSON.stringify({ id: 'b', text: 'Yerevan' })].join('\n');
  const r = run(['parse', '--jsonl', '-o', out], { input });
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.deepEqual(
    readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id),
    ['a', 'b'],
  );
  assert.deepEqual(tempFiles(tmp), []);
});

test('Ctrl+C during a batch written with -o leaves no temporary file (nor a half-written output)', async () => {
  const dir = mkdtempSync(join(tmp, 'int-'));
  const out = join(dir, 'out.jsonl');
  const child = spawn('node', [BIN, 'parse', '--jsonl', '-o', out], { stdio: ['pipe', 'ignore', 'pipe'] });
  const exited = new Promise<[number | null, string | null]>((r) =>
    child.once('exit', (code, signal) => r([code, signal])),
  );
  child.stdin.write(JSON.stringify({ id: 'a', text: 'Baku' }) + '\n');
  // The batch has started writing once its temporary file exists; stdin stays open, so it waits for more.
  for (let i = 0; i < 300 && !tempFiles(dir).length; i++) await new Promise((r) => setTimeout(r, 50));
  const started = tempFiles(dir).length;
  child.kill('SIGINT');
  const [code, signal] = await exited;
  assert.equal(started, 1, 'the temporary file appeared');
  assert.ok(signal === 'SIGINT' || code === 130, `stopped by the signal (${code}, ${signal})`);
  assert.deepEqual(readdirSync(dir), []);
  assert.ok(!existsSync(out));
});

test('a site built into a folder is written whole, and the input beside it is untouched', () => {
  const dir = mkdtempSync(join(tmp, 'whole-'));
  cpSync(join(ROOT, 'test/fixtures/seed/article.txt'), join(dir, 'article.md'));
  const r = run(['build', 'article.md', '-o', '.'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  assert.ok(existsSync(join(dir, 'index.html')) && existsSync(join(dir, 'layer.geojson')));
  assert.equal(
    readFileSync(join(dir, 'article.md'), 'utf8'),
    readFileSync(join(ROOT, 'test/fixtures/seed/article.txt'), 'utf8'),
  );
});
