// Benchmark (prints figures, asserts nothing): gazetteer cold load in a fresh process, the CLI's
// JSON-lines mode over the dev corpora (throughput after load, as `--stats` reports it), in-process
// passes, peak RSS, and compromise's places() on the same input in the same run as a reference point.
//   npm run bench
// Reads ../shared/eval/dev when it exists; otherwise it uses the bundled seed article only.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';

const ROOT = new URL('../..', import.meta.url).pathname;
// Measure the product as shipped: the esbuild bundle (`npm run bench` builds it first).
const { geoparse, loadGazetteer, loadModel } = await import(join(ROOT, 'dist/index.js'));
const DEV = join(ROOT, '../shared/eval/dev');

function texts(): { name: string; texts: string[] } {
  if (existsSync(DEV)) {
    const all: string[] = [];
    for (const c of ['geowebnews', 'tr_news', 'seed'])
      for (const l of readFileSync(join(DEV, `${c}.jsonl`), 'utf8').split('\n'))
        if (l.trim()) all.push(JSON.parse(l).text);
    return { name: 'dev corpora (GeoWebNews, TR-News, seed)', texts: all };
  }
  console.log(`bench: ${DEV} not found; using the bundled seed article ×50`);
  return {
    name: 'seed ×50',
    texts: Array(50).fill(readFileSync(join(ROOT, 'test/fixtures/seed/article.txt'), 'utf8')),
  };
}

// 1. Cold load in a fresh process (what a CLI run pays), three times, best and median.
const coldScript = `
const t0 = performance.now();
const { loadGazetteer } = await import(${JSON.stringify(join(ROOT, 'dist/index.js'))});
const t1 = performance.now();
const g = loadGazetteer();
const t2 = performance.now();
g.lookup('baku'); g.lookup('yerevan');
console.log(JSON.stringify({ importMs: t1 - t0, loadMs: t2 - t1, rssMB: process.memoryUsage().rss / 1048576 }));`;
const colds = [0, 1, 2].map(() =>
  JSON.parse(execFileSync('node', ['--input-type=module', '-e', coldScript], { encoding: 'utf8' })),
);
colds.sort((a, b) => a.loadMs - b.loadMs);
console.log(
  `gazetteer cold load: ${colds[1].loadMs.toFixed(0)} ms median (best ${colds[0].loadMs.toFixed(0)} ms; module import ${colds[1].importMs.toFixed(0)} ms), RSS after load ${colds[1].rssMB.toFixed(0)} MB`,
);

// 2. The command as batches run it: `article-atlas parse --jsonl` over the corpora on stdin, in a fresh
// process each time; --stats reports the load and the throughput after it (output serialisation included).
const { name, texts: docs } = texts();
const chars = docs.reduce((n, t) => n + t.length, 0);
const jsonl = docs.map((text, i) => JSON.stringify({ id: String(i), text })).join('\n') + '\n';
const cliRuns: Array<{ loadMs: number; workMs: number; rate: number; rssMB: number; wallMs: number }> = [];
for (let run = 0; run < 5; run++) {
  const w0 = performance.now();
  const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'parse', '--jsonl', '--stats'], {
    input: jsonl,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const m =
    /loaded the gazetteer in (\d+) ms; geoparsed \d+ article\(s\), \d+ chars in (\d+) ms = ([\d.]+) M chars\/s; peak RSS (\d+) MB/.exec(
      r.stderr ?? '',
    );
  if (!m) throw new Error(`bench: no --stats line from the CLI:\n${r.stderr}`);
  cliRuns.push({
    loadMs: Number(m[1]),
    workMs: Number(m[2]),
    rate: Number(m[3]),
    rssMB: Number(m[4]),
    wallMs: performance.now() - w0,
  });
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(
  `article-atlas parse --jsonl (5 fresh processes), ${docs.length} articles, ${(chars / 1e6).toFixed(2)} M chars of ${name}:`,
);
console.log(
  `  after load: median ${median(cliRuns.map((r) => r.rate)).toFixed(2)} M chars/s (runs: ${cliRuns.map((r) => r.rate.toFixed(2)).join(', ')}); load ${median(cliRuns.map((r) => r.loadMs))} ms; peak RSS ${median(cliRuns.map((r) => r.rssMB)).toFixed(0)} MB`,
);
const wall = median(cliRuns.map((r) => r.wallMs));
console.log(
  `  whole command (process start, load, batch, exit): median ${wall.toFixed(0)} ms = ${(chars / wall / 1000).toFixed(2)} M chars/s`,
);

// 3. In this process: the first pass meets every name, row and shape for the first time (lazy
// parsing, JIT warm-up), as the CLI's single pass does; later passes show a long batch's steady state.
const gazetteer = loadGazetteer();
const model = loadModel();
let t = 0;
let s = 0;
let places = 0;
for (let pass = 1; pass <= 3; pass++) {
  places = 0;
  t = performance.now();
  for (const d of docs) places += geoparse(d, { gazetteer, model, includeText: false }).features.length;
  s = (performance.now() - t) / 1000;
  console.log(
    `in-process geoparse, pass ${pass}: ${(chars / s / 1e6).toFixed(2)} M chars/s (${s.toFixed(2)} s, ${places} places)`,
  );
}
console.log(`peak RSS of this process: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

// 4. compromise places() on the same input, same run.
t = performance.now();
let found = 0;
for (const d of docs) found += nlp(d).places().out('array').length;
s = (performance.now() - t) / 1000;
console.log(`compromise places(): ${(chars / s / 1e6).toFixed(2)} M chars/s (${found} place strings, no coordinates)`);
console.log(`peak RSS after compromise: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
