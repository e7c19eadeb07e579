// Benchmark (prints figures, asserts nothing) of the whole explorer opening a layer of 1,000, 5,000 and 20,000
// cities through its file input (issue #19 item 14), in Chromium and Firefox: the longest the page did not
// answer (a timer every 10 ms), the time until the place list, the article text and the map are all shown, and
// in Chromium the longest task's CPU time from a trace: on a shared machine wall times stretch with the load,
// the CPU time much less.
//   npx tsx test/bench/import-bench.ts [1000,5000,20000]      (AA_ENGINES=chromium narrows the engines)
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  close,
  ENGINES,
  launch,
  layerShown,
  open,
  openLayerFile,
  seedSample,
  startGapTimer,
  startSite,
  stopGapTimer,
} from '../browser/harness.ts';
import { manyCities } from '../helpers/many-cities.ts';

const SIZES = (process.argv[2] ?? '1000,5000,20000').split(',').map(Number);
const site = await startSite(seedSample());
console.log(`load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
for (const n of SIZES) writeFileSync(join(site.dir, `cities-${n}.json`), JSON.stringify(manyCities(n)));

for (const engine of ENGINES) {
  const browser = await launch(engine);
  for (const n of SIZES) {
    const opened = await open(browser, site.server.url);
    const { page } = opened;
    await startGapTimer(page);
    const start = await page.evaluate(() => performance.now());
    const trace = join(site.dir, 'trace.json');
    if (engine === 'chromium')
      await page.tracing.start({
        path: trace,
        categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'],
      });
    await openLayerFile(page, join(site.dir, `cities-${n}.json`));
    await layerShown(page, `${n} towns`, { timeout: 600_000, polling: 50 });
    const done = (await page.evaluate(() => performance.now())) - start;
    await new Promise((r) => setTimeout(r, 1000));
    const gap = await stopGapTimer(page);
    let longs = '';
    if (engine === 'chromium') {
      await page.tracing.stop();
      const cpu = longestTasks(trace);
      rmSync(trace);
      longs = `; main-thread tasks over 50 ms CPU: ${cpu.length}, longest ${(cpu[0] ?? 0).toFixed(0)} ms CPU`;
    }
    console.log(
      `${engine.padEnd(8)} ${String(n).padStart(6)} cities: shown after ${done.toFixed(0).padStart(6)} ms, ` +
        `longest unanswered ${gap.toFixed(0).padStart(6)} ms${longs}`,
    );
    await close(opened);
  }
  await browser.close();
}
await site.close();

/** CPU times (ms, longest first) of the renderer main thread's tasks over 50 ms in a Chromium trace. */
function longestTasks(path: string): number[] {
  type Event = { ph: string; name: string; tid: number; dur?: number; tdur?: number };
  const events: Event[] = JSON.parse(readFileSync(path, 'utf8')).traceEvents.filter((e: Event) => e.ph === 'X');
  // The renderer's main thread: the one that ran the page's script.
  const script = new Map<number, number>();
  for (const e of events) if (e.name === 'FunctionCall') script.set(e.tid, (script.get(e.tid) ?? 0) + (e.dur ?? 0));
  const main = [...script].sort((a, b) => b[1] - a[1])[0]?.[0];
  return events
    .filter((e) => e.tid === main && e.name === 'RunTask' && (e.tdur ?? 0) > 50_000)
    .map((e) => e.tdur! / 1000)
    .sort((a, b) => b - a);
}
