// Text held as its UTF-8 bytes, one per character (as Node reads a file as 'latin1'): the gazetteer's
// files are ASCII but for a few names, so loading skips their decoding and decodes only what it parses.

const BEYOND_ASCII = /[^\x00-\x7f]/;
const utf8Encoder = new TextEncoder();
const utf8Decoder = new TextDecoder();

/**
 * The text a string of UTF-8 bytes (one per character) holds; ASCII is its own text.
 *
 * @example
 * decodeUtf8Bytes('Bak\xc4\xb1') // 'Bakı'
 */
export function decodeUtf8Bytes(bytes: string): string {
  if (!BEYOND_ASCII.test(bytes)) return bytes;
  const array = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) array[i] = bytes.charCodeAt(i);
  return utf8Decoder.decode(array);
}

/**
 * The UTF-8 bytes of a text as a string, one per character; ASCII is its own encoding.
 *
 * @example
 * encodeUtf8Bytes('Bakı') // 'Bak\xc4\xb1'
 */
export function encodeUtf8Bytes(text: string): string {
  if (!BEYOND_ASCII.test(text)) return text;
  let out = '';
  for (const b of utf8Encoder.encode(text)) out += String.fromCharCode(b);
  return out;
}
