// `article-atlas merge LAYER…` (issue #18): article layers and collections, from files or stdin, each a
// GeoJSON file or JSON lines of layers (`parse --jsonl` output), folded into one collection on stdout.
// Inputs are read one record at a time, so memory holds the collection, not every input at once.

import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { InputError } from '../core/errors.ts';
import { CollectionBuilder, checkMergeInput, type CollectionLayer } from '../core/merge-layers.ts';
import type { ArticleLayer } from '../core/types.ts';

/** What went wrong with one input (a file, or a line of one); the rest is still merged. */
export interface InputProblem {
  where: string;
  message: string;
}

function openInput(file: string): Readable {
  if (file === '-') {
    if (process.stdin.isTTY)
      throw new InputError('No input on stdin: pipe layers in, or give LAYER files (see --help).');
    return process.stdin;
  }
  return createReadStream(file);
}

/** Explains a file that cannot be opened, as the other commands do. */
function explainOpenError(e: NodeJS.ErrnoException, file: string): string {
  if (e.code === 'ENOENT') return `no such file: ${file}`;
  if (e.code === 'EISDIR') return `${file} is a folder; give layer files`;
  if (e.code === 'EACCES') return `no permission to read ${file}`;
  return e.message;
}

/**
 * Reads layers and collections from `file` (`-` for stdin), calling `each` per record. A file whose first
 * line is a whole JSON value is JSON lines (one layer per line); otherwise the file is one JSON document.
 * @example for await (const p of readLayers('shard-1.jsonl', (x) => builder.add(x))) console.error(p.message)
 */
export async function readLayers(
  file: string,
  each: (input: ArticleLayer | CollectionLayer) => void,
): Promise<InputProblem[]> {
  const name = file === '-' ? 'stdin' : file;
  const problems: InputProblem[] = [];
  const stream = openInput(file);
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => {});
  const rl = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNo = 0;
  let mode: 'lines' | 'document' | undefined;
  const doc: string[] = [];
  const take = (text: string, where: string, line = 1) => {
    try {
      const data = JSON.parse(text) as { error?: unknown; id?: unknown; articles?: unknown };
      if (data && typeof data === 'object' && typeof data.error === 'string')
        throw new InputError(`${where} is an error record (${data.error.replace(/\.$/, '')}), not a layer`);
      // A layer from `parse FILE` has no id: its file name stands in for it (with the line number after the first).
      if (file !== '-' && data && typeof data === 'object' && !('articles' in data) && data.id == null) {
        data.id = basename(file).replace(/\.[^.]*$/, '') + (line > 1 ? `-${line}` : '');
      }
      each(checkMergeInput(data, where));
    } catch (e) {
      if (e instanceof SyntaxError) problems.push({ where, message: `${where} is not JSON` });
      else if (e instanceof InputError) problems.push({ where, message: e.message });
      else throw e;
    }
  };
  try {
    const lines = rl[Symbol.asyncIterator]();
    for (;;) {
      const next = await Promise.race([lines.next(), failed]);
      if (next.done) break;
      const line = next.value;
      lineNo++;
      if (mode === 'document') {
        doc.push(line);
        continue;
      }
      if (!line.trim()) continue;
      if (mode === undefined) {
        try {
          JSON.parse(line);
          mode = 'lines';
        } catch {
          mode = 'document';
          doc.push(line);
          continue;
        }
      }
      take(line, `${name} line ${lineNo}`, lineNo);
    }
  } catch (e) {
    return [{ where: name, message: explainOpenError(e as NodeJS.ErrnoException, name) }];
  }
  if (mode === 'document') take(doc.join('\n'), name);
  if (mode === undefined) problems.push({ where: name, message: `${name} is empty` });
  return problems;
}

/**
 * Merges the inputs into `builder` and reports each bad input on stderr. Resolves with the problems.
 * @example const problems = await mergeFiles(['a.geojson', 'b.geojson'], builder)
 */
export async function mergeFiles(files: string[], builder: CollectionBuilder): Promise<InputProblem[]> {
  if (!files.length)
    throw new InputError(
      'merge needs layers: article-atlas merge LAYER… > collection.geojson (files, or - for stdin).',
    );
  const problems: InputProblem[] = [];
  for (const f of files) {
    for (const p of await readLayers(f, (x) => builder.add(x))) {
      problems.push(p);
      process.stderr.write(`article-atlas: ${p.message.replace(/\.$/, '')}; left out.\n`);
    }
  }
  return problems;
}
