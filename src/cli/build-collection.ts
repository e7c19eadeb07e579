// `article-atlas build A B C … -o DIR` (files, URLs, `-`) and `build --jsonl -o DIR` (issue #18): one site for many
// articles. Streams: each article is geoparsed, its text written to articles/<id>.txt and its places folded
// into the collection before the next is read, so memory holds the places and mentions, never every text.
// Layer and collection files (`.geojson`, `.json`) join without geoparsing (a sharded run's merge output).

import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { InputError } from '../core/errors.ts';
import { geoparse } from '../core/geoparse.ts';
import {
  articleFileStem,
  CollectionBuilder,
  isCollection,
  stringifyCollection,
  type CollectionArticle,
} from '../core/merge-layers.ts';
import type { GeoparserModel } from '../core/model.ts';
import type { Gazetteer } from '../core/types.ts';
import { copySite } from './build-site.ts';
import { isLayerFile } from './is-layer-file.ts';
import { readLayers, type InputProblem } from './merge-command.ts';
import { isUrl, type ReadArticle } from '../extract/read-article.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export interface BuildCollectionOptions {
  /** Loads the gazetteer and model (once, on the first article that needs geoparsing). */
  resources(): { gazetteer: Gazetteer; model: GeoparserModel };
  /** Reads an article file (`-` for stdin) as the other commands do. */
  readArticle(file: string): Promise<ReadArticle>;
  /** Folder with the built explorer (tests); found beside the CLI by default. */
  siteDir?: string;
}

/** What a page says about itself, as an article's metadata (a fetched page's date, outlet and address). */
function pageMeta(read: ReadArticle): Omit<CollectionArticle, 'id'> {
  const a = read.article ?? {};
  return { title: read.title, date: a.published, source: a.siteName, url: a.url };
}

/** Metadata a JSON line may carry besides id and text. */
const META = ['title', 'date', 'source', 'url'] as const;

/**
 * One JSON line of `build --jsonl`: the article, or what is wrong with the line. A line with a `url` and
 * no `text` is an article to fetch (`text` is then absent).
 */
export function parseArticleLine(
  line: string,
): { id: string; text?: string; meta: Omit<CollectionArticle, 'id'> } | { error: string } {
  let o: Record<string, unknown>;
  try {
    o = JSON.parse(line);
  } catch {
    return { error: 'not JSON: each line must be {"id": "...", "text": "..."} (plus title, date, url, source)' };
  }
  if (!o || typeof o !== 'object' || Array.isArray(o))
    return { error: 'not a JSON object: each line must be {"id": "...", "text": "..."}' };
  if (typeof o.id !== 'string' && typeof o.id !== 'number') return { error: 'missing "id" (a string or number)' };
  const meta: Omit<CollectionArticle, 'id'> = {};
  for (const k of META) {
    if (o[k] === undefined || o[k] === null) continue;
    if (typeof o[k] !== 'string') return { error: `article ${o.id}: "${k}" must be a string` };
    meta[k] = o[k] as string;
  }
  if ((o.text === undefined || o.text === null) && meta.url !== undefined) {
    if (!isUrl(meta.url)) return { error: `article ${o.id}: "url" must be an http or https address to fetch` };
    return { id: String(o.id), meta };
  }
  if (typeof o.text !== 'string' || !o.text.trim())
    return { error: `article ${o.id}: missing "text" (a non-empty string, or a "url" to fetch instead)` };
  return { id: String(o.id), text: o.text, meta };
}

/** The site writer: one text file per article as it comes, the collection and the page at the end. */
class CollectionSite {
  readonly builder = new CollectionBuilder({ texts: 'files' });
  readonly problems: InputProblem[] = [];
  private readonly seen = new Set<string>();
  places = 0;
  constructor(
    readonly outDir: string,
    private readonly options: BuildCollectionOptions,
  ) {
    mkdirSync(join(outDir, 'articles'), { recursive: true });
  }

  /** Geoparses one article, writes its text and folds it in. */
  addArticle(id: string, text: string, meta: Omit<CollectionArticle, 'id'>): void {
    if (this.seen.has(id))
      process.stderr.write(`article-atlas: article id ${id} appears twice; both are merged under it.\n`);
    this.seen.add(id);
    const { gazetteer, model } = this.options.resources();
    const layer = geoparse(text, { gazetteer, model, id, title: meta.title });
    writeFileAtomic(join(this.outDir, 'articles', `${articleFileStem(id)}.txt`), text);
    this.builder.add(layer, meta);
  }

  problem(where: string, message: string): void {
    this.problems.push({ where, message });
    process.stderr.write(`article-atlas: ${where}: ${message.replace(/\.$/, '')}; left out, the rest is built.\n`);
  }

  /** Writes collection.geojson and the explorer page set to show it. */
  finish(): number {
    const collection = this.builder.toCollection();
    writeFileAtomic(join(this.outDir, 'collection.geojson'), stringifyCollection(collection) + '\n');
    copySite(this.outDir, this.options.siteDir);
    // The page shows collection.geojson; layer.geojson and article.txt of a one-article site do not exist here.
    const index = join(this.outDir, 'index.html');
    const html = readFileSync(index, 'utf8')
      .replace('<div id="app">', '<div id="app" data-src="collection.geojson">')
      .replace('<link rel="preload" href="layer.geojson"', '<link rel="preload" href="collection.geojson"')
      .replace(/layer\.geojson and article\.txt/, 'collection.geojson and articles/');
    writeFileAtomic(index, html);
    this.places = collection.features.length;
    return collection.articles.length;
  }
}

/**
 * Builds one site from article files, layer files and collections (`-` reads an article from stdin).
 * @example await buildCollection(['a.txt', 'b.md'], 'site', options)
 */
export async function buildCollection(files: string[], outDir: string, options: BuildCollectionOptions) {
  const site = new CollectionSite(outDir, options);
  const ids = new Set<string>();
  for (const file of files) {
    if (file !== '-' && isLayerFile(file)) {
      for (const p of await readLayers(file, (x) => addLayerInput(site, x, dirname(file))))
        site.problem(p.where, p.message);
      continue;
    }
    let article: ReadArticle;
    try {
      article = await options.readArticle(file);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      site.problem(file, e.message);
      continue;
    }
    // The file name without its extension, made unique: two "index.html" become index and index-2. A URL's
    // last path segment the same way (https://example.com/news/storm.html → storm).
    const path = isUrl(file) ? new URL(file).pathname.replace(/\/+$/, '') : file;
    const stem = file === '-' ? 'stdin' : basename(path).replace(/\.[^.]*$/, '') || 'article';
    let id = stem;
    for (let n = 2; ids.has(id); n++) id = `${stem}-${n}`;
    ids.add(id);
    site.addArticle(id, article.text, pageMeta(article));
  }
  return { articles: site.finish(), places: site.places, problems: site.problems };
}

/**
 * A layer or collection: texts it carries inline go to files like a geoparsed article's, and a site's
 * collection brings the text files beside it (`build shard-1.site/collection.geojson … -o site`).
 */
function addLayerInput(site: CollectionSite, x: Parameters<CollectionBuilder['add']>[0], fromDir: string): void {
  const articles = isCollection(x) ? x.articles : [{ id: x.id!, text: x.text, textFile: undefined }];
  for (const a of articles) {
    const to = join(site.outDir, 'articles', `${articleFileStem(a.id)}.txt`);
    if (typeof a.text === 'string') writeFileAtomic(to, a.text);
    else if (typeof a.textFile === 'string' && /^articles\/[A-Za-z0-9_-]+\.txt$/.test(a.textFile)) {
      const from = join(fromDir, a.textFile);
      if (existsSync(from) && resolve(from) !== resolve(to)) writeFileAtomic(to, readFileSync(from));
    }
  }
  site.builder.add(x);
}

/**
 * Builds one site from JSON lines on `input`; a malformed line is reported with its number and the rest
 * is built.
 * @example await buildCollectionFromLines(process.stdin, 'site', options)
 */
export async function buildCollectionFromLines(input: Readable, outDir: string, options: BuildCollectionOptions) {
  const site = new CollectionSite(outDir, options);
  let n = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    n++;
    if (!line.trim()) continue;
    const parsed = parseArticleLine(line);
    if ('error' in parsed) site.problem(`line ${n}`, parsed.error);
    else if (parsed.text !== undefined) site.addArticle(parsed.id, parsed.text, parsed.meta);
    else {
      // A line with a url and no text: the page is fetched (as `parse URL` does); the line's metadata wins.
      let page: ReadArticle;
      try {
        page = await options.readArticle(parsed.meta.url!);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        site.problem(`line ${n}`, e.message);
        continue;
      }
      const fetched = pageMeta(page);
      const meta = { ...fetched, ...Object.fromEntries(Object.entries(parsed.meta).filter(([, v]) => v)) };
      site.addArticle(parsed.id, page.text, meta);
    }
  }
  return { articles: site.finish(), places: site.places, problems: site.problems };
}
