// Guards the build's ties to Leaflet's private file layout (src/ui/map/leaflet-parts.js imports from
// `leaflet/src/…`): an upgrade that moves, renames or drops one of those files or exports fails here,
// not in a reader's browser. test/browser/leaflet-private-api.test.ts guards `_leaflet_disable_events`.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { build } from 'esbuild';

const ROOT = new URL('../..', import.meta.url).pathname;
const PARTS = `${ROOT}src/ui/map/leaflet-parts.js`;
const MAP_DIR = `${ROOT}src/ui/map/`;

/** The names the map code imports from 'leaflet' as values (type-only imports need no export). */
function valueImports(source: string): string[] {
  const names: string[] = [];
  for (const [, list] of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*'leaflet'/g)) {
    for (const item of list.split(',').map((s) => s.trim())) {
      if (item && !item.startsWith('type ')) names.push(item.split(/\s+as\s+/)[0]);
    }
  }
  return names;
}

/** Bundles the parts file as the browser build does; esbuild fails on a missing file or export. */
async function bundleParts() {
  const result = await build({
    entryPoints: [PARTS],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  return result.metafile;
}

test('every leaflet/src file that leaflet-parts.js imports exists and exports what it names', async () => {
  const metafile = await bundleParts();
  const inputs = Object.keys(metafile.inputs);
  const wanted = [...readFileSync(PARTS, 'utf8').matchAll(/'(leaflet\/src\/[^']+)'/g)].map((m) => m[1]);
  assert.ok(wanted.length >= 10, 'the parts file imports Leaflet modules');
  for (const spec of wanted)
    assert.ok(
      inputs.some((input) => input.endsWith(spec)),
      `${spec} is in the bundle`,
    );
});

test('leaflet-parts.js exports every value the map code imports from leaflet', async () => {
  const metafile = await bundleParts();
  const exported = new Set(Object.values(metafile.outputs)[0].exports);
  const files = readdirSync(MAP_DIR).filter((f) => f.endsWith('.ts'));
  const imported = new Set(files.flatMap((f) => valueImports(readFileSync(MAP_DIR + f, 'utf8'))));
  assert.ok(imported.has('map') && imported.has('geoJSON'), `the map code's imports were read: ${[...imported]}`);
  for (const name of imported) assert.ok(exported.has(name), `leaflet-parts.js exports ${name}`);
});

test('the DomUtil functions the map calls are in the parts file, and are functions in Leaflet', async () => {
  const called = new Set<string>();
  for (const f of readdirSync(MAP_DIR).filter((name) => name.endsWith('.ts'))) {
    for (const [, name] of readFileSync(MAP_DIR + f, 'utf8').matchAll(/\bDomUtil\.(\w+)\(/g)) called.add(name);
  }
  assert.ok(called.size > 0, 'the map calls DomUtil');
  const parts = readFileSync(PARTS, 'utf8');
  const kept =
    /export const DomUtil = \{([^}]*)\}/
      .exec(parts)?.[1]
      .split(',')
      .map((s) => s.trim()) ?? [];
  const domUtil = readFileSync(`${ROOT}node_modules/leaflet/src/dom/DomUtil.js`, 'utf8');
  for (const name of called) {
    assert.ok(kept.includes(name), `leaflet-parts.js keeps DomUtil.${name}`);
    assert.match(domUtil, new RegExp(`export function ${name}\\(`), `Leaflet's DomUtil still exports ${name}`);
  }
});

test("Leaflet's map still skips the DOM events of an element flagged _leaflet_disable_events", () => {
  // The source check is the early warning; the browser test shows the behaviour in both engines.
  const mapSource = readFileSync(`${ROOT}node_modules/leaflet/src/map/Map.js`, 'utf8');
  assert.match(mapSource, /\['_leaflet_disable_events'\]|\._leaflet_disable_events/);
});

test("Leaflet's GeoJSON layer uses Marker only as its default pointToLayer and in one include (build.mjs stubs it)", () => {
  const source = readFileSync(`${ROOT}node_modules/leaflet/src/layer/GeoJSON.js`, 'utf8');
  assert.match(source, /import \{Marker\} from '\.\/marker\/Marker';/);
  // The import (its name and its path), `new Marker(` in the default branch and `Marker.include(`.
  assert.ok(source.includes('new Marker(latlng') && source.includes('Marker.include(PointToGeoJSON)'));
  const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  assert.equal(
    [...code.matchAll(/\bMarker\b/g)].length,
    4,
    'GeoJSON.js uses Marker in more places than build.mjs stubs',
  );
});

test("Leaflet's GeoJSON layer uses Circle only to include toGeoJSON in it (build.mjs stubs it)", () => {
  const source = readFileSync(`${ROOT}node_modules/leaflet/src/layer/GeoJSON.js`, 'utf8');
  assert.match(source, /import \{Circle\} from '\.\/vector\/Circle';/);
  const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  // The import (its name and its path) and `Circle.include(PointToGeoJSON)`: nothing else needs the real class.
  assert.ok(code.includes('Circle.include(PointToGeoJSON)'));
  assert.equal(
    [...code.matchAll(/\bCircle\b/g)].length,
    3,
    'GeoJSON.js uses Circle in more places than build.mjs stubs',
  );
});

test('the map handlers left out of leaflet-parts.js are not ones the widget uses', () => {
  const parts = readFileSync(`${ROOT}src/ui/map/leaflet-parts.js`, 'utf8').replace(/\/\/.*$/gm, '');
  assert.doesNotMatch(parts, /map\/index\.js|Map\.TapHold|Map\.BoxZoom/);
  for (const f of ['create-article-map.ts', 'create-label-layer.ts', 'create-area-tip.ts']) {
    const code = readFileSync(`${ROOT}src/ui/map/${f}`, 'utf8');
    assert.doesNotMatch(code, /contextmenu|boxZoom|tapHold/, `${f} relies on a handler leaflet-parts.js leaves out`);
  }
});

test("Leaflet's SVG renderer uses its VML fallback only when Browser.vml (build.mjs stubs it)", () => {
  const source = readFileSync(`${ROOT}node_modules/leaflet/src/layer/vector/SVG.js`, 'utf8');
  assert.match(source, /import \{vmlMixin, vmlCreate\} from '\.\/SVG\.VML';/);
  const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
  // Each use sits behind Browser.vml: the create() choice and the include of the mixin.
  assert.deepEqual(
    [...code.matchAll(/\bvml(Mixin|Create)\b/g)].length,
    4,
    'SVG.js uses the VML parts in more places than build.mjs stubs',
  );
  assert.ok(
    code.includes('Browser.vml ? vmlCreate : svgCreate') &&
      /if \(Browser\.vml\) \{\s*SVG\.include\(vmlMixin\)/.test(code),
  );
  // What Browser.vml is: false wherever SVG is (every supported browser).
  const browser = readFileSync(`${ROOT}node_modules/leaflet/src/core/Browser.js`, 'utf8');
  assert.match(browser, /\nvar vml = !svg && /);
});

test('the map never lets GeoJSON make a default Marker: every geoJSON() with points has a pointToLayer', () => {
  const source = readFileSync(`${MAP_DIR}create-article-map.ts`, 'utf8');
  const calls = [...source.matchAll(/geoJSON\(([^)]*)/g)].map((m) => m[1]);
  assert.ok(calls.length > 0);
  // The features geoJSON draws points (cities) through circle markers.
  assert.match(source, /pointToLayer/);
});
