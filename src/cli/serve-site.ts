// The static server of a built explorer (issues #4, #19): 127.0.0.1, for Host 127.0.0.1 or localhost only;
// only the files the build wrote (no dotfiles, nothing outside); media types and the site's CSP on every
// response; GET and HEAD. A file that cannot be read is an error response, never the end of the server.
import { realpathSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, sep } from 'node:path';
import { InputError } from '../core/errors.ts';

export interface ServeSiteOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Only loopback: the explorer is for the person at this machine. */
  host?: '127.0.0.1';
  /**
   * The only files to serve, as paths relative to the folder with `/` between parts (what buildSite
   * wrote). Default: any file in the folder but dotfiles and what is in dot-folders.
   */
  files?: readonly string[];
  /**
   * The Content-Security-Policy header of every response; default the site's own policy. `null` leaves
   * each page to its meta tag (a test's host page that stands for another site, with a policy of its own).
   */
  contentSecurityPolicy?: string | null;
}

export interface SiteServer {
  url: string;
  close(): Promise<void>;
}

const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

/**
 * The pages' own policy (public/*.html carry it as a meta tag), sent as a header too so that it also
 * covers the data files and holds for a page whose meta tag was edited away. No frame-ancestors: the
 * embed page is made to be framed by other sites.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

const ALLOWED_METHODS = 'GET, HEAD';

/** The Host header values a browser sends for this server; anything else may be a rebinding page. */
function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

/** A path in the folder with no part hidden (`.env`, `.git/config`) and none empty or `..`. */
const isPublic = (rel: string) => rel.split('/').every((part) => part !== '' && !part.startsWith('.'));

/** The relative file a URL path names (`/` and folders → their index.html), or undefined. */
function fileOfPath(urlPath: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (path.includes('\0')) return undefined;
  path = path.replace(/^\/+/, '');
  return path === '' || path.endsWith('/') ? path + 'index.html' : path;
}

/** Sends one file, or 404/500 when it is gone or cannot be read since the build wrote it. */
async function sendFile(
  root: string,
  rel: string,
  req: IncomingMessage,
  res: ServerResponse,
  fail: (status: number, body: string) => void,
): Promise<void> {
  let real: string;
  try {
    real = realpathSync(join(root, rel));
  } catch {
    return fail(404, 'Not found\n');
  }
  // A file swapped for a link out of the folder after the build is not followed.
  if (!real.startsWith(root + sep)) return fail(404, 'Not found\n');
  let handle;
  try {
    handle = await open(real, 'r');
    const stats = await handle.stat();
    if (!stats.isFile()) {
      await handle.close();
      return fail(404, 'Not found\n');
    }
    res.writeHead(200, {
      'Content-Type': MEDIA_TYPES[extname(real).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': stats.size,
    });
    if (req.method === 'HEAD') {
      await handle.close();
      return void res.end();
    }
  } catch (e) {
    await handle?.close().catch(() => {});
    const code = (e as NodeJS.ErrnoException).code;
    return fail(
      code === 'ENOENT' || code === 'EISDIR' ? 404 : 500,
      code === 'ENOENT' || code === 'EISDIR' ? 'Not found\n' : 'The file could not be read\n',
    );
  }
  // Streaming from the open handle: the file may be replaced or removed meanwhile and still reads whole.
  const stream = handle.createReadStream();
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Serves the built site in `dir` on 127.0.0.1.
 * @example const { url, close } = await serveSite('out/site', { port: 0, files: written })
 */
export function serveSite(dir: string, opts: ServeSiteOptions = {}): Promise<SiteServer> {
  const root = realpathSync(dir);
  const files = opts.files && new Set(opts.files);
  const csp = opts.contentSecurityPolicy === undefined ? CONTENT_SECURITY_POLICY : opts.contentSecurityPolicy;
  let hosts = new Set<string>();
  const server = createServer((req, res) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    if (csp) res.setHeader('Content-Security-Policy', csp);
    const fail = (status: number, body: string) => {
      if (res.headersSent) return void res.destroy();
      res.writeHead(status, {
        'Content-Type': 'text/plain; charset=utf-8',
        ...(status === 405 ? { Allow: ALLOWED_METHODS } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (!hosts.has((req.headers.host ?? '').toLowerCase()))
      return fail(403, 'This server answers only to 127.0.0.1 and localhost.\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'Method not allowed\n');
    const rel = fileOfPath(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    if (!rel || !isPublic(rel) || (files && !files.has(rel))) return fail(404, 'Not found\n');
    sendFile(root, rel, req, res, fail).catch(() => fail(500, 'The file could not be read\n'));
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE')
        reject(
          new InputError(`Port ${opts.port} is in use: choose another with -p, or leave -p out to take a free one.`),
        );
      else if (e.code === 'EACCES')
        reject(
          new InputError(
            `No permission to use port ${opts.port}: ports below 1024 need root; choose a higher one or leave -p out.`,
          ),
        );
      else reject(e);
    });
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      hosts = allowedHosts(port);
      resolve({
        url: `http://127.0.0.1:${port}/`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
