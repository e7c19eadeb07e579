// Benchmark of the explorer's budgets (issue #4, "Budgets"); prints figures, asserts nothing, exits 0.
//
//   npm run bench:explorer                               (builds first)
//   node test/bench/explorer-bench.mjs [--cpu-throttle 4] [--runs 5] [--blocks 3] [--network slow4g]
//
// 1. Builds the explorer site for the seed article with the CLI into a temp folder.
// 2. Builds, in the same run, a reference page (test/bench/bare-page/): Preact renders a heading and the map
//    element, Leaflet (same versions, same ESM build, esbuild-minified) draws the SAME offline basemap
//    (basemap.json, canvas) and 20 features: the seed layer's 14 placed features + 6 extra city points.
// 3. Measures both with ../shared/tools/browser-kit/measure.mjs (headless Debian chromium via playwright-core),
//    alternating them in blocks (explorer R runs, bare R runs, …) and pooling the runs; on the explorer it also
//    clicks the Russia polygon and times click → passages painted.
// 4. Prints the table with PASS/OVER per budget.
//
// browser-kit is shared and read-only: when playwright-core is not installed next to it (nor in this project),
// the kit is copied to $TMPDIR/article-atlas-browser-kit and `npm install`ed there once. BROWSER_KIT=DIR
// points at another copy. CHROMIUM_PATH overrides /usr/bin/chromium.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, chmodSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = new URL('../..', import.meta.url).pathname;
const HERE = new URL('.', import.meta.url).pathname;

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
const BUDGET = { ratio: 1.15, clickMs: 16, jsKb: 58, cssKb: 5, layerKb: 40 };

const work = mkdtempSync(join(tmpdir(), 'aa-explorer-bench-'));
const explorerDir = join(work, 'explorer');
const bareDir = join(work, 'bare');
const shots = join(work, 'screenshots');
mkdirSync(shots, { recursive: true });

// ---- 1. the explorer site --------------------------------------------------------------------------------
if (!existsSync(join(ROOT, 'dist/cli.js'))) throw new Error('dist/cli.js missing: run `npm run build` (or `npm run bench:explorer`)');
execFileSync(process.execPath, [join(ROOT, 'dist/cli.js'), 'build', join(ROOT, 'test/fixtures/seed/article.txt'), '-o', explorerDir], { stdio: ['ignore', 'ignore', 'inherit'] });
const layer = JSON.parse(readFileSync(join(explorerDir, 'layer.geojson'), 'utf8'));
// The polygon clicked for click → passages. Not Kalbajar: on the seed's first view (fitted to Russia) Kalbajar
// is 2 px wide under the South Caucasus polygon, and Playwright's click waits for a hit on the element itself.
// Russia is the polygon that is on top at its own centre (and with 10 passages, a heavier panel than Kalbajar's 1).
const CLICKED = 'Russia';
const target = layer.features.find((f) => f.properties.name === CLICKED && f.geometry && f.geometry.type !== 'Point');
if (!target) throw new Error(`the seed layer has no ${CLICKED} polygon`);

// ---- 2. the bare reference page --------------------------------------------------------------------------
const EXTRA_POINTS = [
  ['Tbilisi', 44.7930, 41.7151], ['Ganja', 46.3606, 40.6828], ['Stepanakert', 46.7519, 39.8153],
  ['Shusha', 46.7500, 39.7583], ['Tehran', 51.3890, 35.6892], ['Istanbul', 28.9784, 41.0082],
];
const placed = layer.features.filter((f) => f.geometry);
const bareFeatures = [
  ...placed.map((f) => ({ type: 'Feature', properties: { name: f.properties.name }, geometry: f.geometry })),
  ...EXTRA_POINTS.map(([name, lon, lat]) => ({ type: 'Feature', properties: { name }, geometry: { type: 'Point', coordinates: [lon, lat] } })),
].slice(0, 20);
const bareKinds = bareFeatures.reduce((n, f) => ((n[f.geometry.type === 'Point' ? 'points' : 'polygons'] += 1), n), { points: 0, polygons: 0 });
mkdirSync(bareDir, { recursive: true });
await build({
  entryPoints: { app: join(HERE, 'bare-page/entry.jsx') },
  outdir: bareDir,
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['es2022'],
  platform: 'browser',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  loader: { '.css': 'css', '.png': 'empty', '.svg': 'empty' },
  // The same Leaflet build the explorer bundles (build.mjs aliases 'leaflet' to its ESM file); a plugin, not
  // `alias`, so that 'leaflet/dist/leaflet.css' still resolves.
  plugins: [{ name: 'leaflet-esm', setup: (b) => b.onResolve({ filter: /^leaflet$/ }, () => ({ path: join(ROOT, 'node_modules/leaflet/dist/leaflet-src.esm.js') })) }],
  nodePaths: [join(ROOT, 'node_modules')],
  logLevel: 'warning',
});
copyFileSync(join(HERE, 'bare-page/index.html'), join(bareDir, 'index.html'));
copyFileSync(join(explorerDir, 'basemap.json'), join(bareDir, 'basemap.json'));
writeFileSync(join(bareDir, 'features.geojson'), JSON.stringify({ type: 'FeatureCollection', features: bareFeatures }));

// ---- 3. browser-kit --------------------------------------------------------------------------------------
function kitDir() {
  const shared = process.env.BROWSER_KIT || join(ROOT, '../shared/tools/browser-kit');
  if (!existsSync(join(shared, 'measure.mjs'))) throw new Error(`browser-kit not found at ${shared} (set BROWSER_KIT)`);
  const has = (dir) => {
    for (const base of [dir, ROOT]) {
      try { createRequire(join(base, 'package.json')).resolve('playwright-core'); return true; } catch { /* next */ }
    }
    return false;
  };
  if (has(shared)) return shared;
  const copy = join(tmpdir(), 'article-atlas-browser-kit');
  const same = existsSync(join(copy, 'measure.mjs')) && readFileSync(join(copy, 'measure.mjs'), 'utf8') === readFileSync(join(shared, 'measure.mjs'), 'utf8');
  if (!same || !has(copy)) {
    console.error(`bench: ${shared} has no playwright-core; installing a copy in ${copy}`);
    cpSync(shared, copy, { recursive: true, force: true });
    const writable = (p) => { chmodSync(p, statSync(p).isDirectory() ? 0o755 : 0o644); if (statSync(p).isDirectory()) for (const f of readdirSync(p)) writable(join(p, f)); };
    writable(copy);
    execFileSync('npm', ['install', '--no-audit', '--no-fund'], { cwd: copy, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return copy;
}
const KIT = kitDir();

function measure(label, dir, extra) {
  const args = [join(KIT, 'measure.mjs'), '--serve', dir, '--runs', String(RUNS), '--label', label, '--ready', '.leaflet-interactive', '--network', NETWORK, ...extra];
  if (CPU > 1) args.push('--cpu-throttle', String(CPU));
  let out;
  try {
    out = execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 });
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
const CLICK = `path.aa-f[data-id="${target.id}"]`;
const EXPECT = `${PASSAGES} li mark`; // only there once a place is selected (before: a hint paragraph)
const pooled = { explorer: [], bare: [] };
const info = {};
const errors = [];
const tag = CPU > 1 ? `-cpu${CPU}` : '';
for (let b = 0; b < BLOCKS; b++) {
  const last = b === BLOCKS - 1;
  const shotArgs = (name, loaded) => (last ? ['--screenshot', join(shots, `${name}${tag}.png`), ...(loaded ? ['--screenshot-loaded', join(shots, `${name}${tag}-loaded.png`)] : [])] : ['--no-screenshot']);
  for (const [name, dir, extra] of [
    ['explorer', explorerDir, ['--click', CLICK, '--expect', EXPECT, ...shotArgs('explorer', true)]],
    ['bare', bareDir, shotArgs('bare', false)],
  ]) {
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
  const i = (v.length - 1) * p, lo = Math.floor(i), hi = Math.ceil(i);
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

const rows = [
  ['first paint (FCP)', 'fcpMs', ms],
  ['map container painted', 'containerPaintMs', ms],
  ['map painted (.leaflet-interactive)', 'readyPaintMs', ms],
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
const pad = (s, n) => String(s).padEnd(n);
const line = (a, b, c) => `  ${pad(a, 36)} ${pad(b, 26)} ${c}`;
const out = [];
out.push(`Explorer performance (issue #4 budgets) — ${new Date().toISOString().slice(0, 10)}, ${info.explorer.browser}, playwright-core ${info.explorer.playwrightCore}`);
out.push(`  ${RUNS} runs × ${BLOCKS} alternating blocks per page (medians, p25–p75 in brackets), 1280×800, cold cache, served by browser-kit (brotli),`);
out.push(`  CPU throttle ×${CPU}, network ${NETWORK}. Reference page: bare Leaflet ${JSON.parse(readFileSync(join(ROOT, 'node_modules/leaflet/package.json'), 'utf8')).version} + Preact ${JSON.parse(readFileSync(join(ROOT, 'node_modules/preact/package.json'), 'utf8')).version}, esbuild-minified,`);
out.push(`  the SAME basemap (basemap.json on canvas) and ${bareFeatures.length} features (${bareKinds.polygons} seed polygons/multipolygons, ${bareKinds.points} circle markers).`);
out.push('');
out.push(line('', 'explorer (seed)', 'bare page'));
for (const [label, key, f] of rows) out.push(line(label, f(stat('explorer', key)), f(stat('bare', key))));
const click = stat('explorer', 'clickToPaintMs');
out.push(line(`click ${CLICKED} → passages painted`, ms(click), ''));
out.push(line('  pointerdown → passages painted', ms(stat('explorer', 'pointerdownToPaintMs')), ''));
out.push(line('  Event Timing interaction (≥16, 8 ms steps)', ms(stat('explorer', 'interactionMs')), ''));

const ratio = stat('explorer', 'readyPaintMs').med / stat('bare', 'readyPaintMs').med;
// pooled per-run ratio spread: explorer run i over bare run i (same block position)
const n = Math.min(pooled.explorer.length, pooled.bare.length);
const ratios = Array.from({ length: n }, (_, i) => pooled.explorer[i].readyPaintMs / pooled.bare[i].readyPaintMs);
const js = gz(join(explorerDir, 'app.js')), css = gz(join(explorerDir, 'app.css')), layerGz = gz(join(explorerDir, 'layer.geojson'));
const bareJs = gz(join(bareDir, 'app.js')), bareCss = gz(join(bareDir, 'app.css'));
out.push('');
out.push('  gzip -9 sizes                       explorer                   bare page');
out.push(line('first-load JS', kb(js), kb(bareJs)));
out.push(line('first-load CSS', kb(css), kb(bareCss)));
out.push(line('data: layer / features', kb(layerGz), kb(gz(join(bareDir, 'features.geojson')))));
out.push(line('data: basemap.json', kb(gz(join(explorerDir, 'basemap.json'))), kb(gz(join(bareDir, 'basemap.json')))));
out.push('');
out.push('  Budgets');
out.push(line('map painted ratio (≤ 1.15×)', `${ratio.toFixed(2)}× (per run ${q(ratios, 0.25).toFixed(2)}–${q(ratios, 0.75).toFixed(2)})`, verdict(ratio <= BUDGET.ratio)));
out.push(line(`click → passages (≤ ${BUDGET.clickMs} ms, desktop)`, click.med == null ? '–' : `${click.med.toFixed(1)} ms`, click.med == null ? 'NOT MEASURED' : CPU > 1 ? `${verdict(click.med <= BUDGET.clickMs)} (throttled ×${CPU}; the budget is for desktop)` : verdict(click.med <= BUDGET.clickMs)));
out.push(line(`first-load JS (≤ ${BUDGET.jsKb} KB gzip)`, kb(js), verdict(js <= BUDGET.jsKb * 1024)));
out.push(line(`first-load CSS (≤ ${BUDGET.cssKb} KB gzip)`, kb(css), verdict(css <= BUDGET.cssKb * 1024)));
out.push(line(`seed layer (≤ ${BUDGET.layerKb} KB gzip)`, kb(layerGz), verdict(layerGz <= BUDGET.layerKb * 1024)));
out.push('');
out.push(`  screenshots: ${readdirSync(shots).map((f) => join(shots, f)).join(', ')}`);
if (errors.length) out.push(`  errors: ${errors.join('; ')}`);
console.log(out.join('\n'));
