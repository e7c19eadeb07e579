// Benchmark of the explorer's budgets (issues #4, #14); prints figures, asserts nothing, exits 0.
//
//   npm run bench:explorer                               (builds first)
//   node test/bench/explorer-bench.mjs [--cpu-throttle 4] [--runs 5] [--blocks 3] [--network slow4g] [--compare DIR]
//
// 1. Builds the explorer site for the seed article with the CLI into a temp folder.
// 2. Builds, in the same run, the reference page ../shared/tools/bare-page (Leaflet + Preact, 20 features inline,
//    no basemap and none of our data: a reference that carries our own costs hides them, issue #14), with this
//    project's node_modules when its pinned versions are ours, else after an `npm install` in the copy.
// 3. Measures both with ../shared/tools/browser-kit/measure.mjs (headless Debian chromium via playwright-core),
//    alternating them in blocks (explorer R runs, bare R runs, …) and pooling the runs. On the explorer it times
//    the article's shapes painted (the first `.leaflet-interactive`, as on the bare page), everything painted
//    (`.aa-map[data-complete]`: the basemap drawn after the places) and click → passages painted; in runs of its
//    own, the panel's place list and the article text painted (they follow the complete map).
// 4. Prints the table with PASS/OVER per budget: article shapes ≤ 1.25× the bare page's, everything ≤ 2×,
//    first-load JS ≤ 58 KB and CSS ≤ 5 KB gzip, embeds ≤ 60 KB, click → passages ≤ 16 ms, seed layer ≤ 40 KB.
//
// --compare DIR measures a second built explorer site (another commit's `article-atlas build` of the seed) in the
// same blocks and prints its shapes and everything painted against the same bare runs: an A/B on a shared host,
// where two separate runs drift by ±10%.
// Without ../shared the bench says so: without bare-page it measures the explorer alone (no ratios); without
// browser-kit it prints the sizes only. browser-kit is shared and read-only: when playwright-core is not
// installed next to it (nor in this project), the kit is copied to $TMPDIR/article-atlas-browser-kit and
// `npm install`ed there once. BROWSER_KIT=DIR and BARE_PAGE=DIR point at other copies; CHROMIUM_PATH overrides
// /usr/bin/chromium.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  chmodSync,
  readdirSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('../..', import.meta.url).pathname;
const SHARED = join(ROOT, '../shared/tools');

// ---- options ---------------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const CPU = Number(opt('--cpu-throttle', '1'));
const RUNS = Number(opt('--runs', '5'));
const BLOCKS = Number(opt('--blocks', '3'));
const NETWORK = opt('--network', 'none');
const COMPARE = opt('--compare', null);
const BUDGET = { shapesRatio: 1.25, everythingRatio: 2, clickMs: 16, jsKb: 58, cssKb: 5, embedKb: 60, layerKb: 40 };

const work = mkdtempSync(join(tmpdir(), 'aa-explorer-bench-'));
const explorerDir = join(work, 'explorer');
const shots = join(work, 'screenshots');
mkdirSync(shots, { recursive: true });
const notes = [];

// ---- 1. the explorer site --------------------------------------------------------------------------------
if (!existsSync(join(ROOT, 'dist/cli.js')))
  throw new Error('dist/cli.js missing: run `npm run build` (or `npm run bench:explorer`)');
execFileSync(
  process.execPath,
  [join(ROOT, 'dist/cli.js'), 'build', join(ROOT, 'test/fixtures/seed/article.txt'), '-o', explorerDir],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
const layer = JSON.parse(readFileSync(join(explorerDir, 'layer.geojson'), 'utf8'));
// The place clicked for click → passages: one on top at the first view (the layer's focus). Baku, a city: the
// areas' drawing order (smallest on top) is another change of issue #14; until it lands, the South Caucasus
// region lies over Azerbaijan and Armenia, and Playwright's click waits for a hit on the element itself.
const CLICKED = 'Baku';
const target = layer.features.find((f) => f.properties.name === CLICKED && f.geometry);
if (!target) throw new Error(`the seed layer has no ${CLICKED}`);

// ---- 2. the bare reference page --------------------------------------------------------------------------
/** Builds ../shared/tools/bare-page in a copy (the folder is read-only) and returns its dist, or null. */
function buildBarePage() {
  const source = process.env.BARE_PAGE || join(SHARED, 'bare-page');
  if (!existsSync(join(source, 'build.mjs'))) {
    notes.push(`reference page not found at ${source}: measuring the explorer alone, no paint ratios (set BARE_PAGE)`);
    return null;
  }
  const copy = join(work, 'bare-page');
  cpSync(source, copy, { recursive: true, filter: (p) => !p.includes('node_modules') && !p.endsWith('/dist') });
  const theirs = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')).dependencies ?? {};
  const ours = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const pinned = { ...ours.dependencies, ...ours.devDependencies };
  if (Object.entries(theirs).every(([name, version]) => pinned[name] === version))
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
  else
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: copy, stdio: ['ignore', 'ignore', 'inherit'] });
  execFileSync(process.execPath, ['build.mjs'], { cwd: copy, stdio: ['ignore', 'ignore', 'inherit'] });
  return join(copy, 'dist');
}
const bareDir = buildBarePage();

// ---- 3. browser-kit --------------------------------------------------------------------------------------
/** browser-kit with playwright-core installed, or null when ../shared has none. */
function kitDir() {
  const shared = process.env.BROWSER_KIT || join(SHARED, 'browser-kit');
  if (!existsSync(join(shared, 'measure.mjs'))) {
    notes.push(`browser-kit not found at ${shared}: no timings, sizes only (set BROWSER_KIT)`);
    return null;
  }
  const has = (dir) => {
    for (const base of [dir, ROOT]) {
      try {
        createRequire(join(base, 'package.json')).resolve('playwright-core');
        return true;
      } catch {
        /* next */
      }
    }
    return false;
  };
  if (has(shared)) return shared;
  const copy = join(tmpdir(), 'article-atlas-browser-kit');
  const same =
    existsSync(join(copy, 'measure.mjs')) &&
    readFileSync(join(copy, 'measure.mjs'), 'utf8') === readFileSync(join(shared, 'measure.mjs'), 'utf8');
  if (!same || !has(copy)) {
    console.error(`bench: ${shared} has no playwright-core; installing a copy in ${copy}`);
    cpSync(shared, copy, { recursive: true, force: true });
    const writable = (p) => {
      chmodSync(p, statSync(p).isDirectory() ? 0o755 : 0o644);
      if (statSync(p).isDirectory()) for (const f of readdirSync(p)) writable(join(p, f));
    };
    writable(copy);
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: copy, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return copy;
}
const KIT = kitDir();

function measure(label, dir, extra) {
  const args = [
    join(KIT, 'measure.mjs'),
    '--serve',
    dir,
    '--runs',
    String(RUNS),
    '--label',
    label,
    '--ready',
    '.leaflet-interactive',
    '--network',
    NETWORK,
    ...extra,
  ];
  if (CPU > 1) args.push('--cpu-throttle', String(CPU));
  let out;
  try {
    out = execFileSync(process.execPath, args, {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 64 << 20,
    });
  } catch (e) {
    out = e.stdout; // exit 1 = no run succeeded; the JSON still says why
  }
  try {
    return JSON.parse(out);
  } catch {
    return { perRun: [], errors: [{ error: `measure.mjs gave no JSON for ${label}` }] };
  }
}

const PASSAGES = 'section[role="region"][aria-label="Passages"]';
const CLICK = `.aa-f[data-id="${target.id}"]`;
const EXPECT = `${PASSAGES} li mark`; // only there once a place is selected (before: a hint paragraph)
// browser-kit's "container" is watched like "ready" (in the DOM, then painted): here the map once the basemap
// is drawn after the places (create-article-map.ts sets data-complete), i.e. everything painted.
const COMPLETE = '.aa-map[data-complete]';
// The page beside the map: the same explorer measured again for its place list (ready) and article text (container),
// which follow the complete map (MapView.tsx): the page's own "everything".
const LIST = '.aa-row';
const TEXT = '.aa-article p';
const pooled = { explorer: [], panel: [], compare: [], bare: [] };
const info = {};
const errors = [];
const tag = CPU > 1 ? `-cpu${CPU}` : '';
const pages = [
  ['explorer', explorerDir],
  ['panel', explorerDir],
  ...(COMPARE ? [['compare', COMPARE]] : []),
  ...(bareDir ? [['bare', bareDir]] : []),
];
for (let b = 0; KIT && b < BLOCKS; b++) {
  const last = b === BLOCKS - 1;
  const shotArgs = (name, loaded) =>
    last
      ? [
          '--screenshot',
          join(shots, `${name}${tag}.png`),
          ...(loaded ? ['--screenshot-loaded', join(shots, `${name}${tag}-loaded.png`)] : []),
        ]
      : ['--no-screenshot'];
  for (const [name, dir] of pages) {
    const extra =
      name === 'explorer'
        ? ['--container', COMPLETE, '--click', CLICK, '--expect', EXPECT, ...shotArgs(name, true)]
        : name === 'compare'
          ? ['--container', COMPLETE, '--no-screenshot']
          : name === 'panel'
            ? ['--ready', LIST, '--container', TEXT, '--no-screenshot']
            : shotArgs(name, false);
    process.stderr.write(`bench: block ${b + 1}/${BLOCKS} ${name} (${RUNS} runs${CPU > 1 ? `, cpu ×${CPU}` : ''})\n`);
    const r = measure(name, dir, extra);
    pooled[name].push(...r.perRun);
    info[name] = r;
    for (const e of r.errors) errors.push(`${name}: ${JSON.stringify(e)}`);
  }
}

// ---- 4. figures ------------------------------------------------------------------------------------------
const q = (xs, p) => {
  const v = xs.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const i = (v.length - 1) * p,
    lo = Math.floor(i),
    hi = Math.ceil(i);
  return v[lo] + (v[hi] - v[lo]) * (i - lo);
};
const stat = (name, key) => {
  const xs = pooled[name].map((r) => r[key]);
  return { med: q(xs, 0.5), p25: q(xs, 0.25), p75: q(xs, 0.75), n: xs.filter((x) => typeof x === 'number').length };
};
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => (n == null ? '–' : `${(n / 1024).toFixed(1)} KB`);
const ms = (s) => (s.med == null ? '–' : `${s.med.toFixed(1)} ms (${s.p25.toFixed(0)}–${s.p75.toFixed(0)})`);
const mb = (s) => (s.med == null ? '–' : `${(s.med / 1048576).toFixed(2)} MB`);
const num = (s) => (s.med == null ? '–' : String(Math.round(s.med)));
const verdict = (ok) => (ok ? 'PASS' : 'OVER');
const version = (pkg) => JSON.parse(readFileSync(join(ROOT, `node_modules/${pkg}/package.json`), 'utf8')).version;

const pad = (s, n) => String(s).padEnd(n);
const line = (a, b, c) => `  ${pad(a, 40)} ${pad(b, 26)} ${c}`;
const out = [];
out.push(
  `Explorer performance (issues #4, #14 budgets) — ${new Date().toISOString().slice(0, 10)}${KIT ? `, ${info.explorer?.browser}, playwright-core ${info.explorer?.playwrightCore}` : ''}`,
);
if (KIT) {
  out.push(
    `  ${RUNS} runs × ${BLOCKS} alternating blocks per page (medians, p25–p75 in brackets), 1280×800, cold cache, served by browser-kit (brotli),`,
  );
  out.push(
    `  CPU throttle ×${CPU}, network ${NETWORK}. Reference: ../shared/tools/bare-page (Leaflet ${version('leaflet')} + Preact ${version('preact')}, 20 features inline, no basemap).`,
  );
  out.push('');
  out.push(line('', 'explorer (seed)', bareDir ? 'bare page' : ''));
  const rows = [
    ['first paint (FCP)', 'fcpMs', ms],
    ['article shapes painted', 'readyPaintMs', ms],
    ['everything painted (basemap too)', 'containerPaintMs', ms],
    ['DOMContentLoaded', 'domContentLoadedMs', ms],
    ['load event', 'loadEventMs', ms],
    ['network done', 'resourcesEndMs', ms],
    ['script time (CDP)', 'scriptMs', ms],
    ['long tasks total', 'longTasksMs', ms],
    ['requests', 'requests', num],
    ['bytes on the wire (br)', 'transferredBytes', (s) => kb(s.med)],
    ['bytes decoded', 'decodedBytes', (s) => kb(s.med)],
    ['JS heap after GC', 'heapUsedAfterGcBytes', mb],
    ['DOM nodes', 'domNodes', num],
  ];
  // On the bare page the map container is everything: its 20 features are all it draws.
  for (const [label, key, f] of rows)
    out.push(
      line(
        label,
        f(stat('explorer', key)),
        bareDir ? f(stat('bare', key === 'containerPaintMs' ? 'readyPaintMs' : key)) : '',
      ),
    );
  out.push(line('place list painted (after the map)', ms(stat('panel', 'readyPaintMs')), ''));
  out.push(line('article text painted (after the list)', ms(stat('panel', 'containerPaintMs')), ''));
  out.push(line(`click ${CLICKED} → passages painted`, ms(stat('explorer', 'clickToPaintMs')), ''));
  out.push(line('  pointerdown → passages painted', ms(stat('explorer', 'pointerdownToPaintMs')), ''));
  out.push(line('  Event Timing interaction (≥16, 8 ms steps)', ms(stat('explorer', 'interactionMs')), ''));
}

/** An entry with the chunks it imports statically (they load before it can run), as build.mjs counts them. */
function firstLoad(dir, entry) {
  const files = [entry];
  for (let i = 0; i < files.length; i++)
    for (const [, chunk] of readFileSync(join(dir, files[i]), 'utf8').matchAll(
      /\b(?:from|import)\s*"\.\/([\w-]+\.js)"/g,
    ))
      if (!files.includes(chunk)) files.push(chunk);
  return files;
}
const explorerFiles = firstLoad(explorerDir, 'app.js');
const explorerJs = explorerFiles.reduce((sum, f) => sum + gz(join(explorerDir, f)), 0);
const css = gz(join(explorerDir, 'app.css'));
const element = gz(join(explorerDir, 'article-atlas.js'));
const frame = element + gz(join(explorerDir, 'embed-frame.js'));
const layerGz = gz(join(explorerDir, 'layer.geojson'));
out.push('');
out.push('  gzip -9 sizes');
out.push(
  line(
    `first-load JS (${explorerFiles.length === 1 ? 'app.js' : `app.js + ${explorerFiles.length - 1} chunks`})`,
    kb(explorerJs),
    bareDir ? `bare page ${kb(gz(join(bareDir, 'main.js')))}` : '',
  ),
);
out.push(line('first-load CSS (app.css)', kb(css), ''));
out.push(line('embed element (article-atlas.js)', kb(element), ''));
out.push(line('embed iframe (+ embed-frame.js)', kb(frame), ''));
// The basemap: its index and, when the site has them, its grid's files (one per cell; the blocks `b…` hold them
// again, the finer borders `f…` are read from zoom 8 on).
const cellsDir = join(explorerDir, 'basemap');
const cellsGz = existsSync(cellsDir)
  ? readdirSync(cellsDir)
      .filter((f) => /^-?\d/.test(f))
      .reduce((sum, f) => sum + gz(join(cellsDir, f)), 0)
  : null;
out.push(
  line(
    'data: seed layer / basemap.json',
    `${kb(layerGz)} / ${kb(gz(join(explorerDir, 'basemap.json')))}${cellsGz == null ? '' : ` + cells ${kb(cellsGz)}`}`,
    '',
  ),
);
out.push('');
out.push('  Budgets');
if (KIT && bareDir) {
  const base = stat('bare', 'readyPaintMs').med;
  const n = Math.min(pooled.explorer.length, pooled.bare.length);
  // Per-run spread: explorer run i over bare run i (same block position).
  const spread = (key) => {
    const rs = Array.from({ length: n }, (_, i) => pooled.explorer[i][key] / pooled.bare[i].readyPaintMs);
    return `per run ${q(rs, 0.25)?.toFixed(2)}–${q(rs, 0.75)?.toFixed(2)}`;
  };
  for (const [label, key, limit] of [
    ['article shapes painted', 'readyPaintMs', BUDGET.shapesRatio],
    ['everything painted', 'containerPaintMs', BUDGET.everythingRatio],
  ]) {
    const r = stat('explorer', key).med / base;
    out.push(
      line(
        `${label} (≤ ${limit}× bare page)`,
        Number.isFinite(r) ? `${r.toFixed(2)}× (${spread(key)})` : '–',
        Number.isFinite(r) ? verdict(r <= limit) : 'NOT MEASURED',
      ),
    );
  }
}
if (KIT && COMPARE) {
  const base = bareDir ? stat('bare', 'readyPaintMs').med : NaN;
  const ratio = (m) => (Number.isFinite(m / base) ? ` = ${(m / base).toFixed(2)}×` : '');
  for (const [name, dir] of [
    ['explorer', 'this tree'],
    ['compare', COMPARE],
  ]) {
    const shapes = stat(name, 'readyPaintMs');
    const all = stat(name, 'containerPaintMs');
    out.push(
      line(
        `  ${name} (${dir})`.slice(0, 40),
        `shapes ${ms(shapes)}${ratio(shapes.med)}`,
        `everything ${ms(all)}${ratio(all.med)}`,
      ),
    );
  }
}
if (KIT) {
  const click = stat('explorer', 'clickToPaintMs');
  out.push(
    line(
      `click → passages (≤ ${BUDGET.clickMs} ms, desktop)`,
      click.med == null ? '–' : `${click.med.toFixed(1)} ms`,
      click.med == null
        ? 'NOT MEASURED'
        : CPU > 1
          ? `${verdict(click.med <= BUDGET.clickMs)} (throttled ×${CPU}; the budget is for desktop)`
          : verdict(click.med <= BUDGET.clickMs),
    ),
  );
}
out.push(line(`first-load JS (≤ ${BUDGET.jsKb} KB gzip)`, kb(explorerJs), verdict(explorerJs <= BUDGET.jsKb * 1024)));
out.push(line(`first-load CSS (≤ ${BUDGET.cssKb} KB gzip)`, kb(css), verdict(css <= BUDGET.cssKb * 1024)));
out.push(line(`embeds (≤ ${BUDGET.embedKb} KB gzip, iframe)`, kb(frame), verdict(frame <= BUDGET.embedKb * 1024)));
out.push(line(`seed layer (≤ ${BUDGET.layerKb} KB gzip)`, kb(layerGz), verdict(layerGz <= BUDGET.layerKb * 1024)));
out.push('');
if (KIT)
  out.push(
    `  screenshots: ${readdirSync(shots)
      .map((f) => join(shots, f))
      .join(', ')}`,
  );
for (const n of notes) out.push(`  note: ${n}`);
if (errors.length) out.push(`  errors: ${errors.join('; ')}`);
console.log(out.join('\n'));
