// The story-map commands (issue #18), hooked into main.ts: `merge LAYER…` to stdout, and `build` of one
// site for many articles (files, layers, collections or --jsonl on stdin). Exit 1 when an input was left
// out (each one reported), after the rest is written.

import { InputError } from '../core/errors.ts';
import { CollectionBuilder, stringifyCollection } from '../core/merge-layers.ts';
import { buildCollection, buildCollectionFromLines, type BuildCollectionOptions } from './build-collection.ts';
import { mergeFiles } from './merge-command.ts';

/** The options main.ts parsed that these commands read. */
interface Values {
  out?: string;
  jsonl?: boolean;
  pretty?: boolean;
}

/**
 * Runs `merge` or a collection `build`; resolves with the exit code.
 * @example await runCollectionCommand('merge', ['a.geojson', 'b.geojson'], {}, options)
 */
export async function runCollectionCommand(
  command: 'merge' | 'build',
  files: string[],
  values: Values,
  options: BuildCollectionOptions,
): Promise<number> {
  if (command === 'merge') {
    if (values.out || values.jsonl)
      throw new InputError(
        'merge writes the collection to stdout and reads layer files or JSON lines by itself: article-atlas merge LAYER… > collection.geojson',
      );
    const builder = new CollectionBuilder();
    const problems = await mergeFiles(files, builder);
    const c = builder.toCollection();
    const json = values.pretty ? JSON.stringify(c, null, 2) : stringifyCollection(c);
    await new Promise<void>((resolve, reject) => process.stdout.write(json + '\n', (e) => (e ? reject(e) : resolve())));
    return problems.length ? 1 : 0;
  }
  if (!values.out)
    throw new InputError(
      'build needs an output folder: article-atlas build A B … -o DIR, or build --jsonl -o DIR < articles.jsonl',
    );
  let result;
  if (values.jsonl) {
    if (files.length) throw new InputError('build --jsonl reads JSON lines on stdin; do not give files as well.');
    if (process.stdin.isTTY)
      throw new InputError(
        'build --jsonl reads {"id","text"} lines on stdin: article-atlas build --jsonl -o DIR < articles.jsonl',
      );
    result = await buildCollectionFromLines(process.stdin, values.out, options);
  } else {
    result = await buildCollection(files, values.out, options);
  }
  const { articles, places, problems } = result;
  process.stderr.write(
    `article-atlas: wrote the story map of ${articles} article(s), ${places} places, to ${values.out}${problems.length ? `; ${problems.length} input(s) left out` : ''}\n`,
  );
  return problems.length ? 1 : 0;
}
