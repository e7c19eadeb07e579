// Reads the model trainer's corpora into labelled documents: the news corpora of ../shared/eval/dev
// (place spans with coordinates) and the NER corpora of ../shared/data/ner (IOB2 tokens, share-alike left out).

import { existsSync, readFileSync } from 'node:fs';

/** A gold span of a training document. */
export interface Gold {
  start: number;
  end: number;
  /** 1 place, 0 not a place, -1 don't train (optional or adjective in a corpus that does not mark them). */
  label: 1 | 0 | -1;
  lat?: number;
  lon?: number;
  geonameid?: number | null;
}

export interface Doc {
  id: string;
  text: string;
  gold: Gold[];
  /** Dev corpora also train the ranker and define fold membership. */
  dev: boolean;
  /** NER corpora do not mark adjectives consistently as places. */
  skipAdjectives: boolean;
  corpus?: string;
  /** The dev article as read, written out again for a held-out set. */
  source?: DevArticle;
}

/** A line of a dev corpus (the scorer's format, ../shared/eval/README.md). */
export interface DevArticle {
  id: string;
  text: string;
  toponyms: Array<{ start: number; end: number; type?: string; lat?: number; lon?: number; geonameid?: number | null }>;
}

/** A line of an NER corpus (../shared/data/ner/SOURCE.md): one sentence, tokens and IOB2 tags. */
export interface NerRecord {
  id: string;
  doc?: string;
  licence?: string;
  split?: string;
  tokens: string[];
  tags?: string[];
  /** LitBank: every nesting layer, innermost first. */
  tag_layers?: string[][];
}

export const DEV_CORPORA = ['geowebnews', 'tr_news'];
export const NER_FILES = ['wikigold', 'wnut17', 'btc', 'gum', 'litbank'];
/** The corpora's own label names for places and for other names (people, organisations). */
export const PLACE_TAGS = new Set(['LOC', 'location', 'place', 'Location', 'GPE', 'country']);
const OTHER_NAME_TAGS = new Set([
  'PER',
  'ORG',
  'person',
  'corporation',
  'group',
  'organization',
  'Person',
  'Organisation',
]);

function readJsonl<T>(path: string): T[] {
  if (!existsSync(path)) throw new Error(`train-model: ${path} not found (see geo/train/README.md for the data)`);
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as T);
}

/**
 * The dev news articles, in corpus order, with toponym-optional spans as "don't train".
 *
 * @example
 * readDevDocs('../shared')[0].corpus // 'geowebnews'
 */
export function readDevDocs(shared: string): Doc[] {
  const docs: Doc[] = [];
  for (const corpus of DEV_CORPORA) {
    for (const article of readJsonl<DevArticle>(`${shared}/eval/dev/${corpus}.jsonl`)) {
      const gold: Gold[] = article.toponyms.map((t) => ({
        start: t.start,
        end: t.end,
        label: t.type === 'toponym-optional' ? -1 : 1,
        lat: t.lat,
        lon: t.lon,
        geonameid: t.geonameid,
      }));
      docs.push({
        corpus,
        id: article.id,
        text: article.text,
        dev: true,
        skipAdjectives: false,
        gold,
        source: article,
      });
    }
  }
  return docs;
}

/**
 * The NER records per file, without share-alike records (attribution-only licences are kept).
 *
 * @example
 * readNerRecords('../shared').get('wikigold')!.length // its sentences
 */
export function readNerRecords(shared: string): Map<string, NerRecord[]> {
  const byFile = new Map<string, NerRecord[]>();
  for (const file of NER_FILES) {
    const records = readJsonl<NerRecord>(`${shared}/data/ner/${file}.jsonl`);
    byFile.set(
      file,
      records.filter((r) => !(r.licence && /SA/.test(r.licence))),
    );
  }
  return byFile;
}

/** The tags of a record; LitBank's innermost layer. */
export function tagsOf(record: NerRecord): string[] {
  return record.tags ?? record.tag_layers?.[0] ?? [];
}

/**
 * One document per source document of the NER records (sentences joined; test splits left out), with
 * places as positives and people and organisations as negatives.
 *
 * @example
 * nerDocs(readNerRecords('../shared'))[0].id // 'wikigold:…'
 */
export function nerDocs(records: Map<string, NerRecord[]>): Doc[] {
  const docs: Doc[] = [];
  for (const [file, all] of records) {
    const byDoc = new Map<string, NerRecord[]>();
    for (const r of all) {
      if (r.split === 'test') continue;
      const key = r.doc ?? r.id;
      const list = byDoc.get(key);
      if (list) list.push(r);
      else byDoc.set(key, [r]);
    }
    for (const [id, sentences] of byDoc) docs.push(nerDoc(`${file}:${id}`, sentences));
  }
  return docs;
}

function nerDoc(id: string, sentences: NerRecord[]): Doc {
  let text = '';
  const gold: Gold[] = [];
  const close = (entity: { start: number; end: number; type: string }) => {
    const label = PLACE_TAGS.has(entity.type) ? 1 : OTHER_NAME_TAGS.has(entity.type) ? 0 : -1;
    gold.push({ start: entity.start, end: entity.end, label });
  };
  for (const sentence of sentences) {
    const tags = tagsOf(sentence);
    let open: { start: number; end: number; type: string } | null = null;
    for (let i = 0; i < sentence.tokens.length; i++) {
      const token = sentence.tokens[i];
      const start = text.length;
      text += token + ' ';
      const tag = tags[i];
      if ((tag.startsWith('B-') || tag === 'O') && open) {
        close(open);
        open = null;
      }
      if (tag.startsWith('B-')) open = { start, end: start + token.length, type: tag.slice(2) };
      else if (tag.startsWith('I-') && open) open.end = start + token.length;
    }
    if (open) close(open);
    text += '\n\n';
  }
  return { id, text, gold, dev: false, skipAdjectives: true };
}
