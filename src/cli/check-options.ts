// Which options each command takes (issue #18): an option a command does not use is an error that names
// the command's options, rather than being ignored (`serve --pretty` used to be ignored).

import { InputError } from '../core/errors.ts';

/** Options every command takes. */
const COMMON = ['debug', 'help', 'version'];

/** The options of each command (and of `parse --jsonl`, a mode with its own), as parseArgs names them. */
export const COMMAND_OPTIONS: Record<string, readonly string[]> = {
  parse: ['out', 'format', 'to', 'pretty', 'jsonl', 'no-text', 'stats', 'timeout', 'max-size'],
  'parse --jsonl': ['out', 'jsonl', 'no-text', 'stats', 'timeout', 'max-size'],
  build: ['out', 'format', 'jsonl', 'timeout', 'max-size'],
  merge: ['pretty'],
  serve: ['out', 'format', 'port', 'timeout', 'max-size'],
  studio: ['out', 'format', 'port', 'timeout', 'max-size'],
};

/** How --help writes an option. */
const SPELLING: Record<string, string> = { out: '-o/--out', port: '-p/--port' };
const spell = (name: string) => SPELLING[name] ?? `--${name}`;

/**
 * Throws an InputError naming the first option in `given` that `command` does not take, and the ones
 * it does.
 *
 * @example
 * checkOptions('serve', { pretty: true }) // throws: serve does not take --pretty …
 */
export function checkOptions(command: string, given: Record<string, unknown>): void {
  const mode = command === 'parse' && given.jsonl ? 'parse --jsonl' : command;
  const allowed = COMMAND_OPTIONS[mode];
  if (!allowed) return;
  const wrong = Object.keys(given).find((k) => given[k] !== undefined && !allowed.includes(k) && !COMMON.includes(k));
  if (wrong) {
    const takes = allowed.filter((k) => k !== 'jsonl' || mode !== 'parse --jsonl').map(spell);
    throw new InputError(
      `${mode} does not take ${spell(wrong)}. Its options: ${[...takes, '--debug'].join(', ')} (see --help).`,
    );
  }
}
