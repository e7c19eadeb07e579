// Bytes of a fetched page → text, in the page's own encoding: the byte order mark, else the charset of
// the Content-Type header, else (HTML) a <meta charset> in the first 1024 bytes, as browsers decide
// (html-encoding-sniffer); legacy encodings such as windows-1252 decoded by @exodus/bytes, because
// Node 20's TextDecoder reads windows-1252 as Latin-1 (0x93 becomes U+0093, not a quotation mark).

import { getBOMEncoding, normalizeEncoding, TextDecoder as WhatwgTextDecoder } from '@exodus/bytes/encoding.js';
import sniffHtmlEncoding from 'html-encoding-sniffer';

/**
 * The page as text. With no encoding declared anywhere, UTF-8 when the bytes are valid UTF-8 (most
 * of today's web) and windows-1252 otherwise (the HTML standard's default for undeclared pages).
 *
 * @example
 * decodePage(new Uint8Array([0x93, 0x48, 0x69, 0x94]), 'text/plain; charset=windows-1252') // '“Hi”'
 */
export function decodePage(bytes: Uint8Array, contentType = '', html = true): string {
  const declared = charsetOf(contentType);
  // '' marks "nothing found" (the sniffer returns the default as given).
  let encoding = html
    ? sniffHtmlEncoding(bytes, { transportLayerEncodingLabel: declared, defaultEncoding: '' })
    : (getBOMEncoding(bytes) ?? (declared && normalizeEncoding(declared)) ?? '');
  if (!encoding) encoding = isUtf8(bytes) ? 'utf-8' : 'windows-1252';
  // The decoder drops a byte order mark of its own encoding.
  return new WhatwgTextDecoder(encoding).decode(bytes);
}

/** The charset parameter of a Content-Type header, if any. */
export function charsetOf(contentType: string): string | undefined {
  return contentType.match(/;\s*charset\s*=\s*"?([^";\s]+)/i)?.[1];
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
