// The limits of fetching a web page (issue #16) and the command-line options that set them; apart
// from the fetcher so that the command reads its options without loading it.

import { InputError } from '../core/errors.ts';

export interface FetchArticleOptions {
  /** Deadline for the whole fetch, redirects and body included. */
  timeoutMs?: number;
  /** Largest body read, after decompression; reading stops there. */
  maxBytes?: number;
  maxRedirects?: number;
}

export const FETCH_ARTICLE_DEFAULTS = {
  /** Generous for a slow news site, short enough that a stuck server does not hold a batch. */
  timeoutMs: 20_000,
  /** Far above any article page (the heaviest news pages are 2–5 MB of HTML). */
  maxBytes: 20 * 1024 * 1024,
  /** What browsers and crawlers treat as a loop long before their own limits (20 in browsers). */
  maxRedirects: 5,
};

/**
 * `--timeout SECONDS` and `--max-size MB` as fetch options, or an InputError saying what is wrong.
 *
 * @example
 * fetchOptions('5', undefined) // { timeoutMs: 5000 }
 */
export function fetchOptions(timeout: string | undefined, maxSize: string | undefined): FetchArticleOptions {
  const out: FetchArticleOptions = {};
  if (timeout !== undefined) {
    const s = Number(timeout);
    if (!(s > 0 && s <= 3600))
      throw new InputError(`--timeout ${timeout} is not a number of seconds between 0 and 3600.`);
    out.timeoutMs = s * 1000;
  }
  if (maxSize !== undefined) {
    const mb = Number(maxSize);
    // The command's limit for any input is 64 MB.
    if (!(mb > 0 && mb <= 64))
      throw new InputError(`--max-size ${maxSize} is not a number of megabytes between 0 and 64.`);
    out.maxBytes = Math.round(mb * 1048576);
  }
  return out;
}
