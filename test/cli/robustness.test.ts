// Hostile and extreme input through the built command: every case gets a correct result or a clear
// message with exit 1 — never a stack trace, a hang or a silently partial result (issue #6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['article-atlas']);
const tmp = mkdtempSync(join(tmpdir(), 'aa-rob-'));
const run = (args: string[], input?: string | Buffer) => {
  const r = spawnSync('node', [BIN, ...args], { input, encoding: 'utf8', maxBuffer: 1 << 30, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

test('emoji, astral letters, combining marks and right-to-left text keep offsets exact', () => {
  const text = '😀🇦🇲 Talks in Yerevan 𝒜𝒷𝒸. مرحبا Baku שלום e\u0301 Kalbajar\u200f and Lachin.\n\n👩‍👩‍👧 Moscow';
  const r = run(['parse', '-'], text);
  assert.equal(r.code, 0, r.stderr);
  const layer = JSON.parse(r.stdout);
  const found = layer.features.flatMap((f: any) => f.properties.mentions.map((m: any) => m.text));
  for (const n of ['Yerevan', 'Baku', 'Lachin', 'Moscow']) assert.ok(found.includes(n), `${n} in ${found}`);
  for (const f of layer.features)
    for (const m of f.properties.mentions) assert.equal(text.slice(m.start, m.end), m.text);
});

test('a 2 MB line without a newline is parsed whole', () => {
  const unit = 'Officials in Baku and Yerevan met near Lachin while talks went on. ';
  const text = unit.repeat(Math.ceil(2_000_000 / unit.length));
  const r = run(['parse', '-', '--no-text'], text);
  assert.equal(r.code, 0, r.stderr);
  const layer = JSON.parse(r.stdout);
  const baku = layer.features.find((f: any) => f.properties.name === 'Baku');
  assert.equal(
    baku.properties.mentions.length,
    Math.ceil(2_000_000 / unit.length),
    'every repetition found: nothing lost',
  );
});

test('a JSON-lines batch of 3,000 articles comes back whole and in order', () => {
  const lines = Array.from({ length: 3000 }, (_, i) =>
    JSON.stringify({ id: `n${i}`, text: i % 2 ? `Storm near Texas, day ${i}.` : `Day ${i}: 😀 nothing.` }),
  );
  const r = run(['parse', '--jsonl', '--no-text'], lines.join('\n'));
  assert.equal(r.code, 0, r.stderr);
  const out = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.equal(out.length, 3000);
  out.forEach((o, i) => assert.equal(o.id, `n${i}`));
  assert.equal(out[1].features[0].properties.name, 'Texas');
});

test('a JSON-lines file with a final line lacking its newline, blank lines and CRLF', () => {
  const r = run(['parse', '--jsonl'], '{"id":"a","text":"Baku"}\r\n\r\n{"id":"b","text":"Yerevan"}');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l).id),
    ['a', 'b'],
  );
});

test('HTML full of scripts, event handlers and CDATA yields text only', () => {
  const f = join(tmp, 'x.html');
  writeFileSync(
    f,
    '<html><body><p onclick="alert(1)">Baku <img src=x onerror=alert(1)></p><script>document.write("Paris")</script><style>p{}</style><!-- Rome --><svg><script>alert(2)</script></svg><![CDATA[ Madrid ]]><noscript>Lisbon</noscript></body></html>',
  );
  const layer = JSON.parse(run(['parse', f]).stdout);
  assert.deepEqual(
    layer.features.map((x: any) => x.properties.name),
    ['Baku'],
  );
  assert.doesNotMatch(layer.text, /alert|document\.write|Rome/);
});

test('writing into a missing folder is a clear error, and nothing is left behind', () => {
  const r = run(['parse', '-', '--out', join(tmp, 'no/such/dir/out.geojson')], 'Baku');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /folder does not exist/);
});

// Issue #19.
test('stdin is refused as soon as it passes 64 MB, while reading, not at the end (an endless stream)', async () => {
  // The test is the endless writer, and stops at 256 MB: a command that read on to the end would
  // otherwise fill the machine's memory (as this one once did).
  const child = spawn('node', [BIN, 'parse', '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c) => (stderr += c));
  child.stdin.on('error', () => {});
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const chunk = Buffer.from('Talks in Baku. '.repeat(65536));
  let sent = 0;
  let alive = true;
  void exited.then(() => (alive = false));
  while (alive && !child.stdin.destroyed && sent < 256 * 2 ** 20) {
    sent += chunk.length;
    if (!child.stdin.write(chunk)) await Promise.race([new Promise((r) => child.stdin.once('drain', r)), exited]);
  }
  if (alive) child.kill('SIGKILL');
  assert.equal(await exited, 1, stderr);
  assert.match(stderr, /more than 64 MB; the limit is 64 MB per article/);
  assert.ok(sent < 128 * 2 ** 20, `stopped reading soon after 64 MB (${(sent / 2 ** 20).toFixed(0)} MB sent)`);
});

test('--jsonl numbers every physical line (blank ones too), as an editor does', () => {
  const r = run(['parse', '--jsonl'], '\n\n{"id":"a","text":"Baku"}\n\n{broken\n   \n{"id":"c"}\n');
  assert.equal(r.code, 1);
  const errors = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l).error)
    .filter(Boolean);
  assert.deepEqual(
    errors.map((e: string) => e.match(/^line (\d+):/)![1]),
    ['5', '7'],
  );
});

test('--jsonl reports a line of invalid UTF-8 instead of reading it as U+FFFD, and goes on', () => {
  const input = Buffer.concat([
    Buffer.from('{"id":"a","text":"Ba'),
    Buffer.from([0xff, 0xfe]),
    Buffer.from('ku"}\n{"id":"b","text":"Yerevan"}\n'),
  ]);
  const r = run(['parse', '--jsonl'], input);
  assert.equal(r.code, 1);
  const [a, b] = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.match(a.error, /line 1: not valid UTF-8/);
  assert.doesNotMatch(r.stdout, /\uFFFD/);
  assert.equal(b.features[0].properties.name, 'Yerevan');
});

test('UTF-16 with a byte-order mark is decoded, in a batch and as one article', () => {
  const utf16 = (s: string, bigEndian = false) => {
    const le = Buffer.from('\uFEFF' + s, 'utf16le');
    return bigEndian ? Buffer.from(le).swap16() : le;
  };
  for (const be of [false, true]) {
    const batch = run(
      ['parse', '--jsonl'],
      utf16('{"id":"a","text":"Talks in Baku."}\r\n{"id":"b","text":"Yerevan"}\r\n', be),
    );
    assert.equal(batch.code, 0, batch.stderr);
    assert.deepEqual(
      batch.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).features[0].properties.name),
      ['Baku', 'Yerevan'],
    );
    const one = run(['parse', '-'], utf16('Talks in Baku.', be));
    assert.equal(one.code, 0, one.stderr);
    const layer = JSON.parse(one.stdout);
    assert.equal(layer.text, 'Talks in Baku.');
    assert.equal(layer.features[0].properties.mentions[0].start, 9);
  }
});

test('--jsonl: a line longer than the limit is reported without being held in memory', () => {
  // 130 MB of one line, streamed: past the 128 MB line limit; the next line is still read.
  const r = spawnSync(
    'bash',
    [
      '-c',
      `{ printf '{"id":"big","text":"'; head -c 136314880 /dev/zero | tr '\\0' a; printf '"}\\n{"id":"b","text":"Baku"}\\n'; } | node "${BIN}" parse --jsonl`,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 24, timeout: 120_000 },
  );
  assert.equal(r.status, 1, r.stderr);
  const [big, b] = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
  assert.match(big.error, /line 1: longer than 128 MB/);
  assert.equal(b.features[0].properties.name, 'Baku');
});

test('an option a command does not take is an error naming the options it takes', () => {
  const cases: Array<[string[], RegExp]> = [
    [
      ['build', '--pretty', '-o', join(tmp, 'never')],
      /build does not take --pretty\. Its options: -o\/--out, --format, --jsonl, --timeout, --max-size, --debug/,
    ],
    [['merge', '--stats', '-'], /merge does not take --stats\. Its options: --pretty, --debug/],
    [
      ['serve', '--pretty'],
      /serve does not take --pretty\. Its options: -o\/--out, --format, -p\/--port, --timeout, --max-size, --debug/,
    ],
    [['parse', '-p', '80', '-'], /parse does not take -p\/--port/],
    [
      ['parse', '--jsonl', '--format', 'html'],
      /parse --jsonl does not take --format\. Its options: -o\/--out, --no-text, --stats, --timeout, --max-size, --debug/,
    ],
    [['build', '--stats', '-o', join(tmp, 'never')], /build does not take --stats/],
  ];
  for (const [args, re] of cases) {
    const r = run(args, 'Talks in Baku.');
    assert.equal(r.code, 1, args.join(' '));
    assert.match(r.stderr, re, args.join(' '));
  }
  assert.ok(!existsSync(join(tmp, 'never')), 'nothing was built');
});
