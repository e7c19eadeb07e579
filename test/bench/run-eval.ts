// Scores the built CLI on the shared evaluation corpora with ../shared/eval/score.mjs and prints a
// table (recognition P/R/F1, acc161, end-to-end F1, adjectival F1, areas as polygons, speed).
//   npm run eval [-- --corpus seed,geowebnews,tr_news] [--json-out DIR]
// Reads ../shared/eval when it exists and says so when it does not; it never copies the corpora.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = new URL('../..', import.meta.url).pathname;
const EVAL = process.env.ARTICLE_ATLAS_EVAL ?? join(ROOT, '../shared/eval');
const { values } = parseArgs({
  options: { corpus: { type: 'string' }, 'json-out': { type: 'string' }, cmd: { type: 'string' } },
});
if (!existsSync(join(EVAL, 'score.mjs'))) {
  console.log(`eval: ${EVAL}/score.mjs not found: the evaluation corpora are not on this machine, nothing to score.`);
  process.exit(0);
}
const bin = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).bin['article-atlas'];
const cmd = values.cmd ?? `node ${join(ROOT, bin)} parse --jsonl --no-text`;
const corpora = (values.corpus ?? 'seed,geowebnews,tr_news').split(',');
console.log('corpus        rec P   rec R   rec F1  acc161  e2e F1  adj F1  polygons  chars/s');
for (const c of corpora) {
  const file = join(EVAL, 'dev', `${c}.jsonl`);
  const out = execFileSync('node', [join(EVAL, 'score.mjs'), '--corpus', file, '--cmd', cmd], {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  });
  const r = JSON.parse(out);
  if (values['json-out']) writeFileSync(join(values['json-out'], `${c}.json`), out);
  const f = (x: number | undefined) => (x === undefined ? '   -  ' : x.toFixed(3).padStart(6));
  console.log(
    `${c.padEnd(12)} ${f(r.recognition.precision)}  ${f(r.recognition.recall)}  ${f(r.recognition.f1)}  ${f(r.resolution?.acc161)}  ${f(r.end_to_end_161km.f1)}  ${f(r.adjectival?.f1)}  ${r.areas_as_polygons ? `${r.areas_as_polygons.polygons}/${r.areas_as_polygons.scored}`.padStart(8) : '      - '}  ${String(r.chars_per_second).padStart(7)}`,
  );
}
