// A local web server for the fetch tests (issue #16): a news page with metadata, navigation, ads and
// related links; the same page compressed; redirects, a loop, a 404, an image, an endless page, a page
// that never finishes, a windows-1252 page and a home page of links. 127.0.0.1 only, no internet.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';

/** Places the article names; the page around it names others, which must not reach the layer. */
export const ARTICLE_PLACES = ['Baku', 'Yerevan', 'Lachin'];
export const OTHER_PLACES = ['Paris', 'London', 'Tokyo', 'Madrid', 'Lisbon', 'Berlin', 'Vienna', 'Oslo'];

const PARAGRAPHS = [
  'Officials in Baku said on Tuesday that the talks with the delegation from Yerevan would continue next week, after two days of meetings that both sides described as difficult but useful.',
  'The negotiators discussed the road through Lachin, which links the two countries, and agreed to set up a working group that will meet every month until the end of the year.',
  'Observers said the agreement was a small step, and that many questions remained open, among them the return of displaced families and the marking of the border.',
];

export const NEWS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Talks resume in Baku | The Daily Test</title>
<link rel="canonical" href="/world/talks-resume">
<meta property="og:site_name" content="The Daily Test"><meta property="og:title" content="Talks resume in Baku">
<meta property="article:published_time" content="2026-11-27T08:00:00Z"><meta name="author" content="Ann Lee">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks resume in Baku","author":{"@type":"Person","name":"Ann Lee"}}</script>
<script>var ad = "Visit Paris";</script></head>
<body><header><nav><ul>${OTHER_PLACES.slice(0, 4)
  .map((c) => `<li><a href="/${c}">${c}</a></li>`)
  .join('')}</ul></nav></header>
<div class="ad advert">Cheap flights to Madrid and Lisbon: book now!</div>
<main><article><h1>Talks resume in Baku</h1><p class="byline">By Ann Lee</p>
${PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
</article>
<aside class="related"><h3>Related</h3><ul>${OTHER_PLACES.slice(4)
  .map((c) => `<li><a href="/${c}">Storm hits ${c}</a></li>`)
  .join('')}</ul></aside></main>
<footer><a href="/berlin">Our Berlin office</a> · <a href="/about">About</a></footer></body></html>`;

/** “Zürich” and the euro sign in windows-1252 bytes, with places around them. */
const CP1252_TEXT =
  'Talks in Z\u00fcrich ended with a \u201cdeal\u201d worth \u20ac5 million, officials in Baku said. '.repeat(4);
const cp1252 = (s: string) =>
  Buffer.from([...s].map((c) => ({ '\u201c': 0x93, '\u201d': 0x94, '\u20ac': 0x80 })[c] ?? c.charCodeAt(0)));
export const CP1252_PAGE_TEXT = CP1252_TEXT.trim();

const HOME_PAGE = `<!doctype html><html><head><title>The Daily Test</title></head><body><nav><ul>${OTHER_PLACES.map((c) => `<li><a href="/${c}">News from ${c} today</a></li>`).join('')}</ul></nav>
<main><ul>${OTHER_PLACES.map((c) => `<li><a href="/s/${c}">Latest stories from ${c}</a></li>`).join('')}</ul></main></body></html>`;

function route(req: IncomingMessage, res: ServerResponse): void {
  const html = { 'content-type': 'text/html; charset=utf-8' };
  switch (req.url) {
    case '/news':
      res.writeHead(200, html).end(NEWS_PAGE);
      return;
    case '/news-gzip':
      res.writeHead(200, { ...html, 'content-encoding': 'gzip' }).end(gzipSync(NEWS_PAGE));
      return;
    case '/news-br':
      res.writeHead(200, { ...html, 'content-encoding': 'br' }).end(brotliCompressSync(NEWS_PAGE));
      return;
    case '/news-deflate':
      res.writeHead(200, { ...html, 'content-encoding': 'deflate' }).end(deflateSync(NEWS_PAGE));
      return;
    case '/redirect':
      res.writeHead(301, { location: '/redirect-2' }).end();
      return;
    case '/redirect-2':
      res.writeHead(302, { location: '/news' }).end();
      return;
    case '/loop':
      res.writeHead(302, { location: '/loop' }).end();
      return;
    case '/to-file':
      res.writeHead(302, { location: 'file:///etc/passwd' }).end();
      return;
    case '/image':
      res
        .writeHead(200, { 'content-type': 'image/png' })
        .end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      return;
    case '/pdf':
      res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.7');
      return;
    case '/cp1252':
      res
        .writeHead(200, { 'content-type': 'text/html; charset=windows-1252' })
        .end(
          Buffer.concat([
            Buffer.from('<!doctype html><html><body><p>'),
            cp1252(CP1252_TEXT),
            Buffer.from('</p></body></html>'),
          ]),
        );
      return;
    case '/cp1252-meta':
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(
          Buffer.concat([
            Buffer.from('<!doctype html><html><head><meta charset="windows-1252"></head><body><p>'),
            cp1252(CP1252_TEXT),
            Buffer.from('</p></body></html>'),
          ]),
        );
      return;
    case '/text':
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end(`Talks resume\n\n${PARAGRAPHS[0]}`);
      return;
    case '/home':
      res.writeHead(200, html).end(HOME_PAGE);
      return;
    case '/endless': {
      // Writes as fast as the client reads, for ever: only the size limit ends it.
      res.writeHead(200, html);
      const chunk = Buffer.from(`<p>${PARAGRAPHS[0]}</p>\n`.repeat(200));
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
      return;
    }
    case '/never-finishes':
      // Headers and the start of a page, then silence: only the deadline ends it.
      res.writeHead(200, html);
      res.write(`<!doctype html><html><body><p>${PARAGRAPHS[0]}</p>`);
      return;
    default:
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
}

/** Starts the server; `close()` ends it and every connection still open. */
export async function startArticleServer(): Promise<{ base: string; close: () => Promise<void> }> {
  const server = createServer(route);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
