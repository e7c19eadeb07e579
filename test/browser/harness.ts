// Shared setup of the browser tests (issues #4, #7): builds a static explorer site with buildSite, serves
// it with serveSite on 127.0.0.1 and drives Debian's chromium and firefox-esr through puppeteer-core (CDP
// and WebDriver BiDi), so every test file runs the same tests in both engines. Records every request so
// tests can prove nothing leaves the machine. The small query helpers below replace engine-specific
// selector engines with plain DOM code that behaves the same everywhere (and reaches into shadow roots).
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import puppeteer, {
  type Browser,
  type BrowserContext,
  type ElementHandle,
  type Frame,
  type Page,
} from 'puppeteer-core';
import { build, type Plugin } from 'esbuild';
import type { ArticleLayer } from '../../src/core/types.ts';
import { buildSite } from '../../src/cli/build-site.ts';
import { serveSite, type ServeSiteOptions, type SiteServer } from '../../src/cli/serve-site.ts';
import { siteIndexHtml } from '../../src/export/site-files.ts';

export type Engine = 'chromium' | 'firefox';
export const EXECUTABLES: Record<Engine, string> = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
};
/** Both engines unless AA_ENGINES narrows it (e.g. AA_ENGINES=firefox while debugging). */
export const ENGINES: Engine[] = (process.env.AA_ENGINES ?? 'chromium,firefox')
  .split(',')
  .map((s) => s.trim() as Engine);
export const SEED_SAMPLE_PATH = new URL('../fixtures/layers/seed-sample.geojson', import.meta.url);
export const seedSampleText = () => readFileSync(SEED_SAMPLE_PATH, 'utf8');
export const seedSample = (): ArticleLayer => JSON.parse(seedSampleText());
export { BAKU, KALBAJAR, LACHIN, LACHIN_TOWN, YEREVAN } from '../helpers/seed-ids.ts';
/** Generous for a loaded CI machine running two engines, short enough to fail in reasonable time. */
const TIMEOUT_MS = 15_000;

export interface Site {
  dir: string;
  server: SiteServer;
  close(): Promise<void>;
}

/**
 * Builds and serves a site for `layer`; `layerText` replaces layer.geojson (and the page's copy) byte for byte when given;
 * `serve` adds server options (e.g. no policy header for a test page that stands for another site).
 */
export async function startSite(layer: ArticleLayer, layerText?: string, serve: ServeSiteOptions = {}): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'aa-site-'));
  await buildSite(layer, dir);
  if (layerText !== undefined) {
    writeFileSync(join(dir, 'layer.geojson'), layerText);
    // The page's own copy too (when the text can go inline), as `build` would have written it.
    const page = join(dir, 'index.html');
    writeFileSync(page, siteIndexHtml(readFileSync(page, 'utf8'), layerText));
  }
  const server = await serveSite(dir, { port: 0, ...serve });
  return {
    dir,
    server,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A site for the whole test file: `startSite(...)` before its tests, closed after them. The returned object
 * reads the started site. Top-level `before` hooks run at once and side by side (node:test), so another one
 * that uses the site awaits `started` first.
 */
export function useSite(...args: Parameters<typeof startSite>): Site & { started: Promise<void> } {
  let site: Site | undefined;
  let done!: (error?: unknown) => void;
  const started = new Promise<void>((resolve, reject) => (done = (e) => (e ? reject(e) : resolve())));
  started.catch(() => {}); // the hook's own failure is the one reported
  before(async () => {
    try {
      site = await startSite(...args);
      done();
    } catch (e) {
      done(e);
      throw e;
    }
  });
  after(async () => {
    await site?.close();
  });
  const ready = () => site ?? assert.fail('the site is not started yet');
  return {
    started,
    get dir() {
      return ready().dir;
    },
    get server() {
      return ready().server;
    },
    close: () => ready().close(),
  };
}

/**
 * A folder of test pages for the whole test file: `fill(dir)` writes it before the tests and serveSite serves it on
 * 127.0.0.1; after the tests the server is closed and the folder removed.
 */
export function useServedDir(
  prefix: string,
  fill: (dir: string) => unknown,
): { readonly dir: string; readonly server: SiteServer } {
  let dir: string | undefined;
  let server: SiteServer | undefined;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    await fill(dir);
    server = await serveSite(dir, { port: 0 });
  });
  after(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    get dir() {
      return dir ?? assert.fail('the folder is not made yet');
    },
    get server() {
      return server ?? assert.fail('the folder is not served yet');
    },
  };
}

/** build.mjs's `import css from './x.css?inline'` (unminified): the stylesheet as a string. */
const inlineCss: Plugin = {
  name: 'inline-css',
  setup(b) {
    b.onResolve({ filter: /\.css\?inline$/ }, (args) => ({
      path: join(args.resolveDir, args.path.slice(0, -'?inline'.length)),
      namespace: 'inline-css',
    }));
    b.onLoad({ filter: /.*/, namespace: 'inline-css' }, (args) => ({
      contents: readFileSync(args.path, 'utf8'),
      loader: 'text',
    }));
  },
};

/**
 * Bundles `entry` (TypeScript source; imports resolve from the repository root) into the site as `NAME.js`
 * (and `NAME.css` for the CSS it imports) and writes `NAME.html`: that script and stylesheet, then `body`.
 */
export async function buildTestPage(site: Site, name: string, entry: string, body: string): Promise<void> {
  await build({
    stdin: { contents: entry, resolveDir: new URL('../../', import.meta.url).pathname, loader: 'tsx' },
    outfile: join(site.dir, `${name}.js`),
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    alias: { leaflet: './node_modules/leaflet/dist/leaflet-src.esm.js' },
    plugins: [inlineCss],
    logLevel: 'warning',
  });
  writeFileSync(
    join(site.dir, `${name}.html`),
    `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><link rel="stylesheet" href="${name}.css">` +
      `<script type="module" src="${name}.js"></script>${body}`,
  );
}

/**
 * firefox-esr 140.12 blocks the `Function()` that puppeteer's waitForFunction builds in a page whose
 * Content-Security-Policy has no 'unsafe-eval' (every page served by serveSite): in Firefox the frames' waitForFunction
 * polls instead, evaluating the predicate through WebDriver BiDi (which the page's policy does not govern) until it
 * returns something truthy, and returns that as a handle, as puppeteer's does.
 */
function patchFirefoxFrames(frame: Frame): void {
  const proto = Object.getPrototypeOf(frame) as Frame & { aaPolls?: boolean };
  if (proto.aaPolls) return;
  proto.aaPolls = true;
  proto.waitForFunction = async function (this: Frame, fn: any, options: any = {}, ...args: unknown[]) {
    const timeout = options.timeout ?? TIMEOUT_MS;
    const deadline = Date.now() + timeout;
    for (;;) {
      try {
        const handle = await this.evaluateHandle(fn, ...args);
        if (await handle.evaluate((v) => !!v)) return handle as any;
        await handle.dispose();
      } catch (e) {
        // A navigation between two polls destroys the realm: poll again in the new document.
        if (!/destroyed|navigat|discarded|no such/i.test(String(e))) throw e;
      }
      if (timeout && Date.now() > deadline) throw new Error(`Waiting failed: ${timeout}ms exceeded`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } as Frame['waitForFunction'];
  // Nor does it locate a frame's element by its browsing context (puppeteer's frameElement, used to click in a
  // frame): the frame's <iframe> is found in its parent by address instead.
  proto.frameElement = async function (this: Frame) {
    const parent = this.parentFrame();
    if (!parent) return null;
    for (const e of await parent.$$('iframe'))
      if ((await e.evaluate((f) => (f as HTMLIFrameElement).src)) === this.url()) return e as any;
    return null;
  } as Frame['frameElement'];
}

/** The download folder of each Firefox launched by launch(). */
const firefoxDownloads = new WeakMap<Browser, string>();

/** A headless browser with reduced motion forced (fly-to is instant, so tests need no waiting). */
export async function launch(engine: Engine): Promise<Browser> {
  if (engine === 'firefox') {
    // firefox-esr 140 has no `browser.setDownloadBehavior` (WebDriver BiDi): downloads go to one folder per
    // browser, set by preference, and open() gives every context that folder.
    const downloads = mkdtempSync(join(tmpdir(), 'aa-downloads-'));
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: EXECUTABLES.firefox,
      headless: true,
      extraPrefsFirefox: {
        'ui.prefersReducedMotion': 1,
        'browser.download.alwaysOpenPanel': false,
        'browser.download.folderList': 2,
        'browser.download.dir': downloads,
        'browser.download.useDownloadDir': true,
        'network.proxy.type': 0,
      },
    });
    firefoxDownloads.set(browser, downloads);
    return browser;
  }
  return puppeteer.launch({
    browser: 'chrome',
    executablePath: EXECUTABLES.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--force-prefers-reduced-motion',
    ],
  });
}

/** One engine's browser for a describe block (see useBrowser). */
export interface EngineBrowser {
  readonly browser: Browser;
  /** The pages opened so far. */
  readonly opened: Opened[];
  /** open() in this browser; the page is closed after the block's tests. */
  open(url: string, opts?: OpenOptions): Promise<Opened>;
}

/**
 * Launches `engine` before the tests of the enclosing describe block and closes it after them, with every page
 * opened through the returned `open`: the set-up each engine's block of tests shares.
 */
export function useBrowser(engine: Engine): EngineBrowser {
  let browser: Browser | undefined;
  const opened: Opened[] = [];
  before(async () => {
    browser = await launch(engine);
  });
  after(async () => {
    for (const o of opened) await close(o);
    await browser?.close();
  });
  const launched = () => browser ?? assert.fail(`${engine} is not launched yet`);
  return {
    get browser() {
      return launched();
    },
    opened,
    async open(url, opts) {
      const o = await open(launched(), url, opts);
      opened.push(o);
      return o;
    },
  };
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
  /** Where this context's downloads land. */
  downloads: string;
}

export interface OpenOptions {
  width?: number;
  height?: number;
  /** A selector to wait for; '' waits for nothing. */
  waitFor?: string;
  /** Script run in the page before its own. */
  init?: string;
  /** Run on the page before it is loaded (request interception, say). */
  prepare?: (page: Page) => Promise<void>;
}

/**
 * page.setViewport, also in firefox-esr 140: puppeteer sends `emulation.setScreenOrientationOverride` beside the
 * viewport, a command that Firefox does not know yet; the viewport itself is set, as the page's size then shows.
 */
async function setViewport(page: Page, width: number, height: number): Promise<void> {
  try {
    await page.setViewport({ width, height });
  } catch (e) {
    if (!/unknown command emulation\.setScreenOrientationOverride/.test(String(e))) throw e;
    await page.waitForFunction(`innerWidth === ${width} && innerHeight === ${height}`);
  }
}

/** Opens `url` in a fresh context and waits until `waitFor` (the places, by default) is drawn. */
export async function open(browser: Browser, url: string, opts: OpenOptions = {}): Promise<Opened> {
  const shared = firefoxDownloads.get(browser);
  const downloads = shared ?? mkdtempSync(join(tmpdir(), 'aa-downloads-'));
  const context = await browser.createBrowserContext(
    shared ? {} : { downloadBehavior: { policy: 'allow', downloadPath: downloads } },
  );
  const page = await context.newPage();
  if (shared) patchFirefoxFrames(page.mainFrame());
  page.setDefaultTimeout(TIMEOUT_MS);
  await setViewport(page, opts.width ?? 1280, opts.height ?? 800);
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  if (opts.init) await page.evaluateOnNewDocument(opts.init);
  await opts.prepare?.(page);
  await page.goto(url);
  if (opts.waitFor !== '') await page.waitForSelector(opts.waitFor ?? '.aa-f');
  await settle(page);
  return { context, page, requests, errors, downloads };
}

type Scope = Page | Frame;

/**
 * Waits two frames and a moment: Firefox lays the page out once more after the first draw (the
 * ResizeObserver re-fits the map), and a click computed before that lands beside a small polygon.
 */
export async function settle(scope: Scope): Promise<void> {
  await scope.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await new Promise((r) => setTimeout(r, 150));
}

export interface FindOptions {
  /** Only elements whose text content matches (a string matches when it is contained). */
  hasText?: string | RegExp;
  /** Look inside the open shadow root of the first element matching this selector. */
  shadow?: string;
  /** The n-th match (default 0). */
  nth?: number;
}

const pattern = (t: string | RegExp | undefined) =>
  t === undefined ? null : t instanceof RegExp ? { src: t.source, flags: t.flags } : { text: t };

/**
 * Runs in the page (self-contained: puppeteer sends its source, and CSP pages forbid eval): the elements
 * matching `sel` under the document or a host's shadow root, filtered by text; `mode` picks the answer.
 */
function query(
  sel: string,
  shadow: string | null,
  p: { src?: string; flags?: string; text?: string } | null,
  mode: 'one' | 'count' | 'texts' | 'none',
  nth: number,
): unknown {
  const host = shadow ? document.querySelector(shadow) : null;
  const root: ParentNode | null | undefined = shadow ? host?.shadowRoot : document;
  const re = p?.src !== undefined ? new RegExp(p.src, p.flags) : null;
  const all = root
    ? [...root.querySelectorAll(sel)].filter((el) => {
        if (!p) return true;
        const t = el.textContent ?? '';
        return re ? re.test(t) : t.includes(p.text!);
      })
    : [];
  if (mode === 'count') return all.length;
  if (mode === 'none') return all.length === 0;
  if (mode === 'texts') return all.map((e) => e.textContent ?? '');
  return all[nth] ?? null;
}

const args = (selector: string, o: FindOptions, mode: string) =>
  [selector, o.shadow ?? null, pattern(o.hasText), mode, o.nth ?? 0] as const;

/** Waits for the element and returns it. */
export async function find(scope: Scope, selector: string, o: FindOptions = {}): Promise<ElementHandle<Element>> {
  const handle = await scope.waitForFunction(query as (...a: unknown[]) => unknown, {}, ...args(selector, o, 'one'));
  return handle.asElement() as ElementHandle<Element>;
}

/** Sets a file on the explorer's layer input (its "Open layer file…"); Firefox and Chromium both take a path. */
export async function openLayerFile(page: Page, file: string): Promise<void> {
  const input = (await find(page, 'input[type=file]')) as unknown as { uploadFile(p: string): Promise<void> };
  await input.uploadFile(file);
}

/** Waits until the layer titled `title` is shown whole: its title, a list row, a mention in the text, the map complete. */
export async function layerShown(page: Page, title: string, o: { timeout: number; polling: number }): Promise<void> {
  await page.waitForFunction(
    (t) =>
      document.querySelector('.aa-title')?.textContent === t &&
      document.querySelector('.aa-row') &&
      document.querySelector('.aa-article .aa-m') &&
      document.querySelector('.aa-map[data-complete]'),
    o,
    title,
  );
}

/** How many elements match now (no waiting). */
export function count(scope: Scope, selector: string, o: FindOptions = {}): Promise<number> {
  return scope.evaluate(query as (...a: unknown[]) => number, ...args(selector, o, 'count'));
}

/** Text contents of every match now (no waiting). */
export function texts(scope: Scope, selector: string, o: FindOptions = {}): Promise<string[]> {
  return scope.evaluate(query as (...a: unknown[]) => string[], ...args(selector, o, 'texts'));
}

/** Text content of the first match, after waiting for it. */
export async function text(scope: Scope, selector: string, o: FindOptions = {}): Promise<string> {
  const el = await find(scope, selector, o);
  return el.evaluate((e) => e.textContent ?? '');
}

export async function attr(scope: Scope, selector: string, name: string, o: FindOptions = {}): Promise<string | null> {
  const el = await find(scope, selector, o);
  return el.evaluate((e, n) => e.getAttribute(n), name);
}

/** Clicks the element once it has stopped moving (a map still fitting itself moves its features). */
export async function click(scope: Scope, selector: string, o: FindOptions = {}): Promise<void> {
  const el = await find(scope, selector, o);
  await waitStill(el);
  await el.click();
}

async function waitStill(el: ElementHandle<Element>): Promise<void> {
  let last = JSON.stringify(await el.boundingBox());
  for (let i = 0; i < 30; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const now = JSON.stringify(await el.boundingBox());
    if (now === last) break;
    last = now;
  }
}

/**
 * Clicks an SVG shape with the mouse at a point that is inside its fill and not covered by anything else
 * (the middle of a polygon's box may be outside it, under a city, or off the map). Top-level page only.
 */
export async function clickShape(page: Page, selector: string, o: FindOptions = {}): Promise<void> {
  const el = await find(page, selector, o);
  await el.evaluate((n) => n.scrollIntoView({ block: 'center' }));
  await waitStill(el);
  const point = await el.evaluate((node) => {
    const path = node as SVGGeometryElement;
    const root = path.getRootNode() as Document | ShadowRoot;
    const box = path.getBBox();
    const ctm = path.getScreenCTM()!;
    for (let i = 1; i < 12; i++) {
      for (let j = 1; j < 12; j++) {
        const p = new DOMPoint(box.x + (box.width * i) / 12, box.y + (box.height * j) / 12);
        if (!path.isPointInFill(p)) continue;
        const s = p.matrixTransform(ctm);
        if (root.elementFromPoint(s.x, s.y) === path) return { x: s.x, y: s.y };
      }
    }
    return null;
  });
  if (!point) throw new Error(`no clickable point on ${selector}`);
  await page.mouse.click(point.x, point.y);
}

/** Waits until `selector` matches nothing. */
export async function gone(scope: Scope, selector: string, o: FindOptions = {}): Promise<void> {
  await scope.waitForFunction(query as (...a: unknown[]) => unknown, {}, ...args(selector, o, 'none'));
}

/** Clicks `button` (a selector) and returns the file the browser saved, read from the download folder. */
export async function download(
  o: Opened,
  button: string,
  f: FindOptions = {},
): Promise<{ name: string; text: string; bytes: Buffer }> {
  rmSync(o.downloads, { recursive: true, force: true });
  mkdirSync(o.downloads, { recursive: true });
  await click(o.page, button, f);
  const deadline = Date.now() + TIMEOUT_MS;
  let last = '';
  for (;;) {
    // Chromium writes *.crdownload, Firefox *.part, before renaming to the final name; Firefox also makes the
    // final name empty at the start. Done: no partial file left and the same non-empty size twice running.
    // Firefox may also rename a file between the listing and the stat or read: that is "not yet", not a failure.
    const names = readdirSync(o.downloads);
    const done = names.filter((n) => !/\.(crdownload|part)$/.test(n));
    const size = done.length === names.length && done.length ? sizeOf(join(o.downloads, done[0])) : 0;
    const seen = `${done[0]}:${size}`;
    if (size > 0 && seen === last) {
      const bytes = readIfThere(join(o.downloads, done[0]));
      if (bytes) return { name: done[0], text: bytes.toString('utf8'), bytes };
    }
    last = seen;
    if (Date.now() > deadline) throw new Error(`no download from ${button}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A file's size, 0 when it is gone (renamed or removed since it was listed). */
function sizeOf(path: string): number {
  return statSync(path, { throwIfNoEntry: false })?.size ?? 0;
}

/** A file's bytes, or null when it is gone since it was listed. */
function readIfThere(path: string): Buffer | null {
  try {
    return readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** Closes a context and removes its download folder. */
export async function close(o: Opened): Promise<void> {
  await o.context.close().catch(() => {});
  rmSync(o.downloads, { recursive: true, force: true });
}

/**
 * Starts a timer in the page that fires every 10 ms and keeps the longest wait between two firings: how long
 * the page did not answer (issue #19 item 14). stopGapTimer reads it.
 */
export async function startGapTimer(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { aaGap: number; aaLast: number; aaTimer: number };
    w.aaGap = 0;
    w.aaLast = performance.now();
    w.aaTimer = setInterval(() => {
      const now = performance.now();
      w.aaGap = Math.max(w.aaGap, now - w.aaLast);
      w.aaLast = now;
    }, 10) as unknown as number;
  });
}

/** Stops the timer of startGapTimer and returns the longest the page did not answer, in ms. */
export function stopGapTimer(page: Page): Promise<number> {
  return page.evaluate(() => {
    const w = window as unknown as { aaGap: number; aaTimer: number };
    clearInterval(w.aaTimer);
    return w.aaGap;
  });
}
