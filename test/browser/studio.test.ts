// Browser tests of the studio (issue #17), in Chromium and Firefox: the static studio (`studio -o DIR`)
// maps a pasted article and a dropped HTML file in its Web Worker; the worker's layer equals the command's
// byte for byte; the work survives a reload; "Start over" asks first; bad input gets a message and keeps the
// work; the local studio's Fetch maps a page served here, the static one says it needs `article-atlas studio`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'puppeteer-core';
import { buildStudio } from '../../src/cli/build-studio.ts';
import { serveSite, type SiteServer } from '../../src/cli/serve-site.ts';
import { newToken, serveStudio } from '../../src/cli/serve-studio.ts';
import { click, close, count, ENGINES, find, seedSample, useBrowser, type Engine, type Opened } from './harness.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const BIN = join(ROOT, 'dist/cli.js');
const SEED = join(ROOT, 'test/fixtures/seed/article.txt');
const NEWS = join(ROOT, 'test/fixtures/studio/news.html');
const NO_ARTICLE = join(ROOT, 'test/fixtures/studio/no-article.html');
/** Places spelled in ASCII whose gazetteer names are not (Zürich, São Paulo, Kraków, Reykjavík). */
const ASCII_SPELLINGS = join(ROOT, 'test/fixtures/studio/ascii-spellings.txt');
const GAZETTEER_FILE = /\.gz$/;
const MESSAGE = '.aa-studio-message';
/** A cold studio downloads and decodes the gazetteer: generous on a loaded machine running two engines. */
const MAP_TIMEOUT_MS = 90_000;

let dir: string;
let staticServer: SiteServer;
let localDir: string;
let localServer: SiteServer;
let pages: SiteServer;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'aa-studio-test-'));
  await buildStudio(dir);
  staticServer = await serveSite(dir, { port: 0 });
  localDir = mkdtempSync(join(tmpdir(), 'aa-studio-local-'));
  const token = newToken();
  // As `article-atlas studio FILE`: FILE's layer (here the seed sample) shown first.
  const files = await buildStudio(localDir, { session: { token, start: seedSample() } });
  localServer = await serveStudio(localDir, { files, token });
  // The web page the local studio fetches, served by a server of its own (another origin).
  const pagesDir = mkdtempSync(join(tmpdir(), 'aa-studio-pages-'));
  writeFileSync(join(pagesDir, 'news.html'), readFileSync(NEWS));
  pages = await serveSite(pagesDir, { port: 0 });
});

after(async () => {
  await staticServer?.close();
  await localServer?.close();
  await pages?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(localDir, { recursive: true, force: true });
});

/** What `article-atlas parse FILE` prints. */
function cliLayer(file: string): string {
  const r = spawnSync('node', [BIN, 'parse', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

async function paste(page: Page, text: string) {
  await page.$eval(
    '#aa-studio-text',
    (el, t) => {
      (el as HTMLTextAreaElement).value = t as string;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
}

/** Drops a file with these contents on the studio's input panel, as a person dragging it from their desktop. */
async function drop(page: Page, name: string, contents: string | { bytes: number[] } | { size: number }) {
  await page.evaluate(
    (n, c) => {
      const data =
        typeof c === 'string'
          ? c
          : 'bytes' in c
            ? new Uint8Array(c.bytes)
            : new Uint8Array((c as { size: number }).size).fill(97);
      const transfer = new DataTransfer();
      transfer.items.add(new File([data], n as string));
      const panel = document.querySelector('.aa-studio-input')!;
      panel.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    name,
    contents,
  );
}

const mapButton = (page: Page) => click(page, 'button', { hasText: 'Map this article' });

/** Waits for the message that ends a mapping (or a refusal) and returns it. */
async function message(page: Page, re: RegExp): Promise<string> {
  await page.waitForFunction(
    (sel, src) => new RegExp(src as string).test(document.querySelector(sel as string)?.textContent ?? ''),
    { timeout: MAP_TIMEOUT_MS },
    MESSAGE,
    re.source,
  );
  return page.$eval(MESSAGE, (e) => e.textContent ?? '');
}

/** Names of the drawn areas and points (points are in their own pane). */
function drawn(page: Page): Promise<{ areas: string[]; points: string[] }> {
  // No named functions inside: tsx would wrap them in a helper the page does not have.
  return page.evaluate(() => {
    const out = { areas: [] as string[], points: [] as string[] };
    for (const e of document.querySelectorAll('path.aa-f'))
      (e.closest('.leaflet-aa-points-pane') ? out.points : out.areas).push(
        (e.getAttribute('aria-label') ?? '').split(',')[0],
      );
    return out;
  });
}

for (const engine of ENGINES) describe(`studio in ${engine}`, () => studioTests(engine));

function studioTests(engine: Engine) {
  const b = useBrowser(engine);
  let o: Opened;
  before(async () => {
    o = await b.open(staticServer.url, { waitFor: '#aa-studio-text' });
  });
  test('a fresh static studio maps the pasted seed: Kalbajar, Lachin, Nagorno-Karabakh areas, Baku, Yerevan points', async () => {
    const { page } = o;
    assert.equal(await count(page, 'path.aa-f'), 0);
    // The progress bar may come and go between two polls: an observer notes that it was there.
    await page.evaluate(() => {
      const seen = window as unknown as { __progress?: string };
      new MutationObserver(() => {
        const bar = document.querySelector('.aa-studio-progress');
        if (bar) seen.__progress = bar.textContent ?? '';
      }).observe(document.body, { childList: true, subtree: true });
    });
    // A first visit downloads no gazetteer until an article is given; the download starts as it is typed or
    // pasted, before the click.
    await new Promise((r) => setTimeout(r, 500));
    assert.ok(!o.requests.some((u) => GAZETTEER_FILE.test(u)), String(o.requests));
    await paste(page, readFileSync(SEED, 'utf8'));
    for (let waited = 0; !o.requests.some((u) => GAZETTEER_FILE.test(u)); waited += 50) {
      assert.ok(waited < 10_000, 'no gazetteer download after the article was pasted');
      await new Promise((r) => setTimeout(r, 50));
    }
    await mapButton(page);
    assert.match(await message(page, /places found/), /^\d+ places found\.$/);
    const progress = await page.evaluate(() => (window as unknown as { __progress?: string }).__progress);
    assert.match(progress ?? '', /^Loading the gazetteer: [\d.]+ of \d+\.\d MB/);
    await page.waitForSelector('path.aa-f');
    const { areas, points } = await drawn(page);
    for (const n of ['Kalbajar', 'Lachin', 'Nagorno-Karabakh']) assert.ok(areas.includes(n), `${n} in ${areas}`);
    for (const n of ['Baku', 'Yerevan']) assert.ok(points.includes(n), `${n} in ${points}`);
    assert.deepEqual(o.errors, []);
    // Nothing but this server: the gazetteer comes from the studio's own folder.
    assert.ok(
      o.requests.every((u) => u.startsWith(staticServer.url) || u.startsWith('data:')),
      String(o.requests),
    );
  });

  test('bad input gets a message in the page and the current work is kept', async () => {
    const { page } = o;
    await page.waitForSelector('path.aa-f');
    const before = await count(page, 'path.aa-f');
    const text = await page.$eval('#aa-studio-text', (e) => (e as HTMLTextAreaElement).value);
    await paste(page, '   \n ');
    await mapButton(page);
    assert.match(await message(page, /no article text/), /current work is kept/);
    await drop(page, 'big.txt', { size: 60 * 1024 * 1024 });
    assert.match(await message(page, /big\.txt is 60\.0 MB/), /up to 20\.0 MB.*current work is kept/);
    await drop(page, 'photo.txt', { bytes: [0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3, 0, 0, 0x49, 0x48, 0x44, 0x52] });
    assert.match(await message(page, /binary/), /photo\.txt .*binary.*current work is kept/);
    await drop(page, 'home.html', readFileSync(NO_ARTICLE, 'utf8'));
    assert.match(await message(page, /has no article/), /home\.html has no article.*current work is kept/);
    assert.equal(await count(page, 'path.aa-f'), before);
    // The text area is left as the person left it (whitespace), not replaced.
    assert.notEqual(text, '   \n ');
    // Article text is set as text: markup in it is shown as characters, never made into elements.
    await paste(page, '<img src=x onerror="window.__pwned=1">Fighting near Baku.');
    await mapButton(page);
    await message(page, /places found/);
    assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
    assert.equal(await count(page, 'img[src=x]'), 0);
  });

  test('a dropped HTML file is read as the command reads it and its places are mapped', async () => {
    const { page } = o;
    await drop(page, 'news.html', readFileSync(NEWS, 'utf8'));
    assert.match(await message(page, /places found/), /^4 places found\.$/);
    await page.waitForFunction(() => document.querySelectorAll('path.aa-f').length === 4);
    const { areas, points } = await drawn(page);
    // The article's four places and none of the page's navigation (Oslo, Lima) or teasers (Tokyo, Manila):
    // "streets in Valencia" is the city (the community reaches that name only as an alternate name).
    assert.deepEqual(points.sort(), ['Alicante', 'Madrid', 'Murcia', 'Valencia']);
    assert.deepEqual(areas, []);
    // The text area holds the extracted text the offsets refer to.
    const text = await page.$eval('#aa-studio-text', (e) => (e as HTMLTextAreaElement).value);
    assert.match(text, /^Heavy rain flooded streets in Valencia/);
    assert.ok(!text.includes('Oslo') && !text.includes('Tokyo'));
  });

  test("the worker's layer equals `article-atlas parse` byte for byte (text and HTML)", async () => {
    const { page } = o;
    const viaWorker = (on: Page, input: { text: string } | { html: string; name: string }) =>
      on.evaluate(async (i) => {
        const worker = new Worker('studio-worker.js', { type: 'module' });
        const body = 'text' in i ? { text: i.text } : { bytes: new TextEncoder().encode(i.html).buffer, name: i.name };
        const reply = await new Promise<{ ok: boolean; result?: { json: string }; message?: string }>((resolve) => {
          worker.onmessage = (e) => e.data.type !== 'progress' && resolve(e.data);
          worker.postMessage({ id: 1, type: 'map', input: body });
        });
        worker.terminate();
        return reply.ok ? reply.result!.json : `error: ${reply.message}`;
      }, input);
    // Non-ASCII names out of the gazetteer's rows: the worker reads places.tsv and names.tsv as bytes, as the
    // command does. Here from the cache (the first test filled it), and in a fresh context from the network.
    const spellings = cliLayer(ASCII_SPELLINGS);
    for (const name of ['Zürich', 'São Paulo', 'Kraków', 'Reykjavík'])
      assert.ok(spellings.includes(`"name":"${name}"`));
    assert.ok((await viaWorker(page, { text: readFileSync(ASCII_SPELLINGS, 'utf8') })) + '\n' === spellings);
    const fresh = await b.browser.createBrowserContext();
    try {
      const cold = await fresh.newPage();
      await cold.goto(staticServer.url);
      const fromNetwork = (await viaWorker(cold, { text: readFileSync(ASCII_SPELLINGS, 'utf8') })) + '\n';
      assert.ok(fromNetwork === spellings, 'the layers differ with a gazetteer from the network');
    } finally {
      await fresh.close();
    }
    const seedText = readFileSync(SEED, 'utf8');
    const fromWorker = (await viaWorker(page, { text: seedText })) + '\n';
    const fromCli = cliLayer(SEED);
    assert.ok(fromCli.length > 10_000);
    assert.ok(fromWorker === fromCli, 'the seed layers differ');
    const html = (await viaWorker(page, { html: readFileSync(NEWS, 'utf8'), name: 'news.html' })) + '\n';
    assert.ok(html === cliLayer(NEWS), 'the HTML layers differ');
  });

  test('the work survives a reload; Start over asks first, then clears it', async () => {
    const page = o.page;
    await page.reload();
    await page.waitForSelector('path.aa-f');
    assert.equal(await count(page, 'path.aa-f'), 4);
    const text = await page.$eval('#aa-studio-text', (e) => (e as HTMLTextAreaElement).value);
    assert.match(text, /^Heavy rain flooded streets in Valencia/);
    await click(page, '.aa-studio-start-over');
    await page.waitForSelector('dialog[open]');
    assert.match(await page.$eval('dialog[open]', (e) => e.textContent ?? ''), /Start over\?.*cannot be undone/s);
    await click(page, 'dialog[open] button', { hasText: 'Keep my work' });
    await page.waitForFunction(() => !document.querySelector('dialog[open]'));
    assert.equal(await count(page, 'path.aa-f'), 4);
    await click(page, '.aa-studio-start-over');
    await click(page, 'dialog[open] button[type=submit]');
    await page.waitForFunction(() => !document.querySelector('path.aa-f'));
    assert.equal(await page.$eval('#aa-studio-text', (e) => (e as HTMLTextAreaElement).value), '');
    await page.reload();
    await find(page, '.aa-studio-empty');
    assert.equal(await count(page, 'path.aa-f'), 0);
    assert.equal(await page.$eval('#aa-studio-text', (e) => (e as HTMLTextAreaElement).value), '');
  });

  test('a second visit maps with no gazetteer transfer (Cache Storage)', async () => {
    const { page } = o;
    const requests: string[] = [];
    const listen = (r: { url(): string }) => requests.push(r.url());
    page.on('request', listen);
    await page.reload();
    // Built from the cache as the page opens, before an article is given.
    await page.waitForSelector('#studio-input[data-gazetteer="ready"]');
    await paste(page, 'Talks resumed in Baku and Yerevan on Monday.');
    await mapButton(page);
    await message(page, /places found/);
    page.off('request', listen);
    await page.waitForFunction(() => document.querySelectorAll('path.aa-f').length === 2);
    assert.ok(!requests.some((u) => GAZETTEER_FILE.test(u)), `gazetteer fetched again: ${requests}`);
    assert.deepEqual((await drawn(page)).points.sort(), ['Baku', 'Yerevan']);
  });

  test("review: a place added from the worker's gazetteer search is on the map, saved across a reload, undone before", async () => {
    const { page } = o;
    // The second visit's layer (Baku, Yerevan): "Talks" is plain text, so it can be made a mention by hand. The text
    // comes once the map is complete (issue #14).
    await find(page, '.aa-article p');
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('.aa-article')!, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent!.indexOf('Talks');
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + 'Talks'.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        return;
      }
      throw new Error('no "Talks" in the text');
    });
    await click(page, '.aa-addbox button', { hasText: 'Add place' });
    const input = await find(page, '.aa-addsearch input');
    await input.click({ count: 3 });
    await input.type('Tbilisi');
    // The search runs searchPlaces in the studio's worker, over the gazetteer the studio downloaded.
    await click(page, '.aa-addsearch [role=option]', { hasText: 'Georgia' });
    await page.waitForFunction(() => document.querySelectorAll('path.aa-f').length === 3);
    assert.deepEqual((await drawn(page)).points.sort(), ['Baku', 'Tbilisi', 'Yerevan']);
    await find(page, '.aa-passages .aa-meta', { hasText: 'Added by hand.' });
    await click(page, '.aa-review button', { hasText: 'Undo' });
    await page.waitForFunction(() => document.querySelectorAll('path.aa-f').length === 2);
    await click(page, '.aa-addbox button', { hasText: 'Add place' }).catch(async () => {
      // Undo cleared the selection's box: select the word again.
      await page.evaluate(() => {
        const node = [...document.querySelectorAll('.aa-article p')].find((e) =>
          e.textContent!.includes('Talks'),
        )!.firstChild!;
        const range = document.createRange();
        range.setStart(node, node.textContent!.indexOf('Talks'));
        range.setEnd(node, node.textContent!.indexOf('Talks') + 5);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
      });
      await click(page, '.aa-addbox button', { hasText: 'Add place' });
    });
    const again = await find(page, '.aa-addsearch input');
    await again.click({ count: 3 });
    await again.type('Tbilisi');
    await click(page, '.aa-addsearch [role=option]', { hasText: 'Georgia' });
    await page.waitForFunction(() => document.querySelectorAll('path.aa-f').length === 3);
    // Saved through the explorer's onChange: a reload shows the added place.
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('path.aa-f').length === 3);
    assert.deepEqual((await drawn(page)).points.sort(), ['Baku', 'Tbilisi', 'Yerevan']);
    assert.deepEqual(o.errors, []);
  });

  test("the static studio's Fetch says it needs the local studio", async () => {
    const { page } = o;
    await page.type('#aa-studio-url', pages.url + 'news.html');
    await click(page, 'button', { hasText: 'Fetch' });
    assert.match(await message(page, /needs the local studio/), /article-atlas studio/);
  });

  test("the local studio shows the command line's article first, and its Fetch maps a web page", async () => {
    const local = await b.open(localServer.url, { waitFor: '#aa-studio-text' });
    try {
      const { page } = local;
      await page.waitForSelector('path.aa-f');
      assert.ok((await drawn(page)).areas.includes('Kalbajar'));
      assert.equal(await page.$eval('#aa-studio-text', (e) => (e as HTMLTextAreaElement).value), seedSample().text);
      assert.equal(await count(page, '.aa-studio-note'), 0);
      await page.type('#aa-studio-url', pages.url + 'news.html');
      await click(page, 'button', { hasText: 'Fetch' });
      assert.match(await message(page, /places found|could not|Could not/), /^4 places found\.$/);
      await page.waitForFunction(() => document.querySelectorAll('path.aa-f').length === 4);
      assert.match(await page.$eval('#aa-studio-text', (e) => (e as HTMLTextAreaElement).value), /^Heavy rain flooded/);
    } finally {
      await close(local);
    }
  });

  test("another site's page cannot use the local studio's fetch endpoint", async () => {
    const other = await b.open(pages.url + 'news.html', { waitFor: 'article' });
    try {
      const session = JSON.parse(readFileSync(join(localDir, 'session.json'), 'utf8')) as { token: string };
      // Even with the token (which it could not read), the browser stops the request: no CORS from the studio.
      const result = await other.page.evaluate(
        async (endpoint, token) => {
          try {
            const res = await fetch(endpoint as string, {
              method: 'POST',
              headers: { 'content-type': 'application/json', 'x-article-atlas-token': token as string },
              body: JSON.stringify({ url: 'http://127.0.0.1:1/' }),
            });
            return `answered ${res.status}`;
          } catch (e) {
            return `refused: ${(e as Error).name}`;
          }
        },
        localServer.url + 'api/fetch',
        session.token,
      );
      assert.match(result, /^refused/);
    } finally {
      await close(other);
    }
  });
}
