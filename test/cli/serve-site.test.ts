// `article-atlas serve` and `build` through the built command (issue #19): only the files the build wrote,
// only for 127.0.0.1/localhost, the site's headers on every response; a file error is a response, not
// the end of the server; no temporary folder left however it stops; ordinary mistakes are exit 1.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['article-atlas']);
const tmp = mkdtempSync(join(tmpdir(), 'aa-serve-'));
chmodSync(tmp, 0o755);
const article = join(tmp, 'article.txt');
writeFileSync(article, 'Talks in Baku and Yerevan went on.');
/** Root reads any file whatever its mode, so permission cases run the command as `nobody`. */
const AS_USER = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

interface Served {
  url: string;
  port: number;
  child: ChildProcess;
  stopped: Promise<[number | null, string | null]>;
}

/** Starts `serve` and resolves when it prints its address. */
function serve(args: string[], opts: { env?: NodeJS.ProcessEnv; asUser?: boolean } = {}): Promise<Served> {
  const child = spawn('node', [BIN, 'serve', ...args], {
    env: opts.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(opts.asUser ? AS_USER : {}),
  });
  const stopped = new Promise<[number | null, string | null]>((r) =>
    child.once('exit', (code, signal) => r([code, signal])),
  );
  let out = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (c) => (out += c));
    child.stdout!.on('data', (c) => {
      out += c;
      const m = out.match(/Serving the explorer at (http:\/\/127\.0\.0\.1:(\d+)\/)/);
      if (m) resolve({ url: m[1], port: Number(m[2]), child, stopped });
    });
    child.once('exit', () => reject(new Error(`serve stopped: ${out}`)));
  });
}

function get(
  port: number,
  path: string,
  opts: { host?: string; method?: string } = {},
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: opts.method ?? 'GET',
        headers: { host: opts.host ?? `127.0.0.1:${port}` },
      },
      (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

test('serve -o DIR serves only what the build wrote, only to 127.0.0.1 and localhost, with the site headers', async () => {
  const dir = mkdtempSync(join(tmp, 'site-'));
  writeFileSync(join(dir, '.env'), 'SECRET=1');
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git', 'config'), 'secret');
  writeFileSync(join(dir, 'notes.txt'), 'secret');
  const s = await serve([article, '-o', dir, '-p', '0']);
  try {
    for (const p of ['/.env', '/.git/config', '/notes.txt', '/%2eenv']) {
      const r = await get(s.port, p);
      assert.equal(r.status, 404, p);
      assert.doesNotMatch(r.body, /secret/i, p);
    }
    for (const p of ['/', '/layer.geojson', '/app.js', '/embed.html', '/article.txt']) {
      const r = await get(s.port, p);
      assert.equal(r.status, 200, p);
      assert.match(String(r.headers['content-security-policy']), /default-src 'self'/, p);
      assert.equal(r.headers['x-content-type-options'], 'nosniff', p);
    }
    assert.equal((await get(s.port, '/', { host: `localhost:${s.port}` })).status, 200);
    for (const host of ['evil.example', `evil.example:${s.port}`, '127.0.0.1:1', `127.0.0.1.evil.example:${s.port}`]) {
      const r = await get(s.port, '/layer.geojson', { host });
      assert.equal(r.status, 403, host);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
      assert.doesNotMatch(r.body, /FeatureCollection/);
    }
    const post = await get(s.port, '/', { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.allow, 'GET, HEAD');
    assert.match(String(post.headers['content-security-policy']), /default-src 'self'/);
  } finally {
    s.child.kill('SIGINT');
    await s.stopped;
  }
});

test('a file that cannot be read is an error response, and the server goes on serving', async () => {
  const dir = mkdtempSync(join(tmp, 'unreadable-'));
  chmodSync(dir, 0o777);
  const s = await serve([article, '-o', dir, '-p', '0'], { asUser: true });
  try {
    chmodSync(join(dir, 'article.txt'), 0);
    const r = await get(s.port, '/article.txt');
    assert.equal(r.status, 500);
    assert.equal((await get(s.port, '/layer.geojson')).status, 200, 'still serving');
    assert.equal(s.child.exitCode, null);
  } finally {
    s.child.kill('SIGINT');
    await s.stopped;
  }
});

test('serve leaves no temporary folder: not after Ctrl+C, SIGTERM or SIGHUP, nor after a rejected -p', async () => {
  const tmpDir = mkdtempSync(join(tmp, 'tmpdir-'));
  const env = { ...process.env, TMPDIR: tmpDir };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const s = await serve([article, '-p', '0'], { env });
    assert.equal(readdirSync(tmpDir).length, 1, 'the site is in a temporary folder while served');
    s.child.kill(signal);
    await s.stopped;
    assert.deepEqual(readdirSync(tmpDir), [], `after ${signal}`);
  }
  const r = spawnSync('node', [BIN, 'serve', article, '-p', 'abc'], { env, encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /--port abc is not a port number/);
  assert.deepEqual(readdirSync(tmpDir), []);
});

test('serve -p on a busy port: exit 1, saying what to do, and no temporary folder', async () => {
  const busy = createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
  const { port } = busy.address() as { port: number };
  const tmpDir = mkdtempSync(join(tmp, 'busy-'));
  try {
    const r = spawnSync('node', [BIN, 'serve', article, '-p', String(port)], {
      env: { ...process.env, TMPDIR: tmpDir },
      encoding: 'utf8',
    });
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stderr, new RegExp(`Port ${port} is in use: choose another with -p`));
    assert.doesNotMatch(r.stderr, /internal error/);
    assert.deepEqual(readdirSync(tmpDir), []);
  } finally {
    busy.close();
  }
});

test('build -o onto a file, or into a folder it cannot write: exit 1 with what to do', () => {
  const file = join(tmp, 'a-file');
  writeFileSync(file, 'x');
  const onFile = spawnSync('node', [BIN, 'build', article, '-o', file], { encoding: 'utf8' });
  assert.equal(onFile.status, 1, onFile.stderr);
  assert.match(onFile.stderr, /it is a file, not a folder/);
  const locked = mkdtempSync(join(tmp, 'locked-'));
  chmodSync(locked, 0o555);
  const denied = spawnSync('node', [BIN, 'build', article, '-o', join(locked, 'site')], {
    encoding: 'utf8',
    ...AS_USER,
  });
  assert.equal(denied.status, 1, denied.stderr);
  assert.match(denied.stderr, /no permission\. Choose a folder you can write to/);
  const denied2 = spawnSync('node', [BIN, 'build', article, '-o', locked], { encoding: 'utf8', ...AS_USER });
  assert.equal(denied2.status, 1, denied2.stderr);
  assert.match(denied2.stderr, /no permission/);
});
