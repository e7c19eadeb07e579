// Leave-one-corpus-out scores: for each dev corpus, trains a model without it (train-model.ts
// --holdout-corpus) and scores the built CLI with that model on the corpus it never saw.
//
//   npx tsx geo/train/score-holdout.ts [--corpus geowebnews,tr_news] [--dir /tmp/holdout] [--no-train] [--in-sample]
//
// --no-train reuses the models already in --dir; --in-sample also scores the committed model on each corpus.
// Reads ../shared/eval and ../shared/data in place (never copies them); needs `npm run build` first.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = new URL('../..', import.meta.url).pathname;
const { values } = parseArgs({
  options: {
    corpus: { type: 'string' },
    dir: { type: 'string' },
    'no-train': { type: 'boolean' },
    'in-sample': { type: 'boolean' },
    shared: { type: 'string' },
  },
});
const SHARED = values.shared ?? join(ROOT, '../shared');
if (!existsSync(join(SHARED, 'eval/score.mjs'))) {
  console.log(`score-holdout: ${SHARED}/eval/score.mjs not found: the evaluation corpora are not on this machine.`);
  process.exit(0);
}
const DIR = values.dir ?? '/tmp/article-atlas-holdout';
const corpora = (values.corpus ?? 'geowebnews,tr_news').split(',');
const DATA = join(ROOT, 'geo/data');

/** Scores the CLI on one corpus with the artifacts in `dataDir`; returns the scorer's report. */
function score(corpus: string, dataDir: string): any {
  const out = execFileSync(
    'node',
    [
      join(SHARED, 'eval/score.mjs'),
      '--corpus',
      join(SHARED, 'eval/dev', `${corpus}.jsonl`),
      '--cmd',
      `node ${join(ROOT, 'dist/cli.js')} parse --jsonl --no-text`,
    ],
    { encoding: 'utf8', maxBuffer: 1 << 28, env: { ...process.env, ARTICLE_ATLAS_DATA: dataDir } },
  );
  return JSON.parse(out);
}

const f = (x: number | undefined) => (x === undefined ? '   -  ' : x.toFixed(3).padStart(6));
const row = (label: string, r: any) =>
  `${label.padEnd(24)} ${f(r.recognition.precision)}  ${f(r.recognition.recall)}  ${f(r.recognition.f1)}  ${f(r.resolution?.acc161)}  ${f(r.end_to_end_161km.f1)}  ${f(r.adjectival?.f1)}`;

console.log('                         rec P   rec R   rec F1  acc161  e2e F1  adj F1');
for (const c of corpora) {
  const dir = join(DIR, c);
  mkdirSync(dir, { recursive: true });
  for (const file of ['places.tsv', 'names.tsv', 'shapes.topo.json']) {
    rmSync(join(dir, file), { force: true });
    symlinkSync(join(DATA, file), join(dir, file));
  }
  if (!values['no-train']) {
    execFileSync(
      'npx',
      [
        'tsx',
        join(ROOT, 'geo/train/train-model.ts'),
        '--holdout-corpus',
        c,
        '--out',
        join(dir, 'model.json'),
        '--shared',
        SHARED,
      ],
      {
        stdio: ['ignore', 'ignore', 'ignore'],
      },
    );
  }
  const r = score(c, dir);
  writeFileSync(join(dir, 'score.json'), JSON.stringify(r, null, 1));
  console.log(row(`${c}, unseen`, r));
  if (values['in-sample']) console.log(row(`${c}, in-sample`, score(c, DATA)));
}
