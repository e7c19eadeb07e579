// The first task of built pages, side by side (issue #14): loads each page in turn in headless Chromium with a Chrome
// trace, round after round (alternated, for a shared host), and prints per page the medians of when the HTML, CSS and
// script came in and ran, the main thread's CPU inside the task that runs the script (its style and layout, minor
// GCs, HTML parsing, microtasks, `Document::FinishedParsing`), DOMContentLoaded and the frame that shows the first
// `.leaflet-interactive`. On a loaded host read the CPU rows; the wall-clock rows move with the load.
//   node test/bench/first-task-trace.mjs SITE_DIR [SITE_DIR…] [--rounds 5] [--trace-out DIR]
// e.g. a built explorer of main, one of a branch and ../shared/tools/bare-page's dist. Prints figures, asserts nothing.
// Rows (ms from navigation; medians): htmlData/htmlDone the page's first and last bytes, jsSent/jsDone the script's
// request and response, streamStart its background compile; evalStart/evalWall/evalCpu the script's evaluation,
// taskEnd/taskCpu the task that runs it, then inside that task styleLayoutCpu, gcCpu, parseHtmlCpu, microCpu (the
// promises after the evaluation: the explorer's layer) and finishedCpu; dcl; shapes the frame that shows the first
// shape; cpuBeforeShapes all the main thread's CPU until then.
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer from 'puppeteer-core';

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : dflt;
};
const KIT = process.env.BROWSER_KIT || new URL('../../../shared/tools/browser-kit', import.meta.url).pathname;
const sites = argv.filter((a, i) => !a.startsWith('--') && !argv[i - 1]?.startsWith('--')).map((s) => resolve(s));
const ROUNDS = Number(opt('--rounds', '5'));
const OUT = opt('--trace-out', null);
if (!existsSync(join(KIT, 'serve.mjs')) || !sites.length || !sites.every((s) => existsSync(join(s, 'index.html')))) {
  console.log(`first-task-trace: needs built sites (SITE_DIR…) and browser-kit's server (${KIT}, or BROWSER_KIT=DIR)`);
  process.exit(0);
}
const { startServer } = await import(join(KIT, 'serve.mjs'));
const servers = await Promise.all(sites.map((root) => startServer({ root, port: 0 })));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
});
const PROBE = `(() => { const seen = {}; window.__aaSeen = seen; const check = () => { const t = performance.now();
 if (!seen.shapes && document.querySelector('.leaflet-interactive')) { seen.shapes = t; performance.mark('aa-shapes'); }
 if (!seen.complete && document.querySelector('.aa-map[data-complete]')) { seen.complete = t; performance.mark('aa-complete'); }
 if (!seen.shapes || !seen.complete) requestAnimationFrame(check); }; requestAnimationFrame(check); })();`;
const CATS = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline.stack',
  'disabled-by-default-devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'loading',
  'v8',
  'blink',
  'toplevel',
];
const res = sites.map(() => []);
for (let r = 0; r < ROUNDS + 1; r++)
  for (let i = 0; i < sites.length; i++) {
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.setCacheEnabled(false);
    await page.evaluateOnNewDocument(PROBE);
    await page.tracing.start({ categories: CATS });
    await page.goto(servers[i].url);
    await page.waitForFunction(() => window.__aaSeen?.shapes, { timeout: 30000 });
    await new Promise((r) => setTimeout(r, 150));
    const buf = await page.tracing.stop();
    await context.close();
    if (r === 0) continue; // warm-up
    if (OUT) writeFileSync(join(OUT, `trace-${i}-${r}.json`), buf);
    res[i].push(analyse(JSON.parse(Buffer.from(buf).toString()).traceEvents));
  }
await browser.close();
for (const s of servers) await s.close();
const med = (a) => {
  const s = a.filter((x) => Number.isFinite(x)).sort((x, y) => x - y);
  return s.length ? s[(s.length - 1) >> 1] : NaN;
};
const keys = Object.keys(res[0][0]);
console.log('metric'.padEnd(22) + sites.map((s) => s.split('/').slice(-2).join('/').padStart(22)).join(''));
for (const k of keys)
  console.log(k.padEnd(22) + res.map((rs) => `${med(rs.map((x) => x[k])).toFixed(1)}`.padStart(22)).join(''));

function analyse(ev) {
  const parse = ev.find((e) => e.name === 'ParseHTML');
  const pid = parse.pid,
    tid = parse.tid;
  const nav = ev.find((e) => e.name === 'navigationStart' && e.pid === pid) ?? parse;
  const t0 = nav.ts;
  const at = (e) => (e ? (e.ts - t0) / 1000 : NaN);
  const urls = new Map();
  for (const e of ev)
    if (e.pid === pid && e.name === 'ResourceSendRequest') urls.set(e.args.data.requestId, e.args.data.url);
  const fin = (re) =>
    ev.find((e) => e.pid === pid && e.name === 'ResourceFinish' && re.test(urls.get(e.args.data.requestId) ?? ''));
  const shapes = ev.find((e) => e.name === 'aa-shapes');
  const dcl = ev.find((e) => e.name === 'MarkDOMContent' && e.pid === pid);
  const script = ev.find(
    (e) =>
      e.pid === pid &&
      e.tid === tid &&
      (e.name === 'v8.evaluateModule' ||
        (e.name === 'EvaluateScript' && /\/(app|main)\.js/.test(e.args?.data?.url ?? ''))),
  );
  const stream = ev.find((e) => e.pid === pid && e.name === 'BackgroundJSStreamManager::RunScriptStreamingTask');
  const tasks = ev.filter(
    (e) =>
      e.pid === pid &&
      e.tid === tid &&
      e.ph === 'X' &&
      (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'),
  );
  const task = script && tasks.find((t) => t.ts <= script.ts && t.ts + t.dur >= script.ts);
  let cpu = 0;
  for (const t of tasks) if (t.ts >= t0 && shapes && t.ts < shapes.ts) cpu += (t.tdur ?? 0) / 1000;
  const htmlFin = fin(/\/$/);
  // CPU by kind inside the script's task and the frame tasks until the shapes' mark
  const inTask = (e) => task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + task.dur;
  const sumTop = (names) => {
    const es = ev
      .filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X' && names.includes(e.name) && inTask(e))
      .sort((a, b) => a.ts - b.ts);
    let tot = 0,
      end = 0;
    for (const e of es)
      if (e.ts >= end) {
        tot += (e.tdur ?? 0) / 1000;
        end = e.ts + e.dur;
      }
    return tot;
  };
  const micro = ev.find(
    (e) => e.pid === pid && e.tid === tid && e.name === 'RunMicrotasks' && inTask(e) && e.ts >= (script?.ts ?? 0),
  );
  const finished = ev.find(
    (e) => e.pid === pid && e.tid === tid && e.name === 'Document::FinishedParsing' && inTask(e),
  );
  return {
    htmlData: at(
      ev.find(
        (e) => e.pid === pid && e.name === 'ResourceReceivedData' && /\/$/.test(urls.get(e.args.data.requestId) ?? ''),
      ),
    ),
    jsSent: at(
      ev.find((e) => e.pid === pid && e.name === 'ResourceSendRequest' && /\/(app|main)\.js$/.test(e.args.data.url)),
    ),
    htmlDone: at(htmlFin),
    cssDone: at(fin(/\.css$/)),
    streamStart: at(stream),
    jsDone: at(fin(/\/(app|main)\.js$/)),
    evalStart: at(script),
    evalWall: script ? script.dur / 1000 : NaN,
    evalCpu: script ? (script.tdur ?? 0) / 1000 : NaN,
    taskEnd: task ? (task.ts + task.dur - t0) / 1000 : NaN,
    taskCpu: task ? task.tdur / 1000 : NaN,
    styleLayoutCpu: sumTop(['Layout', 'UpdateLayoutTree']),
    gcCpu: sumTop(['MinorGC', 'MajorGC']),
    parseHtmlCpu: sumTop(['ParseHTML']),
    microCpu: micro ? micro.tdur / 1000 : NaN,
    finishedCpu: finished ? finished.tdur / 1000 : NaN,
    dcl: at(dcl),
    shapes: at(shapes),
    cpuBeforeShapes: cpu,
  };
}
