// One test per entry of geo/corrections.json, checked against the committed artifacts.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadGazetteer } from '../../src/node/load-gazetteer.ts';
import { normalizeName } from '../../src/core/normalize-name.ts';

const gazetteer = loadGazetteer();
const corrections = JSON.parse(readFileSync(new URL('../../geo/corrections.json', import.meta.url), 'utf8'))
  .corrections as Array<{ id: string }>;
const idsFor = (name: string) => gazetteer.lookup(normalizeName(name)).map((m) => m.place.id);

const checks: Record<string, () => void> = {
  'ne-admin1-lachin-label': () => {
    const lachin = gazetteer.get('geonames:147626');
    assert.equal(lachin?.name, 'Lachin');
    assert.equal(lachin.admin1, '28');
    assert.notEqual(lachin.wikidata, 'Q228811');
    assert.ok(idsFor('Lachin').includes('geonames:147626'));
    assert.ok(!idsFor('Lankaran').includes('geonames:147626'), 'no longer called Lankaran');
    assert.ok(!idsFor('Shusha').includes('geonames:147626'), 'Shusha is not an alternate name of Lachin');
  },
  'ne-admin1-stepanakert-ids': () => {
    const unit = gazetteer.admin1('AZ', '61');
    assert.equal(unit?.id, 'geonames:409421');
    assert.equal(unit.name, 'Stepanakert');
    assert.ok(!idsFor('Khojali').includes('geonames:409421'));
  },
  'ne-admin1-khojaly-ids': () => {
    const unit = gazetteer.admin1('AZ', '64');
    assert.equal(unit?.id, 'geonames:148449');
    assert.equal(unit.name, 'Khojali');
    assert.ok(unit.shape && gazetteer.geometry(unit.shape));
  },
  'ne-admin1-moscow-oblast-iso': () => {
    const oblast = gazetteer.admin1('RU', '47');
    assert.equal(oblast?.id, 'geonames:524925');
    assert.equal(oblast.name, 'Moscow Oblast');
    const asName = gazetteer
      .lookup('moscow')
      .filter((m) => m.nameType === 'name')
      .map((m) => m.place.id);
    assert.ok(!asName.includes('geonames:524925'), 'the oblast is not a second "Moscow" by name');
  },
  'ne-admin1-moscow-city-iso': () => {
    const city = gazetteer.admin1('RU', '48');
    assert.equal(city?.id, 'geonames:524894');
    assert.ok(!idsFor('Moskovskaya').includes('geonames:524894'));
    assert.ok(idsFor('Moskva').includes('geonames:524894'));
  },
  'ne-admin1-shusha-spelling': () => {
    assert.equal(gazetteer.get('geonames:147163')?.name, 'Shusha');
    assert.ok(idsFor('Shusha').includes('geonames:147163'));
    assert.ok(idsFor('Shushi').includes('geonames:147163'));
  },
  'ne-admin1-antalya-anatolia': () => {
    assert.ok(!idsFor('Anatolia').includes('geonames:323776'));
    assert.equal(gazetteer.lookup('anatolia')[0].place.kind, 'region');
  },
  'geonames-kalbajar-town-names': () => {
    for (const name of ['Kalbajar', 'Kelbajar']) assert.ok(idsFor(name).includes('geonames:586268'), name);
  },
  'geonames-stepanakert-names': () => {
    for (const name of ['Stepanakert', 'Khankendi']) assert.ok(idsFor(name).includes('geonames:146970'), name);
  },
};

for (const { id } of corrections) {
  test(`correction ${id} holds in the artifacts`, () => {
    assert.ok(checks[id], `write a check for correction ${id}`);
    checks[id]();
  });
}
