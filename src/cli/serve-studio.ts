// The local studio's server (issues #16, #17): the studio's files as serveSite serves them, and one endpoint,
// POST /api/fetch, that reads a web page with fetchArticle for the studio's Fetch button. The endpoint is not
// an open proxy: it answers only requests from the studio's own origin (Origin header) that carry the token
// of this run (given to the page in session.json, which other sites cannot read), and it sends no CORS
// headers, so another page's request (which needs a preflight for the token header) is never let through.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { InputError } from '../core/errors.ts';
import type { FetchArticleOptions } from './fetch-options.ts';
import { serveSite, type SiteServer } from './serve-site.ts';

export interface ServeStudioOptions {
  port?: number;
  /** The files buildStudio wrote. */
  files?: readonly string[];
  /** The session's token (session.json). */
  token: string;
  fetching?: FetchArticleOptions;
}

/** As the page sends it (studio-session.ts). */
const FETCH_PATH = '/api/fetch';
const TOKEN_HEADER = 'x-article-atlas-token';
/** A request body is one URL in JSON; browsers take URLs up to 2 MB, no article's address comes near 64 KB. */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * A random token for one run of the server.
 * @example const token = newToken() // 43 characters, base64url
 */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Serves the studio written in `dir` on 127.0.0.1, with the fetch endpoint.
 * @example const { url, close } = await serveStudio(dir, { files, token })
 */
export async function serveStudio(dir: string, options: ServeStudioOptions): Promise<SiteServer> {
  let origins = new Set<string>();
  const server = await serveSite(dir, {
    port: options.port,
    files: options.files,
    post: { [FETCH_PATH]: (req, res) => void answerFetch(req, res, origins, options) },
  });
  const port = new URL(server.url).port;
  origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  return server;
}

function reply(res: ServerResponse, status: number, body: object): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function answerFetch(
  req: IncomingMessage,
  res: ServerResponse,
  origins: Set<string>,
  options: ServeStudioOptions,
): Promise<void> {
  if (!origins.has(req.headers.origin ?? ''))
    return reply(res, 403, { error: 'Only the studio page of this server may fetch pages.' });
  if (!sameToken(req.headers[TOKEN_HEADER], options.token))
    return reply(res, 403, { error: 'This page is not the studio of this run: reload it.' });
  let url: unknown;
  try {
    const body = await readBody(req);
    url = body === undefined ? undefined : (JSON.parse(body) as { url?: unknown }).url;
  } catch {
    url = undefined;
  }
  if (typeof url !== 'string' || !url) return reply(res, 400, { error: 'Give the address of an article.' });
  try {
    const { fetchArticle } = await import('./fetch-article.ts');
    reply(res, 200, { read: await fetchArticle(url, options.fetching) });
  } catch (e) {
    if (e instanceof InputError) reply(res, 422, { error: e.message });
    else reply(res, 500, { error: `The page could not be read (internal error: ${(e as Error)?.message}).` });
  }
}
