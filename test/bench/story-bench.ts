// Benchmark of story maps (issue #18); prints figures, asserts nothing, exits 0.
//
//   npm run build && npx tsx test/bench/story-bench.ts [--sizes 1,100,1000] [--no-browser]
//
// Reads the dev corpora in ../shared/eval/dev/*.jsonl (319 articles) when present and says so when not;
// repeats them with new ids (and made-up dates over 60 days, so the timeline has something to show) to
// the sizes asked. For each size: `article-atlas build --jsonl -o DIR` wall time and peak RSS (GNU time),
// the collection's bytes and the site's first load (page, scripts with the story map's chunk, CSS,
// collection, basemap; texts are not part of it). For the largest size, in headless Chromium: time to the first drawn place, and
// click → passages painted for the place named in most articles (median of 9 clicks from the place list).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('../..', import.meta.url).pathname;
const DEV = join(ROOT, '../shared/eval/dev');
const argv = process.argv.slice(2);
const opt = (name: string, dflt: string) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : dflt);
const SIZES = opt('--sizes', '1,100,1000').split(',').map(Number);
const BROWSER = !argv.includes('--no-browser');
const DAY_MS = 86_400_000;

if (!existsSync(DEV)) {
  console.log(`story-bench: ${DEV} is not here (the dev corpora live in ../shared); nothing to measure.`);
  process.exit(0);
}
if (!existsSync(join(ROOT, 'dist/cli.js'))) throw new Error('dist/cli.js missing: run `npm run build` first');

const corpus = readdirSync(DEV)
  .filter((f) => f.endsWith('.jsonl'))
  .sort()
  .flatMap((f) =>
    readFileSync(join(DEV, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as { id: string; text: string; source?: string }),
  );
const work = mkdtempSync(join(tmpdir(), 'aa-story-bench-'));
const gz = (p: string) => gzipSync(readFileSync(p), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

/** `n` articles: the corpus again and again, each copy with new ids and its own date. */
function makeInput(n: number): string {
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const a = corpus[i % corpus.length];
    const copy = Math.floor(i / corpus.length);
    const title = a.text.trim().split('\n', 1)[0].slice(0, 90);
    const date = new Date(Date.UTC(2024, 0, 1) + (i % 60) * DAY_MS).toISOString().slice(0, 10);
    lines.push(JSON.stringify({ id: `c${copy}-${a.id}`, text: a.text, title, source: a.source, date }));
  }
  const file = join(work, `articles-${n}.jsonl`);
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

const rows: string[] = [];
let largest = '';
for (const n of SIZES) {
  const input = makeInput(n);
  const out = join(work, `site-${n}`);
  const r = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %M', process.execPath, join(ROOT, 'dist/cli.js'), 'build', '--jsonl', '-o', out],
    { input: readFileSync(input), encoding: 'utf8' },
  );
  if (r.status !== 0 && r.status !== 1) throw new Error(`build failed (${r.status}): ${r.stderr}`);
  const [secs, maxKb] = r.stderr.trim().split('\n').at(-1)!.split(' ').map(Number);
  const c = JSON.parse(readFileSync(join(out, 'collection.geojson'), 'utf8'));
  const mentions = c.features.reduce(
    (s: number, f: { properties: { mentions: unknown[] } }) => s + f.properties.mentions.length,
    0,
  );
  // The page, its scripts (app.js, the chunks it imports and the story map's chunk), CSS and data.
  const scripts = readdirSync(out).filter((f) => /^(app|chunk-.*|story-parts-.*)\.js$/.test(f));
  const first = ['index.html', ...scripts, 'app.css', 'collection.geojson', 'basemap.json'];
  const raw = first.reduce((s, f) => s + statSync(join(out, f)).size, 0);
  const zipped = first.reduce((s, f) => s + gz(join(out, f)), 0);
  const texts = readdirSync(join(out, 'articles')).reduce((s, f) => s + statSync(join(out, 'articles', f)).size, 0);
  rows.push(
    `${String(n).padStart(5)} articles: build ${secs.toFixed(1).padStart(5)} s, peak RSS ${(maxKb / 1024).toFixed(0).padStart(4)} MB; ` +
      `${c.features.length} places, ${mentions} mentions; collection ${kb(statSync(join(out, 'collection.geojson')).size)} (${kb(gz(join(out, 'collection.geojson')))} gzip); ` +
      `first load ${kb(raw)} (${kb(zipped)} gzip, of which basemap ${kb(gz(join(out, 'basemap.json')))}); texts apart ${kb(texts)}`,
  );
  console.log(rows.at(-1));
  largest = out;
}

if (BROWSER && largest) {
  const { default: puppeteer } = await import('puppeteer-core');
  const { serveSite } = await import('../../src/cli/serve-site.ts');
  const server = await serveSite(largest, { port: 0 });
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    const t0 = Date.now();
    await page.goto(server.url);
    await page.waitForSelector('.aa-f');
    const drawnMs = Date.now() - t0;
    const c = JSON.parse(readFileSync(join(largest, 'collection.geojson'), 'utf8'));
    const slow: number[] = [];
    const top = c.features
      .map((f: { properties: { name: string; mentions: Array<{ article: string }> } }) => ({
        name: f.properties.name,
        n: new Set(f.properties.mentions.map((m) => m.article)).size,
      }))
      .sort((a: { n: number }, b: { n: number }) => b.n - a.n)[0];
    // Click → passages painted, as the Event Timing API measures a real (trusted) click: from the input to
    // the next frame painted after its handlers (Chromium reports only clicks of 16 ms or more, to 8 ms).
    // Alternates with a second place so that each click selects.
    await page.evaluate(
      `window.__clicks = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.name === 'click') __clicks.push(e.duration); }).observe({ type: 'event', durationThreshold: 16 })`,
    );
    const row = async (name: string | null) =>
      (
        await page.evaluateHandle(
          `[...document.querySelectorAll('.aa-places .aa-row')].find((b) => ${name ? `b.querySelector('.aa-name').textContent === ${JSON.stringify(name)}` : 'true'})`,
        )
      ).asElement() as import('puppeteer-core').ElementHandle<Element>;
    const clicks = 9;
    for (let i = 0; i < clicks; i++) {
      await (await row(null)).click();
      await new Promise((r) => setTimeout(r, 1500));
      await page.evaluate('window.__clicks = []');
      await (await row(top.name)).click();
      await new Promise((r) => setTimeout(r, 1500));
      if (!(await page.$('.aa-passages .aa-group'))) throw new Error('no passages');
      slow.push(...((await page.evaluate('window.__clicks')) as number[]));
    }
    const times = slow.sort((a, b) => a - b);
    const median = times.length > clicks / 2 ? `${times[times.length - Math.ceil(clicks / 2)]} ms` : 'under 16 ms';
    console.log(
      `browser (${SIZES.at(-1)} articles, Chromium): first place drawn ${drawnMs} ms after navigation; click → passages for ${top.name} (${top.n} articles), ${clicks} clicks: median ${median}, ${times.length} at 16 ms or more${times.length ? ` (worst ${times.at(-1)} ms)` : ''}`,
    );
  } finally {
    await browser.close();
    await server.close();
  }
}
const sizes = execFileSync('gzip', ['-9c', join(ROOT, 'dist/site/app.js')]).length;
console.log(`explorer first-load JS: ${kb(sizes)} gzip (app.js)`);
rmSync(work, { recursive: true, force: true });
