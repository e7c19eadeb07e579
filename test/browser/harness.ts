// Shared setup of the browser tests (issue #4): builds a static explorer site for a layer with
// buildSite, serves it with serveSite on 127.0.0.1 and drives Debian's chromium through playwright-core,
// recording every request so tests can prove nothing leaves the machine.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { ArticleLayer } from '../../src/core/types.ts';
import { buildSite } from '../../src/cli/build-site.ts';
import { serveSite, type SiteServer } from '../../src/cli/serve-site.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SEED_SAMPLE_PATH = new URL('../fixtures/layers/seed-sample.geojson', import.meta.url);
export const seedSampleText = () => readFileSync(SEED_SAMPLE_PATH, 'utf8');
export const seedSample = (): ArticleLayer => JSON.parse(seedSampleText());

export interface Site {
  dir: string;
  server: SiteServer;
  close(): Promise<void>;
}

/** Builds and serves a site for `layer`; `layerText` replaces layer.geojson byte for byte when given. */
export async function startSite(layer: ArticleLayer, layerText?: string): Promise<Site> {
  const dir = mkdtempSync(join(tmpdir(), 'aa-site-'));
  await buildSite(layer, dir);
  if (layerText !== undefined) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'layer.geojson'), layerText);
  }
  const server = await serveSite(dir, { port: 0 });
  return {
    dir,
    server,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launch(): Promise<Browser> {
  // playwright-core adds its own fresh --user-data-dir (and refuses one in args).
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Opened {
  context: BrowserContext;
  page: Page;
  requests: string[];
  errors: string[];
}

/** Opens `url` in a fresh context and waits until the places are drawn. */
export async function open(browser: Browser, url: string, opts: { width?: number; height?: number; reducedMotion?: boolean; waitFor?: string } = {}): Promise<Opened> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    acceptDownloads: true,
    reducedMotion: opts.reducedMotion === false ? 'no-preference' : 'reduce',
  });
  const page = await context.newPage();
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await page.waitForSelector(opts.waitFor ?? '.aa-f');
  return { context, page, requests, errors };
}
