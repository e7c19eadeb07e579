// The `article-atlas` command: argument parsing, input and output, exit codes.
// 0 ok, 1 bad input (a message a person can act on), 2 internal error (stack with --debug).

// First: on a too-old Node.js, say so before any library runs.
import './require-node-version.ts';
import { InputError } from '../core/errors.ts';
import { geoparse } from '../core/geoparse.ts';
import { stringifyLayer } from '../core/stringify-layer.ts';
import type { GeoparserModel } from '../core/model.ts';
import type { ArticleLayer, Gazetteer } from '../core/types.ts';
import { loadGazetteer } from '../node/load-gazetteer.ts';
import { loadModel } from '../node/load-model.ts';
import { isUrl, readArticle, type ArticleFormat } from '../extract/read-article.ts';
import { fetchOptions, type FetchArticleOptions } from './fetch-options.ts';
import { rerunForBatch, stopWithParent } from './batch-runtime.ts';
import { checkOptions } from './check-options.ts';
import { parseCommandLine } from './parse-command-line.ts';
import { readFileBytes, readStdin } from './read-input-bytes.ts';
import { removeOnExit } from './remove-on-exit.ts';
import { runJsonLines } from './run-json-lines.ts';
import { openFileAtomic, writeFileAtomic } from './write-file-atomic.ts';
import { seedArticlePath } from './seed-article.ts';
import { isLayerFile } from './is-layer-file.ts';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

const HELP = `article-atlas ${VERSION}: turn a news article into a map layer (GeoJSON), offline.

Usage:
  article-atlas parse [FILE|URL|-]    print the article layer of FILE, a web page (or stdin) as GeoJSON
  article-atlas parse --jsonl         read {"id","text"} (or {"id","url"}) lines on stdin, write one layer per line
  article-atlas build [FILE|URL] -o DIR  write a static explorer site for FILE (default: bundled example)
  article-atlas build A B … -o DIR    one story-map site for many articles (files, URLs, layers, collections, -)
  article-atlas build --jsonl -o DIR  the same from {"id","text" or "url","title","date","source"} lines on stdin
  article-atlas merge LAYER… > C      merge article layers and collections (files, JSON lines, -) into one
  article-atlas serve [FILE|URL]      build the explorer into a temporary folder and serve it on 127.0.0.1
  article-atlas studio [FILE|URL]     serve the studio (paste, drop or fetch an article; FILE shown first)
  article-atlas studio -o DIR         write the studio as static files for any static host

Options (a command refuses the ones it does not take):
  -o, --out PATH     write to PATH (a file for parse, a folder for build and serve) instead of stdout
      --format F     parse, build, serve: input format text, markdown or html (default: from the name or content)
      --to F         parse: write geojson (default), kml or csv (one row per place; see src/export/README.md)
      --pretty       parse, merge: indent the GeoJSON
      --no-text      parse: leave the article text out of the layer
      --stats        parse: print load time and throughput on stderr when done
      --timeout S    parse, build, serve: seconds allowed to fetch a URL (default 20)
      --max-size MB  parse, build, serve: largest web page read (default 20)
  -p, --port N       serve, studio: the port (default: a free one)
      --debug        print stack traces of internal errors
  -h, --help         this help
  -v, --version      the version

Exit codes: 0 ok, 1 bad input, 2 internal error.`;

interface Resources {
  gazetteer: Gazetteer;
  model: GeoparserModel;
}

let resources: Resources | undefined;
function load(): Resources {
  resources ??= { gazetteer: loadGazetteer(), model: loadModel() };
  return resources;
}

async function readInput(file: string | undefined, format: ArticleFormat | undefined, fetching: FetchArticleOptions) {
  if (file && isUrl(file)) return (await import('./fetch-article.ts')).fetchArticle(file, fetching, format);
  const bytes = !file || file === '-' ? await readStdin(process.stdin) : await readFileBytes(file);
  return readArticle(bytes, file && file !== '-' ? file : undefined, format);
}

function toJson(layer: ArticleLayer, pretty: boolean): string {
  return pretty ? JSON.stringify(layer, null, 2) : stringifyLayer(layer);
}

/** The --stats line: load time, geoparsing throughput after the load (output serialisation included), peak memory. */
function stats(loadMs: number, workMs: number, articles: number, chars: number): string {
  const rate = workMs > 0 ? chars / workMs / 1000 : 0;
  const peakMB = process.resourceUsage().maxRSS / 1024;
  return `loaded the gazetteer in ${loadMs.toFixed(0)} ms; geoparsed ${articles} article(s), ${chars} chars in ${workMs.toFixed(0)} ms = ${rate.toFixed(2)} M chars/s; peak RSS ${peakMB.toFixed(0)} MB`;
}

const FORMATS = new Set(['text', 'markdown', 'html']);
/** What `parse --to` writes (issue #17): the layer, or a flat format made by src/export. */
const OUTPUTS = new Set(['geojson', 'kml', 'csv']);

/** The layer as the text `parse --to` asks for; the KML and CSV writers load only when asked for. */
async function writeAs(to: string, layer: ArticleLayer, pretty: boolean): Promise<string> {
  if (to === 'kml') return (await import('../export/layer-to-kml.ts')).layerToKml(layer);
  if (to === 'csv') return (await import('../export/layer-to-csv.ts')).layerToCsv(layer);
  return toJson(layer, pretty) + '\n';
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandLine(argv, {
    out: { type: 'string', short: 'o' },
    format: { type: 'string' },
    to: { type: 'string' },
    pretty: { type: 'boolean' },
    jsonl: { type: 'boolean' },
    'no-text': { type: 'boolean' },
    timeout: { type: 'string' },
    'max-size': { type: 'string' },
    stats: { type: 'boolean' },
    port: { type: 'string', short: 'p' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
    version: { type: 'boolean', short: 'v' },
  });
  if (values.help) return print(HELP);
  if (values.version) return print(VERSION);
  const [command, ...rest] = positionals;
  if (command) checkOptions(command, values);
  if (values.format && !FORMATS.has(values.format))
    throw new InputError(`Unknown --format ${values.format}: use text, markdown or html.`);
  const format = values.format as ArticleFormat | undefined;
  const to = values.to ?? 'geojson';
  if (!OUTPUTS.has(to)) throw new InputError(`Unknown --to ${to}: use geojson, kml or csv.`);
  if (values.pretty && to !== 'geojson') throw new InputError(`--pretty indents GeoJSON; --to ${to} does not take it.`);
  const fetching = fetchOptions(values.timeout, values['max-size']);
  if (command === 'merge' || (command === 'build' && (values.jsonl || rest.length > 1 || rest.some(isLayerFile)))) {
    const { runCollectionCommand } = await import('./collection-command.ts');
    return runCollectionCommand(command, rest, values, {
      resources: load,
      readArticle: (f) => readInput(f, format, fetching),
    });
  }
  if (rest.length > 1) throw new InputError(`Too many arguments: ${rest.join(' ')}. Give one article at a time.`);
  switch (command) {
    case 'parse': {
      if (values.jsonl) {
        if (rest.length) throw new InputError('--jsonl reads stdin; do not give a FILE.');
        const childCode = await rerunForBatch(argv);
        if (childCode !== undefined) return childCode;
        stopWithParent();
        const out = values.out ? await openFileAtomic(values.out, '-') : undefined;
        const t0 = performance.now();
        const { gazetteer, model } = load();
        const t1 = performance.now();
        const { lines, chars, errors } = await runJsonLines(process.stdin, out?.stream ?? process.stdout, {
          gazetteer,
          model,
          includeText: !values['no-text'],
          fetching,
          progress: process.stderr.isTTY ? process.stderr : undefined,
        });
        await out?.commit();
        if (values.stats)
          process.stderr.write(`article-atlas: ${stats(t1 - t0, performance.now() - t1, lines, chars)}\n`);
        if (errors)
          process.stderr.write(
            `article-atlas: ${errors} input line(s) could not be read; their output lines carry an "error".\n`,
          );
        return errors ? 1 : 0;
      }
      const article = await readInput(rest[0], format, fetching);
      const t0 = performance.now();
      const { gazetteer, model } = load();
      const t1 = performance.now();
      const layer = geoparse(article.text, {
        gazetteer,
        model,
        title: article.title,
        article: article.article,
        includeText: !values['no-text'],
      });
      const output = await writeAs(to, layer, !!values.pretty);
      if (values.stats)
        process.stderr.write(`article-atlas: ${stats(t1 - t0, performance.now() - t1, 1, article.text.length)}\n`);
      if (values.out) writeFileAtomic(values.out, output, rest[0] ?? '-');
      else process.stdout.write(output);
      return 0;
    }
    case 'build':
    case 'serve': {
      if (command === 'build' && !values.out)
        throw new InputError('build needs an output folder: article-atlas build ARTICLE -o DIR');
      const port = values.port ? Number(values.port) : 0;
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new InputError(`--port ${values.port} is not a port number.`);
      const file = rest[0] ?? seedArticlePath();
      const article = await readInput(file, format, fetching);
      const { gazetteer, model } = load();
      const layer = geoparse(article.text, { gazetteer, model, title: article.title, article: article.article });
      const { buildSite } = await import('./build-site.ts');
      if (command === 'build') {
        await buildSite(layer, values.out!, { input: file });
        process.stderr.write(
          `article-atlas: wrote the explorer for ${file} to ${values.out} (${layer.features.length} places)\n`,
        );
        return 0;
      }
      const { mkdtempSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const { join } = await import('node:path');
      let dir = values.out;
      if (!dir) {
        dir = mkdtempSync(join(tmpdir(), 'article-atlas-'));
        removeOnExit(dir);
      }
      const files = await buildSite(layer, dir, { input: file });
      const { serveSite } = await import('./serve-site.ts');
      const server = await serveSite(dir, { port, files });
      process.stdout.write(
        `Article Atlas: ${layer.features.length} places in ${file}\nServing the explorer at ${server.url}  (Ctrl+C to stop)\n`,
      );
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      await server.close();
      return 0;
    }
    case 'studio':
      return studio(rest[0], values.out, values.port, format, fetching);
    case undefined:
      process.stderr.write(HELP + '\n');
      return 1;
    default:
      throw new InputError(`Unknown command "${command}". Commands: parse, build, merge, serve, studio (see --help).`);
  }
}

/** `studio -o DIR` writes the static studio; `studio [FILE]` serves it, with FILE mapped first (issue #17). */
async function studio(
  file: string | undefined,
  out: string | undefined,
  portOption: string | undefined,
  format: ArticleFormat | undefined,
  fetching: FetchArticleOptions,
): Promise<number> {
  const { buildStudio } = await import('./build-studio.ts');
  if (out) {
    if (file)
      throw new InputError(
        'studio -o DIR writes the studio without an article; map one in it, or use `build FILE -o DIR` for its site.',
      );
    const files = await buildStudio(out);
    process.stderr.write(`article-atlas: wrote the studio to ${out} (${files.length} files): serve it from any host\n`);
    return 0;
  }
  const port = portOption ? Number(portOption) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new InputError(`--port ${portOption} is not a port number.`);
  let start: ArticleLayer | undefined;
  if (file) {
    const article = await readInput(file, format, fetching);
    const { gazetteer, model } = load();
    start = geoparse(article.text, { gazetteer, model, title: article.title, article: article.article });
  }
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'article-atlas-studio-'));
  removeOnExit(dir);
  const { newToken, serveStudio } = await import('./serve-studio.ts');
  const token = newToken();
  const files = await buildStudio(dir, { session: { token, start } });
  const server = await serveStudio(dir, { port, files, token, fetching });
  process.stdout.write(
    `Serving the studio at ${server.url}  (Ctrl+C to stop)\n` +
      (start ? `Article Atlas: ${start.features.length} places in ${file}, shown first\n` : ''),
  );
  await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
  await server.close();
  return 0;
}

function print(s: string): number {
  process.stdout.write(s + '\n');
  return 0;
}

const debug = process.argv.includes('--debug');
// A reader that goes away (`… | head -1`) ends the command quietly, as it ends any Unix filter (issue #19).
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(0);
});
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof InputError || (e as { code?: string })?.code?.startsWith?.('ERR_PARSE_ARGS')) {
      process.stderr.write(`article-atlas: ${(e as Error).message}\n`);
      process.exitCode = 1;
    } else if ((e as NodeJS.ErrnoException)?.code === 'EPIPE') {
      process.exitCode = 0;
    } else {
      process.stderr.write(
        `article-atlas: internal error: ${(e as Error)?.message ?? e}\n${debug ? ((e as Error)?.stack ?? '') + '\n' : 'Run again with --debug for details, and report it.\n'}`,
      );
      process.exitCode = 2;
    }
  },
);
