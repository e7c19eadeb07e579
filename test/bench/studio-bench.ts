// Benchmark of the studio's budgets (issue #17); prints figures, asserts nothing, exits 0.
//
//   npm run bench:studio    (builds first)    tsx test/bench/studio-bench.ts [--runs 3] [--engine chromium] [--pause MS]
//                                             [--studio DIR,DIR2]
//
// The static studio (`article-atlas studio -o DIR`, here buildStudio) served on 127.0.0.1 by serveSite (no
// compression: the gazetteer's files are gzipped by the build). Per run, in headless Debian chromium (puppeteer):
// 1. cold: a fresh browser context (empty Cache Storage and IndexedDB); a 5,000-character article (the bundled
//    seed, cut at the last sentence end before 5,000) pasted into "Article text"; "Map this article" clicked;
//    timed from the click to the first place drawn (`.aa-f`) and the frame after it. Gazetteer download and
//    decoding included.
// 2. warm: "Start over", then a second visit (a new tab in the same context: the gazetteer is in Cache Storage),
//    the same article pasted and mapped, timed the same way.
// The article is pasted and the button clicked as soon as the text area is there, unless `--pause MS`: on a
// second visit the studio builds the gazetteer from the cache as the page opens, and an immediate click waits
// for the rest of that (the least favourable case; a person takes a few seconds to paste an article).
// Each run records the longest main-thread task between the click and the drawn map, and over the whole visit
// from the page's opening (Long Tasks API, Chromium), the time from the page's opening to the drawn map (the
// studio builds a cached gazetteer as it opens), and the bytes the whole visit transferred (Resource Timing of
// the page and of the worker: transferSize).
// Budgets: cold ≤ 3,000 ms, warm ≤ 1,000 ms, longest task < 200 ms.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { buildStudio } from '../../src/cli/build-studio.ts';
import { serveSite } from '../../src/cli/serve-site.ts';
import { launch, type Engine } from '../browser/harness.ts';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const RUNS = Number(opt('--runs', '3'));
const ENGINE = opt('--engine', 'chromium') as Engine;
/** A person's pause between the page's opening and the paste (default none: the click as soon as possible). */
const PAUSE_MS = Number(opt('--pause', '0'));
const BUDGET = { coldMs: 3000, warmMs: 1000, longTaskMs: 200 };

const seed = readFileSync(new URL('../fixtures/seed/article.txt', import.meta.url), 'utf8');
const cut = seed.slice(0, 5000);
const ARTICLE = cut.slice(0, cut.lastIndexOf('.') + 1);

/** Installs a long-task observer in the page (Chromium; Firefox has no Long Tasks API). */
const OBSERVE = `window.__tasks = []; try { new PerformanceObserver((l) => { for (const e of l.getEntries())
  window.__tasks.push({ start: e.startTime, duration: e.duration }); }).observe({ type: 'longtask', buffered: true }); } catch {}`;

interface Figures {
  ms: number;
  /** From the page's navigation start to the drawn map. */
  fromOpenMs: number;
  /** The studio's own performance measures (`aa:*`, page and worker), ms. */
  steps: Record<string, number>;
  longestTaskMs: number | null;
  longestVisitTaskMs: number | null;
  transferredBytes: number;
}

/** Pastes the article, clicks "Map this article", waits for the drawn map; the figures of that span. */
async function mapArticle(page: Page): Promise<Figures> {
  await page.waitForSelector('#aa-studio-text');
  await new Promise((r) => setTimeout(r, PAUSE_MS));
  await page.$eval(
    '#aa-studio-text',
    (el, t) => {
      (el as HTMLTextAreaElement).value = t as string;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    },
    ARTICLE,
  );
  const t0 = await page.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Map this article')!;
    const t = performance.now();
    performance.mark('bench:click');
    button.click();
    return t;
  });
  await page.waitForSelector('.aa-f', { timeout: 60_000 });
  const t1 = await page.evaluate(
    () =>
      new Promise<number>((r) =>
        requestAnimationFrame(() => setTimeout(() => r(performance.mark('bench:drawn').startTime))),
      ),
  );
  const tasks = await page.evaluate(
    () => (window as unknown as { __tasks: Array<{ start: number; duration: number }> }).__tasks,
  );
  const during = tasks.filter((t) => t.start + t.duration >= t0 && t.start <= t1);
  const sizes = () =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).reduce((s, e) => s + e.transferSize, 0);
  let bytes = await page.evaluate(sizes);
  for (const w of page.workers()) bytes += await w.evaluate(sizes);
  const steps: Record<string, number> = {};
  const measures = () =>
    performance.getEntriesByType('measure').map((m) => [m.name, m.duration, m.startTime] as [string, number, number]);
  for (const [name, duration] of await page.evaluate(measures)) steps[name] = duration;
  for (const w of page.workers()) for (const [name, duration] of await w.evaluate(measures)) steps[name] = duration;
  return {
    ms: t1 - t0,
    fromOpenMs: t1,
    steps,
    longestTaskMs: ENGINE === 'chromium' ? Math.max(0, ...during.map((t) => t.duration)) : null,
    longestVisitTaskMs: ENGINE === 'chromium' ? Math.max(0, ...tasks.map((t) => t.duration)) : null,
    transferredBytes: bytes,
  };
}

// `--studio DIR,DIR2`: built studios (`studio -o DIR`, e.g. of another commit) measured in turn in each run,
// for a paired comparison on a loaded machine; by default the one built from this checkout's dist/.
const given = opt('--studio', '');
const dir = mkdtempSync(join(tmpdir(), 'aa-studio-bench-'));
if (!given) await buildStudio(dir);
const studios = given ? given.split(',') : [dir];
const servers = await Promise.all(studios.map((d) => serveSite(d, { port: 0 })));
const browser = await launch(ENGINE);
const cold: Figures[][] = studios.map(() => []);
const warm: Figures[][] = studios.map(() => []);
try {
  for (let run = 0; run < RUNS; run++) {
    for (const [s, server] of servers.entries()) {
      const context = await browser.createBrowserContext();
      const first = await context.newPage();
      await first.evaluateOnNewDocument(OBSERVE);
      await first.goto(server.url);
      cold[s].push(await mapArticle(first));
      await first.click('.aa-studio-start-over');
      await first.waitForSelector('dialog[open]');
      await first.$eval('dialog[open] button[type=submit]', (b) => (b as HTMLButtonElement).click());
      await first.waitForFunction(() => !document.querySelector('.aa-f'));
      await first.close();
      const second = await context.newPage();
      await second.evaluateOnNewDocument(OBSERVE);
      await second.goto(server.url);
      warm[s].push(await mapArticle(second));
      await context.close();
      process.stderr.write(
        `run ${run + 1}/${RUNS} ${studios[s]}: cold ${cold[s].at(-1)!.ms.toFixed(0)} ms, ` +
          `warm ${warm[s].at(-1)!.ms.toFixed(0)} ms\n`,
      );
    }
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((s) => s.close()));
  rmSync(dir, { recursive: true, force: true });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const row = (name: string, runs: Figures[], budgetMs: number) => {
  const ms = median(runs.map((r) => r.ms));
  const task = runs[0].longestTaskMs === null ? null : Math.max(...runs.map((r) => r.longestTaskMs!));
  const visitTask = Math.max(...runs.map((r) => r.longestVisitTaskMs ?? NaN));
  return [
    name.padEnd(6),
    `${ms.toFixed(0).padStart(6)} ms (budget ${budgetMs}: ${ms <= budgetMs ? 'PASS' : 'OVER'})`,
    `runs ${runs.map((r) => r.ms.toFixed(0)).join('/')}`,
    `longest task ${task === null ? 'n/a' : `${task.toFixed(0)} ms (${task < BUDGET.longTaskMs ? 'PASS' : 'OVER'})`}`,
    `(visit ${visitTask.toFixed(0)} ms)`,
    `transferred ${(median(runs.map((r) => r.transferredBytes)) / 1048576).toFixed(2)} MB`,
  ].join('  ');
};
for (const [s, studio] of studios.entries()) {
  const label = given ? ` ${studio}` : '';
  const pause = PAUSE_MS ? `, pasted ${PAUSE_MS} ms after the page opened` : '';
  console.log(`studio bench${label}, ${ENGINE}, ${RUNS} runs, ${ARTICLE.length}-character article${pause} (medians):`);
  console.log(row('cold', cold[s], BUDGET.coldMs));
  console.log(row('warm', warm[s], BUDGET.warmMs));
  // The studio's own steps (performance.measure in the page and its worker): where the time went.
  for (const [name, runs] of [
    ['cold', cold[s]],
    ['warm', warm[s]],
  ] as const) {
    const steps = [...new Set(runs.flatMap((r) => Object.keys(r.steps)))];
    console.log(
      `  ${name}: from page open ${median(runs.map((r) => r.fromOpenMs)).toFixed(0)} ms, ` +
        `after the reply ${median(runs.map((r) => r.ms - (r.steps['aa:reply'] ?? NaN))).toFixed(0)} ms; ` +
        steps
          .map((n) => `${n.replace(/^aa:/, '')} ${median(runs.map((r) => r.steps[n] ?? NaN)).toFixed(0)}`)
          .join(', '),
    );
  }
}
