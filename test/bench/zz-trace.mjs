// Where the explorer's first load spends its time: loads a built site in headless Chromium with a Chrome trace
// and prints, per main-thread task, when it ran and what it did (script by file, style, layout, paint, GC), with
// the moments the article's shapes and everything (data-complete) were first painted.
//   node test/bench/explorer-trace.mjs SITE_DIR [--runs 3] [--viewport 1280x800] [--trace-out FILE] [--brief] [--shapes-only]
//     [--requests] [--profile]
// --requests lists each request's start and end as the renderer saw them; --profile adds V8's sampling profiler
// and prints the functions with the most self time before the shapes and before everything (names are readable
// in a site built with `AA_NAMES=1 node build.mjs`).
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const site = resolve(argv[0] ?? '');
const RUNS = Number(opt('--runs', '3'));
const [W, H] = opt('--viewport', '1280x800').split('x').map(Number);
const KIT = process.env.BROWSER_KIT || new URL('../../../shared/tools/browser-kit', import.meta.url).pathname;
if (!existsSync(join(KIT, 'serve.mjs')) || !existsSync(join(site, 'index.html'))) {
  console.log(`explorer-trace: needs a built site (${site}) and browser-kit's server (${KIT}, or BROWSER_KIT=DIR)`);
  process.exit(0);
}
const { startServer } = await import(join(KIT, 'serve.mjs'));

const server = await startServer({ root: site, port: 0 });
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});
// In the page before anything runs: the frame in which the first shape and data-complete are visible.
const PROBE = `(() => {
  const seen = {};
  const check = () => {
    const t = performance.now();
    if (!seen.shapes && document.querySelector('.leaflet-interactive')) { seen.shapes = t; performance.mark('aa-shapes'); }
    if (!seen.complete && document.querySelector('.aa-map[data-complete]')) { seen.complete = t; performance.mark('aa-complete'); }
    requestAnimationFrame(check);
    window.__aaSeen = seen;
  };
  requestAnimationFrame(check);
})();`;
const CATS = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'loading',
  'disabled-by-default-v8.compile',
  'v8',
  ...(argv.includes('--profile') ? ['disabled-by-default-v8.cpu_profiler'] : []),
];
const summary = [];
for (let run = 0; run < RUNS; run++) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport({ width: W, height: H });
  await page.setCacheEnabled(false);
  await page.evaluateOnNewDocument(PROBE);
  await page.tracing.start({ categories: CATS });
  await page.goto(server.url);
  // A page without `data-complete` (the bare reference page) is done once its shapes are painted.
  const bare = argv.includes('--shapes-only');
  await page.waitForFunction(
    (bare) => window.__aaSeen?.complete || (bare && window.__aaSeen?.shapes),
    { timeout: 30000 },
    bare,
  );
  await new Promise((r) => setTimeout(r, 300));
  const seen = await page.evaluate(() => window.__aaSeen);
  const buf = await page.tracing.stop();
  const out = opt('--trace-out', null);
  if (out) writeFileSync(out.replace(/(\.json)?$/, `-${run}.json`), buf);
  const events = JSON.parse(Buffer.from(buf).toString()).traceEvents;
  summary.push(analyse(events, seen));
  await context.close();
}
await browser.close();
await server.close();

function analyse(events, seen) {
  // The renderer's main thread: the one with the page's ParseHTML.
  const parse = events.find((e) => e.name === 'ParseHTML');
  const main = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid);
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === parse.pid) ?? parse;
  const t0 = nav.ts;
  const ms = (us) => Math.round(us / 100) / 10;
  seen.complete ??= NaN;
  const tasks = main.filter(
    (e) => e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
  );
  const kids = main.filter((e) => e.ph === 'X' && e.name !== 'RunTask' && e.name !== 'ThreadControllerImpl::RunTask');
  const totals = {};
  const rows = [];
  let cpu = 0;
  for (const t of tasks) {
    if (t.ts < t0 || t.dur < 200) continue;
    const inside = kids.filter((k) => k.ts >= t.ts && k.ts + (k.dur ?? 0) <= t.ts + t.dur);
    const by = {};
    for (const k of inside) {
      let key = k.name;
      if (key === 'EvaluateScript' || key === 'v8.compile' || key === 'FunctionCall' || key === 'v8.compileModule') {
        const url = k.args?.data?.url || k.args?.data?.fileName || '';
        const fn = k.args?.data?.functionName || '';
        key = `${key} ${url.split('/').pop()}${fn ? ` ${fn}` : ''}`;
      }
      if (
        ![
          'Layout',
          'UpdateLayoutTree',
          'Paint',
          'PrePaint',
          'Layerize',
          'Commit',
          'MinorGC',
          'MajorGC',
          'V8.GC_SCAVENGER',
          'ParseHTML',
          'ResourceReceivedData',
        ].includes(k.name) &&
        !key.startsWith('EvaluateScript') &&
        !key.startsWith('FunctionCall') &&
        !key.startsWith('v8.compile') &&
        k.name !== 'FireAnimationFrame' &&
        k.name !== 'TimerFire' &&
        k.name !== 'ParseAuthorStyleSheet' &&
        k.name !== 'V8.ParseLazy' &&
        k.name !== 'V8.CompileLazy'
      )
        continue;
      by[key] = (by[key] ?? 0) + (k.dur ?? 0);
    }
    for (const [k, v] of Object.entries(by)) {
      const top = k.split(' ')[0];
      totals[top] = (totals[top] ?? 0) + v;
    }
    const parts = Object.entries(by)
      .filter(([, v]) => v >= 1000)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 6)
      .map(([k, v]) => `${k}:${ms(v)}`)
      .join(', ');
    rows.push(
      `  ${String(ms(t.ts - t0)).padStart(7)} +${String(ms(t.dur)).padStart(6)} cpu ${String(ms(t.tdur ?? 0)).padStart(6)}  ${parts}`,
    );
    cpu += t.tdur ?? 0;
  }
  const marks = Object.fromEntries(
    events.filter((e) => e.name === 'aa-shapes' || e.name === 'aa-complete').map((e) => [e.name, ms(e.ts - t0)]),
  );
  // Main-thread CPU (thread time, which the host's other work does not inflate as it does wall time) of every
  // task that began before each moment.
  const cpuBefore = (name) => {
    const mark = events.find((e) => e.name === name);
    if (!mark) return null;
    return ms(tasks.filter((t) => t.ts >= t0 && t.ts < mark.ts).reduce((sum, t) => sum + (t.tdur ?? 0), 0));
  };
  const cpuTo = { shapes: cpuBefore('aa-shapes'), complete: cpuBefore('aa-complete') };
  const markTs = (name) => events.find((e) => e.name === name)?.ts ?? Infinity;
  // Requests as the renderer saw them: sent, response headers, finished (ms from navigation start).
  const requests = new Map();
  for (const e of events) {
    const d = e.args?.data;
    if (!d?.requestId) continue;
    const r = requests.get(d.requestId) ?? {};
    if (e.name === 'ResourceSendRequest') Object.assign(r, { url: d.url.split('/').pop() || '/', sent: ms(e.ts - t0) });
    if (e.name === 'ResourceReceiveResponse') r.response = ms(e.ts - t0);
    if (e.name === 'ResourceFinish') r.done = ms(e.ts - t0);
    requests.set(d.requestId, r);
  }
  return {
    seen,
    requests: [...requests.values()].filter((r) => r.url).sort((a, b) => a.sent - b.sent),
    profile: profileOf(events, parse, events.filter((e) => e.name.startsWith('T ') || e.name.startsWith('aa-')).sort((a,b)=>a.ts-b.ts).map((e) => [e.name + ' @' + ms(e.ts - t0), e.ts])),
    marks,
    cpuTo,
    rows,
    cpu: ms(cpu),
    totals: Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, ms(v)])),
  };
}
/**
 * Self time per function (name, file and line) from the trace's sampling profiler, for the samples before each
 * moment: [[moment, [[function, ms], …]], …], the top 25 each.
 */
function profileOf(events, parse, moments) {
  const profile = events.find((e) => e.name === 'Profile' && e.pid === parse.pid);
  if (!profile) return [];
  const nodes = new Map();
  const samples = [];
  let t = profile.args.data.startTime;
  for (const e of events) {
    if (e.name !== 'ProfileChunk' || e.id !== profile.id) continue;
    const { cpuProfile, timeDeltas = [] } = e.args.data;
    for (const n of cpuProfile?.nodes ?? []) nodes.set(n.id, n.callFrame);
    for (const [i, id] of (cpuProfile?.samples ?? []).entries()) {
      t += timeDeltas[i] ?? 0;
      samples.push([t, id]);
    }
  }
  return moments.map(([name, until], mi) => {
    const self = {};
    const from = mi ? moments[mi - 1][1] : 0;
    for (let i = 0; i + 1 < samples.length; i++) {
      const [at, id] = samples[i];
      if (at >= until) break;
      if (at < from) continue;
      const f = nodes.get(id);
      const key = f
        ? `${f.functionName || '(anon)'} ${(f.url ?? '').split('/').pop()}:${(f.lineNumber ?? 0) + 1}:${(f.columnNumber ?? 0) + 1}`
        : '?';
      self[key] = (self[key] ?? 0) + (samples[i + 1][0] - at) / 1000;
    }
    const top = Object.entries(self)
      .sort((a, b) => b[1] - a[1])
      .filter(([,v]) => v >= 0.4).slice(0, 12)
      .map(([k, v]) => [k, Math.round(v * 10) / 10]);
    return [name, top];
  });
}

for (const [i, s] of summary.entries()) {
  console.log(
    `run ${i + 1}: shapes seen ${Math.round(s.seen.shapes)} ms, complete ${Math.round(s.seen.complete)} ms (page clock)`,
  );
  if (!argv.includes('--brief')) console.log(s.rows.join('\n'));
  if (argv.includes('--requests'))
    for (const r of s.requests)
      console.log(`  request ${r.url.padEnd(28)} sent ${r.sent}, response ${r.response}, done ${r.done}`);
  for (const [moment, top] of s.profile) {
    console.log(`  self time before ${moment} (ms):`);
    for (const [f, v] of top) console.log(`    ${String(v).padStart(6)}  ${f}`);
  }
  console.log(`  main-thread CPU before shapes painted ${s.cpuTo.shapes} ms, before everything ${s.cpuTo.complete} ms`);
  console.log('  totals (ms):', JSON.stringify(s.totals), 'main-thread CPU in tasks ≥ 3 ms:', s.cpu);
}
