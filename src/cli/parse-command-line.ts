// The command line as parseArgs reads it, with two mistakes named plainly: an option's value that starts with a
// dash (`--timeout -5`: parseArgs calls it "ambiguous") and an empty argument (`parse ''` used to read stdin).

import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InputError } from '../core/errors.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A negative number, which is never an option: `-5`, `-0.5`, `-.5`. */
const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * `--timeout -5` as `--timeout=-5`, for every option that takes a value: parseArgs takes a value that starts with a
 * dash only in the joined form, and then the option's own check says what is wrong with the number.
 *
 * @example
 * joinNegativeNumbers(['--timeout', '-5', 'a.txt'], { timeout: { type: 'string' } }) // ['--timeout=-5', 'a.txt']
 */
export function joinNegativeNumbers(args: string[], options: Options): string[] {
  const takesValue = new Set<string>();
  for (const [name, o] of Object.entries(options)) {
    if (o.type !== 'string') continue;
    takesValue.add(`--${name}`);
    if (o.short) takesValue.add(`-${o.short}`);
  }
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--') return [...out, ...args.slice(i)];
    if (!takesValue.has(args[i]) || !NEGATIVE_NUMBER.test(args[i + 1] ?? '')) out.push(args[i]);
    // The joined forms parseArgs takes: `--timeout=-5`, `-p-5`.
    else out.push(args[i].startsWith('--') ? `${args[i]}=${args[++i]}` : `${args[i]}${args[++i]}`);
  }
  return out;
}

/**
 * parseArgs over `args` with positionals allowed; an InputError for an option whose value looks like another
 * option, and for an empty argument or option value (a shell variable that was empty, most often).
 *
 * @example
 * parseCommandLine(['parse', 'a.txt', '--pretty'], { pretty: { type: 'boolean' } }).positionals // ['parse', 'a.txt']
 */
export function parseCommandLine<O extends Options>(args: string[], options: O) {
  const joined = joinNegativeNumbers(args, options);
  let parsed;
  try {
    parsed = parseArgs({ args: joined, allowPositionals: true, options });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const name = /Option '(-[^' ]+)/.exec((e as Error).message)?.[1];
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && name && /ambiguous/.test((e as Error).message)) {
      const i = joined.indexOf(name);
      const value = joined[i + 1];
      const long = name.startsWith('--') ? name : `--${Object.keys(options).find((k) => options[k].short === name[1])}`;
      throw new InputError(
        `${name} needs a value, and "${value}" looks like an option. ` +
          `For a value that starts with a dash, write ${long}=${value}.`,
      );
    }
    throw e;
  }
  const empty = Object.entries(parsed.values).find(([, v]) => v === '');
  if (empty) throw new InputError(`--${empty[0]} was given an empty value ("").`);
  // The first positional is the command: an empty one is an unknown command.
  if (parsed.positionals.slice(1).includes(''))
    throw new InputError('A file name is empty (""): give an article file, a URL, or - for stdin.');
  return parsed;
}
