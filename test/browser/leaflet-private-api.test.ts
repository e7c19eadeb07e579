// Guards Leaflet's private `_leaflet_disable_events` flag, on which the map's shapes rely
// (src/ui/map/create-article-map.ts): in both engines a flagged shape's click reaches its own listener and
// no Leaflet event, and an unflagged shape beside it shows that Leaflet does see such a click.
import assert from 'node:assert/strict';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { build } from 'esbuild';
import { clickShape, ENGINES, useBrowser, useServedDir, type Opened } from './harness.ts';

const ROOT = new URL('../..', import.meta.url).pathname;

/** The page's script, bundled from the same Leaflet parts as the widget: two shapes, one flagged. */
const PAGE_SCRIPT = `
import { map, polygon, svg } from ${JSON.stringify(`${ROOT}src/ui/map/leaflet-parts.js`)};
const leafletMap = map(document.getElementById('map'), { center: [0, 0], zoom: 2, renderer: svg(), zoomControl: false });
const log = (window.aaLog = []);
leafletMap.on('click preclick mousedown', (e) => log.push('leaflet:map:' + e.type));
function addShape(id, west, east, flagged) {
  const shape = polygon([[-20, west], [20, west], [20, east], [-20, east]]).addTo(leafletMap);
  shape.on('click preclick mousedown', (e) => log.push('leaflet:' + id + ':' + e.type));
  const node = shape.getElement();
  node.id = id;
  node.addEventListener('click', () => log.push('own:' + id));
  if (flagged) node._leaflet_disable_events = true;
}
addShape('flagged', -60, -20, true);
addShape('plain', 20, 60, false);
`;

const PAGE = `<!doctype html><meta charset="utf-8"><title>Leaflet private API</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="leaflet.css"><div id="map" style="width: 640px; height: 400px"></div>
<script type="module" src="page.js"></script>`;

const served = useServedDir('aa-leaflet-', async (dir) => {
  writeFileSync(join(dir, 'page-entry.js'), PAGE_SCRIPT);
  await build({
    entryPoints: [join(dir, 'page-entry.js')],
    outfile: join(dir, 'page.js'),
    bundle: true,
    format: 'esm',
    logLevel: 'silent',
  });
  copyFileSync(`${ROOT}node_modules/leaflet/dist/leaflet.css`, join(dir, 'leaflet.css'));
  writeFileSync(join(dir, 'index.html'), PAGE);
});

for (const engine of ENGINES)
  describe(`Leaflet's _leaflet_disable_events in ${engine}`, () => {
    const b = useBrowser(engine);
    let opened: Opened;
    before(async () => {
      opened = await b.open(served.server.url, { waitFor: '#flagged' });
    });
    const clickAndRead = async (id: string): Promise<string[]> => {
      await opened.page.evaluate(() => ((window as unknown as { aaLog: string[] }).aaLog.length = 0));
      await clickShape(opened.page, `#${id}`);
      return opened.page.evaluate(() => [...(window as unknown as { aaLog: string[] }).aaLog]);
    };

    test('Leaflet sees a click on an unflagged shape (the control)', async () => {
      const log = await clickAndRead('plain');
      assert.ok(log.includes('own:plain'), log.join(' '));
      assert.ok(log.includes('leaflet:plain:click'), `Leaflet fired its click: ${log.join(' ')}`);
    });

    test('a flagged shape handles its own click and Leaflet fires nothing for it', async () => {
      const log = await clickAndRead('flagged');
      assert.deepEqual(log, ['own:flagged']);
      assert.deepEqual(opened.errors, []);
    });
  });
