// Benchmark (prints figures, asserts nothing) of the map's label placement, declutterLabels (issue #19 item 14):
// 1,000, 5,000 and 20,000 cities with 40–100 px labels, at random on a 1280×800 map (the view of a world-wide
// story) and in a cluster ten times as dense; the quadratic search it replaced, on 1,000, for comparison.
//   npx tsx test/bench/label-bench.ts
import { cpus, loadavg } from 'node:os';
import { declutterLabels, type Box, type LabelledPoint } from '../../src/ui/map/declutter-labels.ts';

let seed = 3;
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
const city = (x: number, y: number): LabelledPoint => ({
  dot: { x: x - 7, y: y - 7, w: 14, h: 14 },
  label: { x: x + 8, y: y - 7, w: 40 + random() * 60, h: 15 },
});
const cities = (n: number, w: number, h: number) => Array.from({ length: n }, () => city(random() * w, random() * h));

/** The placement before issue #19: every label against every placed label and every dot. */
function quadratic(points: LabelledPoint[]) {
  const overlap = (a: Box, b: Box) =>
    a.x < b.x + b.w + 2 && b.x < a.x + a.w + 2 && a.y < b.y + b.h + 2 && b.y < a.y + a.h + 2;
  const placed: Box[] = [];
  return points.map(({ label, dot }, i) => {
    const left = { ...label, x: 2 * dot!.x + dot!.w - label.x - label.w };
    for (const dots of [points.filter((_, j) => j !== i), points.slice(0, i)]) {
      for (const [side, box] of [
        ['right', label],
        ['left', left],
      ] as const) {
        if (placed.some((b) => overlap(box, b)) || dots.some((p) => overlap(box, p.dot!))) continue;
        placed.push(box);
        return side;
      }
    }
    return null;
  });
}

/** Median wall and CPU time of five runs: on a shared machine the CPU time is the steadier figure. */
function time(name: string, run: () => unknown[]) {
  const wall: number[] = [];
  const cpu: number[] = [];
  let shown = 0;
  for (let i = 0; i < 5; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = run();
    wall.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
    shown = out.filter(Boolean).length;
  }
  const median = (xs: number[]) =>
    xs
      .sort((a, b) => a - b)[2]
      .toFixed(1)
      .padStart(7);
  console.log(`${name.padEnd(52)} wall ${median(wall)} ms  cpu ${median(cpu)} ms  (${shown} shown)`);
}

console.log(`load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`);
for (const n of [1000, 5000, 20000]) {
  const spread = cities(n, 1280, 800);
  const dense = cities(n, 400, 250);
  time(`declutterLabels, ${n} cities on 1280×800`, () => declutterLabels(spread));
  time(`declutterLabels, ${n} cities on 400×250`, () => declutterLabels(dense));
}
time('quadratic search (before), 1000 cities on 1280×800', () => quadratic(cities(1000, 1280, 800)));
