// layerToCsv (issue #17): the CSV read back by an independent parser (csv-parse) gives one row per place
// with the values of the layer, untrusted names intact and formulas neutralised.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { layerToCsv } from '../../src/export/layer-to-csv.ts';
import {
  ANKARA,
  BAKU,
  exportLayer,
  FORMULA_NAME,
  LACHIN_TOWN,
  LIMA,
  MARKUP_NAME,
  MOSCOW,
  YEREVAN,
} from '../helpers/export-layer.ts';

const read = (csv: string): string[][] => parse(csv, { bom: true, relax_column_count: false });

test('one row per place, in layer order, with the header the issue asks for and a status column', () => {
  const rows = read(layerToCsv(exportLayer()));
  assert.deepEqual(rows[0], ['id', 'name', 'kind', 'country', 'lon', 'lat', 'mentions', 'status']);
  // The seed sample has 11 places; Baku became "not a place" (left out), Lima was added to the fixture.
  assert.equal(rows.length, 1 + 11);
  // Values checked by hand against test/fixtures/layers/seed-sample.geojson.
  assert.deepEqual(rows[1], ['geonames:587116', 'Azerbaijan', 'country', 'AZ', '47.5', '40.5', '5', '']);
  assert.deepEqual(
    rows.find((r) => r[0] === 'wikidata:Q44302'),
    ['wikidata:Q44302', 'Nagorno-Karabakh', 'disputed', 'AZ', '46.75', '39.85', '1', ''],
  );
  assert.ok(!rows.some((r) => r[0] === BAKU || r[0].startsWith('none:')), 'no row for "not a place"');
});

test('a corrected place is at its new reading and says so; an added place says so', () => {
  const rows = read(layerToCsv(exportLayer()));
  assert.deepEqual(
    rows.find((r) => r[0] === LACHIN_TOWN),
    [LACHIN_TOWN, 'Lachin', 'city', 'AZ', '46.55083', '39.6383', '1', 'corrected'],
  );
  assert.deepEqual(
    rows.find((r) => r[0] === MOSCOW),
    [MOSCOW, 'Moscow', 'city', 'RU', '37.61556', '55.75222', '1', 'added'],
  );
});

test('names with commas, quotes, line breaks and markup come back as written; negative numbers stay numbers', () => {
  const csv = layerToCsv(exportLayer());
  const rows = read(csv);
  assert.equal(rows.find((r) => r[0] === YEREVAN)![1], MARKUP_NAME);
  assert.deepEqual(
    rows.find((r) => r[0] === LIMA),
    [LIMA, 'Lima', 'city', 'PE', '-77.02824', '-12.04318', '1', ''],
  );
  assert.ok(csv.endsWith('\r\n') && csv.split('\r\n')[0] === '\uFEFFid,name,kind,country,lon,lat,mentions,status');
});

test('a name that starts like a formula gets a leading apostrophe, so a spreadsheet shows it as text', () => {
  const rows = read(layerToCsv(exportLayer()));
  assert.equal(rows.find((r) => r[0] === ANKARA)![1], "'" + FORMULA_NAME);
  for (const start of ['+', '-', '@', '\t', '\r']) {
    const layer = exportLayer();
    layer.features[0].properties.name = `${start}1+1\nSUM(A1)`;
    assert.equal(read(layerToCsv(layer))[1][1], `'${start}1+1\nSUM(A1)`, JSON.stringify(start));
  }
  // Only the first character counts: a dash inside a name is left alone.
  assert.ok(rows.some((r) => r[1] === 'Nagorno-Karabakh'));
});

test('ids limit the rows to the selection', () => {
  const rows = read(layerToCsv(exportLayer(), { ids: [MOSCOW, BAKU] }));
  assert.deepEqual(
    rows.map((r) => r[0]),
    ['id', MOSCOW],
  );
});

test('the text opens with a UTF-8 byte order mark, so Excel reads non-ASCII names as UTF-8', () => {
  const layer = exportLayer();
  layer.features[0].properties.name = 'Gümrü – Şuşa, Ağdam';
  const bytes = new TextEncoder().encode(layerToCsv(layer));
  assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
  // Read back from the bytes as a file would be: the mark is not part of the first header.
  const rows: string[][] = parse(Buffer.from(bytes), { bom: true });
  assert.equal(rows[0][0], 'id');
  assert.equal(rows[1][1], 'Gümrü – Şuşa, Ağdam');
});
