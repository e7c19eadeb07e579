// The lines of a JSON-lines stream for batch mode (issue #19): numbered as an editor numbers them, each
// decoded strictly (invalid UTF-8 is reported for its line, not turned into U+FFFD), UTF-16 with its
// byte-order mark decoded, and a line over the limit reported without being held in memory.

import type { Readable } from 'node:stream';
import { InputError } from '../core/errors.ts';

/** One physical line: its text, or why it cannot be read. Numbers start at 1. */
export type InputLine = { n: number; text: string } | { n: number; error: string };

export interface ReadLinesOptions {
  /** Longest line kept (bytes of UTF-8); a longer one becomes an error and is not buffered. */
  maxBytes: number;
}

const NEWLINE = 0x0a;

/** UTF-16 input (told by its byte-order mark) as UTF-8 chunks; anything else as it comes. */
async function* asUtf8(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let decoder: TextDecoder | undefined;
  let first = true;
  for await (const chunk of input) {
    if (first) {
      first = false;
      if (chunk[0] === 0xff && chunk[1] === 0xfe) decoder = new TextDecoder('utf-16le', { fatal: true });
      else if (chunk[0] === 0xfe && chunk[1] === 0xff) decoder = new TextDecoder('utf-16be', { fatal: true });
    }
    if (!decoder) {
      yield chunk;
      continue;
    }
    try {
      yield Buffer.from(decoder.decode(chunk, { stream: true }), 'utf8');
    } catch {
      throw new InputError(
        'The input starts as UTF-16 text (it has a UTF-16 byte-order mark) but is not valid UTF-16. Convert it to UTF-8.',
      );
    }
  }
  if (decoder) yield Buffer.from(decoder.decode(), 'utf8');
}

/**
 * Splits a byte stream into numbered, decoded lines; `\r\n` and `\n` both end a line, and a UTF-8 or
 * UTF-16 byte-order mark at the start is dropped.
 *
 * @example
 * for await (const l of readLines(process.stdin, { maxBytes: 1 << 27 })) console.log(l.n, 'text' in l ? l.text : l.error)
 */
export async function* readLines(
  input: Readable | AsyncIterable<Buffer>,
  { maxBytes }: ReadLinesOptions,
): AsyncGenerator<InputLine> {
  const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let n = 0;
  const finish = (): InputLine => {
    n++;
    if (tooLong) return { n, error: `longer than ${maxBytes / 1048576} MB, the limit for one line` };
    let bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts);
    if (bytes.length && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, -1);
    try {
      // The decoder drops a UTF-8 byte-order mark only at the start of what it decodes, so at the start of
      // every line: there the mark is no part of a JSON text either.
      return { n, text: utf8.decode(bytes) };
    } catch {
      return { n, error: 'not valid UTF-8 text (convert the file to UTF-8)' };
    }
  };
  for await (const chunk of asUtf8(input as AsyncIterable<Buffer>)) {
    let from = 0;
    for (let at = chunk.indexOf(NEWLINE); at !== -1; at = chunk.indexOf(NEWLINE, from)) {
      if (!tooLong && size + at - from > maxBytes) tooLong = true;
      if (!tooLong) parts.push(chunk.subarray(from, at));
      yield finish();
      parts = [];
      size = 0;
      tooLong = false;
      from = at + 1;
    }
    if (from < chunk.length && !tooLong) {
      size += chunk.length - from;
      if (size > maxBytes) {
        tooLong = true;
        parts = [];
      } else parts.push(chunk.subarray(from));
    }
  }
  if (size > 0 || tooLong) yield finish();
}
