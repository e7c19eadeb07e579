// What `article-atlas studio` tells its page (issue #17): session.json, absent from a static studio.
// The token lets the page, and only it, use the local server's fetch endpoint (issue #16).
import type { ReadArticle } from '../../extract/read-article.ts';

export interface StudioSession {
  /** A random token of this run of the server, sent back with every fetch request. */
  token: string;
  /** URL of the layer of the article given on the command line, shown first. */
  start?: string;
}

/** Path of the local server's fetch endpoint, relative to the studio page. */
export const FETCH_PATH = 'api/fetch';
/** The header that carries the session's token. */
export const TOKEN_HEADER = 'x-article-atlas-token';

/**
 * The session of the local server, or null for a static studio (its session.json has no token).
 * @example const session = await loadSession(new URL('.', location.href))
 */
export async function loadSession(base: URL): Promise<StudioSession | null> {
  try {
    const res = await fetch(new URL('session.json', base), { cache: 'no-store' });
    const session = res.ok ? ((await res.json()) as Partial<StudioSession>) : undefined;
    return session?.token ? (session as StudioSession) : null;
  } catch {
    return null;
  }
}

/**
 * Has the local server fetch a web page and read its article (the command's fetchArticle). Rejects with
 * the server's message, which names the page and what to do.
 * @example const read = await requestPage(session, base, 'https://example.com/news/1')
 */
export async function requestPage(session: StudioSession, base: URL, url: string): Promise<ReadArticle> {
  const res = await fetch(new URL(FETCH_PATH, base), {
    method: 'POST',
    headers: { 'content-type': 'application/json', [TOKEN_HEADER]: session.token },
    body: JSON.stringify({ url }),
  });
  const body = (await res.json().catch(() => ({}))) as { read?: ReadArticle; error?: string };
  if (!res.ok || !body.read) throw new Error(body.error ?? `The local studio did not answer (${res.status}).`);
  return body.read;
}
