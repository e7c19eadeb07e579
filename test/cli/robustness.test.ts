// Hostile and extreme input through the built command: every case gets a correct result or a clear
// message with exit 1 — never a stack trace, a hang or a silently partial result (issue #6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  for (const f of layer.features) for (const m of f.properties.mentions) assert.equal(text.slice(m.start, m.end), m.text);
});

test('a 2 MB line without a newline is parsed whole', () => {
  const unit = 'Officials in Baku and Yerevan met near Lachin while talks went on. ';
  const text = unit.repeat(Math.ceil(2_000_000 / unit.length));
  const r = run(['parse', '-', '--no-text'], text);
  assert.equal(r.code, 0, r.stderr);
  const layer = JSON.parse(r.stdout);
  const baku = layer.features.find((f: any) => f.properties.name === 'Baku');
  assert.equal(baku.properties.mentions.length, Math.ceil(2_000_000 / unit.length), 'every repetition found: nothing lost');
});

test('a JSON-lines batch of 3,000 articles comes back whole and in order', () => {
  const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ id: `n${i}`, text: i % 2 ? `Storm near Texas, day ${i}.` : `Day ${i}: 😀 nothing.` }));
  const r = run(['parse', '--jsonl', '--no-text'], lines.join('\n'));
  assert.equal(r.code, 0, r.stderr);
  const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, 3000);
  out.forEach((o, i) => assert.equal(o.id, `n${i}`));
  assert.equal(out[1].features[0].properties.name, 'Texas');
});

test('a JSON-lines file with a final line lacking its newline, blank lines and CRLF', () => {
  const r = run(['parse', '--jsonl'], '{"id":"a","text":"Baku"}\r\n\r\n{"id":"b","text":"Yerevan"}');
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l).id), ['a', 'b']);
});

test('HTML full of scripts, event handlers and CDATA yields text only', () => {
  const f = join(tmp, 'x.html');
  writeFileSync(f, '<html><body><p onclick="alert(1)">Baku <img src=x onerror=alert(1)></p><script>document.write("Paris")</script><style>p{}</style><!-- Rome --><svg><script>alert(2)</script></svg><![CDATA[ Madrid ]]><noscript>Lisbon</noscript></body></html>');
  const layer = JSON.parse(run(['parse', f]).stdout);
  assert.deepEqual(layer.features.map((x: any) => x.properties.name), ['Baku']);
  assert.doesNotMatch(layer.text, /alert|document\.write|Rome/);
});

test('writing into a missing folder is a clear error, and nothing is left behind', () => {
  const r = run(['parse', '-', '--out', join(tmp, 'no/such/dir/out.geojson')], 'Baku');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /folder does not exist/);
});
