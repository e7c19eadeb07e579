// Batch mode, the evaluation contract: {"id","text"} per input line → one FeatureCollection line with
// that id per input line, in order. A line may give a web page's "url" instead of "text" (issue #16): the
// page is fetched and its metadata kept. A bad line yields {"id","error"} and processing goes on.
// Streams, so memory stays bounded on large batches.

import type { Readable, Writable } from 'node:stream';
import { InputError } from '../core/errors.ts';
import { geoparse } from '../core/geoparse.ts';
import type { GeoparserModel } from '../core/model.ts';
import { encodeLayer } from '../core/stringify-layer.ts';
import type { Gazetteer } from '../core/types.ts';
import { readLines } from './read-lines.ts';
import type { FetchArticleOptions } from './fetch-options.ts';

export interface RunJsonLinesOptions {
  gazetteer: Gazetteer;
  model: GeoparserModel;
  includeText?: boolean;
  /** Limits for lines that give a "url". */
  fetching?: FetchArticleOptions;
  /** Where to draw a progress count (a TTY), if anywhere. */
  progress?: NodeJS.WriteStream;
}

/** Longest text accepted on one line (characters). */
const MAX_LINE_CHARS = 64 * 1024 * 1024;
/**
 * Longest input line read (bytes): room for the longest text with JSON's escapes; a longer line is
 * reported without being held in memory, so an endless line cannot fill it (issue #19).
 */
const MAX_LINE_BYTES = 2 * MAX_LINE_CHARS;

/** Parses one input line, or says what is wrong with it. */
export function parseInputLine(
  line: string,
): { id: string; text: string } | { id: string; url: string } | { id: string | null; error: string } {
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch {
    return { id: null, error: 'not a JSON object: each line must be {"id": "...", "text": "..."}' };
  }
  if (!obj || typeof obj !== 'object' || Array.isArray(obj))
    return { id: null, error: 'not a JSON object: each line must be {"id": "...", "text": "..."}' };
  const record = obj as Record<string, unknown>;
  const id = typeof record.id === 'string' || typeof record.id === 'number' ? String(record.id) : null;
  if (id === null) return { id: null, error: 'missing "id" (a string or number)' };
  if (typeof record.text !== 'string' && typeof record.url === 'string') return { id, url: record.url };
  if (typeof record.text !== 'string') return { id, error: 'missing "text" (a string), or "url"' };
  if (record.text.length > MAX_LINE_CHARS) return { id, error: `"text" is longer than ${MAX_LINE_CHARS} characters` };
  return { id, text: record.text };
}

/**
 * Geoparses a JSON-lines stream. Resolves with the number of lines, of lines that had errors, and of
 * characters geoparsed.
 *
 * @example
 * await runJsonLines(process.stdin, process.stdout, { gazetteer, model })
 */
export async function runJsonLines(
  input: Readable,
  output: Writable,
  options: RunJsonLinesOptions,
): Promise<{ lines: number; errors: number; chars: number }> {
  const { gazetteer, model, includeText = false, progress } = options;
  let lines = 0;
  let errors = 0;
  let chars = 0;
  const started = Date.now();
  // The total is unknown on a stream, so the bar is a running count with the rate.
  const draw = (end = false) => {
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    progress!.write(
      `\r\x1b[2K${lines} articles · ${(chars / 1e6).toFixed(1)} M chars · ${(chars / seconds / 1e6).toFixed(2)} M chars/s${errors ? ` · ${errors} bad lines` : ''}${end ? '\n' : ''}`,
    );
  };
  // A destroyed output (its file could not be written) never drains: the batch then stops.
  const drained = () =>
    new Promise<void>((r) => {
      const done = () => {
        output.off('drain', done);
        output.off('close', done);
        r();
      };
      output.on('drain', done);
      output.on('close', done);
    });
  for await (const line of readLines(input, { maxBytes: MAX_LINE_BYTES })) {
    if ('text' in line && !line.text.trim()) continue;
    lines++;
    // Numbered by physical line (blank lines count), as an editor shows them.
    const parsed = 'error' in line ? { id: null, error: line.error } : parseInputLine(line.text.trim());
    let out: string | Uint8Array;
    if ('url' in parsed) {
      try {
        const { fetchArticle } = await import('./fetch-article.ts');
        const article = await fetchArticle(parsed.url, options.fetching);
        out = encodeLayer(
          geoparse(article.text, {
            gazetteer,
            model,
            id: parsed.id,
            title: article.title,
            article: article.article,
            includeText,
          }),
          '\n',
        );
        chars += article.text.length;
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        errors++;
        out =
          JSON.stringify({
            type: 'FeatureCollection',
            id: parsed.id,
            features: [],
            error: `line ${lines}: ${e.message}`,
          }) + '\n';
      }
    } else if ('error' in parsed) {
      errors++;
      out =
        JSON.stringify({
          type: 'FeatureCollection',
          id: parsed.id,
          features: [],
          error: `line ${line.n}: ${parsed.error}`,
        }) + '\n';
    } else {
      out = encodeLayer(geoparse(parsed.text, { gazetteer, model, id: parsed.id, includeText }), '\n');
      chars += parsed.text.length;
    }
    if (output.destroyed) break;
    if (!output.write(out)) await drained();
    if (progress && lines % 25 === 0) draw();
  }
  if (progress && lines > 0) draw(true);
  return { lines, errors, chars };
}
