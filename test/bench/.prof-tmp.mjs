import puppeteer from 'puppeteer-core';
const { startServer } = await import('/work/shared/tools/browser-kit/serve.mjs');
const server = await startServer({ root: process.argv[2], port: 0 });
const browser = await puppeteer.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'] });
const total = {}, self = {}, tree = [];
const RUNS = Number(process.argv[3] ?? 3);
for (let r = 0; r < RUNS; r++) {
  const ctx = await browser.createBrowserContext();
  const page = await ctx.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  await page.setCacheEnabled(false);
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.goto(server.url);
  await page.waitForSelector('.leaflet-interactive');
  const { profile } = await cdp.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const dt = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const d = (dt[i + 1] ?? 0) / 1000;
    let id = profile.samples[i];
    const n = byId.get(id);
    const key = (n) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self[key(n)] = (self[key(n)] ?? 0) + d;
    const seen = new Set();
    while (id !== undefined) { const m = byId.get(id); const k = key(m); if (!seen.has(k)) { seen.add(k); total[k] = (total[k] ?? 0) + d; } id = parent.get(id); }
  }
  // top-down tree from chosen roots, first run only
  if (r === 0) {
    const totalOf = new Map();
    const stackHas = (id, name) => { while (id !== undefined) { if (byId.get(id).callFrame.functionName === name) return true; id = parent.get(id); } return false; };
    let first = profile.samples.findIndex((id) => stackHas(id, 'mount'));
    let last = 0; profile.samples.forEach((id, i) => { if (stackHas(id, 'setLayer')) last = i; });
    while (last < profile.samples.length && byId.get(profile.samples[last]).callFrame.functionName !== '(idle)') last++;
    tree.push(`first task: samples ${first}..${last}`);
    const sum = (n) => { let t = 0; for (let i = first; i < last; i++) if (profile.samples[i] === n.id) t += (dt[i + 1] ?? 0) / 1000; for (const c of n.children ?? []) t += sum(byId.get(c)); totalOf.set(n.id, t); return t; };
    sum(profile.nodes[0]);
    const walk = (n, depth) => { const t = totalOf.get(n.id); if (t < 0.8 || depth > 40) return; tree.push(`${'  '.repeat(depth)}${t.toFixed(1)} ${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}:${n.callFrame.columnNumber}`); for (const c of n.children ?? []) walk(byId.get(c), depth + 1); };
    walk(profile.nodes[0], 0);
  }
  await ctx.close();
}
await browser.close(); await server.close();
const top = (o, n) => Object.entries(o).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / RUNS).toFixed(1).padStart(7)}  ${k}`).join('\n');
console.log(tree.join('\n'));
console.log('TOTAL (per run, until the first shape is in the DOM)\n' + top(total, 60));
console.log('SELF\n' + top(self, 40));
