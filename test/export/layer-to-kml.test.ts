// layerToKml (issue #17): the KML read back to GeoJSON by an independent reader (@tmcw/togeojson over
// @xmldom/xmldom's XML parser) gives the same places, names, facts and coordinates as the layer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Geometry, Position } from 'geojson';
import { layerToKml } from '../../src/export/layer-to-kml.ts';
import {
  BAKU,
  exportLayer,
  FORMULA_NAME,
  LACHIN_TOWN,
  LIMA,
  MARKUP_NAME,
  MOSCOW,
  YEREVAN,
} from '../helpers/export-layer.ts';
import { readKml } from '../helpers/read-kml.ts';

/** togeojson reads a MultiGeometry of polygons as a GeometryCollection: the polygons' rings, either way. */
function polygons(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  if (g.type === 'GeometryCollection') return g.geometries.flatMap(polygons);
  throw new Error(`not an area: ${g.type}`);
}

test('every place with a geometry comes back with its name, id, facts and the same coordinates', () => {
  const layer = exportLayer();
  const { geojson } = readKml(layerToKml(layer));
  const places = layer.features.filter((f) => f.geometry);
  assert.equal(geojson.features.length, places.length);
  assert.equal(places.length, 11, 'Baku, "not a place", is left out');
  for (const [i, f] of places.entries()) {
    const back = geojson.features[i];
    const p = back.properties!;
    assert.equal(p.id, f.id);
    assert.equal(p.name, f.properties.name);
    assert.equal(p.kind, f.properties.kind);
    assert.equal(p.country, f.properties.country);
    assert.equal(p.mentions, String(f.properties.mentions.length));
    if (f.geometry.type === 'Point') assert.deepEqual(back.geometry, f.geometry, f.id);
    else assert.deepEqual(polygons(back.geometry!), polygons(f.geometry), f.id);
  }
  assert.ok(!geojson.features.some((f) => f.properties!.id === BAKU || String(f.properties!.id).startsWith('none:')));
});

test('corrected and added places say so; negative coordinates survive', () => {
  const { geojson } = readKml(layerToKml(exportLayer()));
  const byId = (id: string) => geojson.features.find((f) => f.properties!.id === id)!;
  assert.equal(byId(LACHIN_TOWN).properties!.status, 'corrected');
  assert.equal(byId(LACHIN_TOWN).properties!.original, 'geonames:147622');
  assert.deepEqual(byId(LACHIN_TOWN).geometry, { type: 'Point', coordinates: [46.55083, 39.6383] });
  assert.equal(byId(MOSCOW).properties!.status, 'added');
  assert.deepEqual(byId(LIMA).geometry, { type: 'Point', coordinates: [-77.02824, -12.04318] });
});

test('untrusted names are text: markup and quotes come back as written, no element is made of them', () => {
  const text = layerToKml(exportLayer());
  const { doc, geojson } = readKml(text);
  const names = geojson.features.map((f) => f.properties!.name);
  assert.ok(names.includes(MARKUP_NAME));
  assert.ok(names.includes(FORMULA_NAME));
  assert.equal(doc.getElementsByTagName('b').length, 0);
  assert.ok(!text.includes('<b>'));
});

test('a KML document named after the article; ids limit it to the selection', () => {
  const layer = exportLayer();
  const text = layerToKml(layer, { ids: [YEREVAN] });
  assert.match(text, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<kml xmlns="http:\/\/www\.opengis\.net\/kml\/2\.2">/);
  const { doc, geojson } = readKml(text);
  const folderName = doc.getElementsByTagName('Folder')[0].getElementsByTagName('name')[0].textContent;
  assert.equal(folderName, layer.title);
  assert.deepEqual(
    geojson.features.map((f) => f.properties!.id),
    [YEREVAN],
  );
});
