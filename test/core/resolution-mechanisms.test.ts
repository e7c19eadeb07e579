// Resolution mechanisms of accuracy round 2 (issue #15), on small synthetic cases: first each rule on
// hand-made readings (whatever the weights), then what the committed gazetteer and model make of short articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scoreCandidate } from '../../src/core/candidate-scores.ts';
import { geoparse } from '../../src/core/geoparse.ts';
import { EMPTY_MODEL } from '../../src/core/model.ts';
import { TWIN_BONUS } from '../../src/core/namesake-features.ts';
import { resolveMentions } from '../../src/core/resolve-mentions.ts';
import { findLocalFocus } from '../../src/core/resolve-sites.ts';
import { buildRankContext } from '../../src/core/rank-context.ts';
import type { Candidate, Mention, Place, RankedMention, ResolvedMention } from '../../src/core/types.ts';
import { realResources } from '../helpers/real-resources.ts';

/** A made-up place: only the fields the rules read matter. */
function place(id: string, kind: Place['kind'], country: string, admin1: string, population = 1000): Place {
  return { id, name: id, kind, featureCode: '', country, admin1, population, anchor: [0, 0] };
}

function mention(text: string, start = 0, confidence = 0.9): Mention {
  return { start, end: start + text.length, text, key: text.toLowerCase(), type: 'toponym', passage: 0, confidence };
}

test('the alternate-name margin does not hold back the big city a state is named after, only against its state', () => {
  const state = place('state', 'admin1', 'US', 'NY', 19_000_000);
  const otherState = place('other-state', 'admin1', 'US', 'PA', 13_000_000);
  const country = place('country', 'country', 'MX', '', 120_000_000);
  const city = place('city', 'city', 'US', 'NY', 8_000_000);
  const mexCity = place('mex-city', 'city', 'MX', '09', 9_000_000);
  const ranked = (area: Place, big: Place, twinCity: boolean): RankedMention[] => {
    const c: Candidate = { place: big, nameType: 'alt', score: 2 };
    if (twinCity) c.twinCity = true;
    return [{ mention: mention('Name'), candidates: [c, { place: area, nameType: 'name', score: 1 }] }];
  };
  const table: Array<[string, Place, Place, boolean, string]> = [
    ['a big city over the state that holds it and is named after it', state, city, true, 'city'],
    ['the same city without the twin mark: the margin holds', state, city, false, 'state'],
    ['a state of the country that does not hold it: the margin holds', otherState, city, true, 'other-state'],
    ['a country is no twin area: the margin holds ("Mexico")', country, mexCity, true, 'country'],
  ];
  for (const [what, area, big, twin, expected] of table)
    assert.equal(resolveMentions(ranked(area, big, twin))[0].place?.id, expected, what);
});

test('local focus: a name many towns share counts less than a name one town bears', () => {
  const towns = (name: string, n: number, admin1: string) =>
    Array.from({ length: n }, (_, i) => place(`${name}-${i}`, 'city', 'US', admin1, 100_000 - i));
  const resolvedAt = (readings: Place[], start: number, confidence: number, score: number): ResolvedMention => ({
    mention: mention(readings[0].id, start, confidence),
    candidates: readings.map((p, i) => ({ place: p, nameType: 'name', score: i ? -3 : 3 })),
    place: readings[0],
    score,
  });
  const shared = towns('lafayette', 9, 'LA');
  const unique = towns('orleans', 1, 'LA');
  const springfields = towns('springfield', 9, 'IL');
  const table: Array<[string, ResolvedMention[], string | undefined]> = [
    [
      'a once-named town whose name nine towns bear, before a once-named town of its own name',
      [resolvedAt(shared, 0, 0.8, 0.95), resolvedAt(unique, 50, 0.7, 0.8)],
      'orleans-0',
    ],
    [
      'a story about one shared-name town still has its focus',
      [resolvedAt(springfields, 0, 0.9, 0.9)],
      'springfield-0',
    ],
    [
      'a shared name named often enough outweighs a unique one named once',
      [
        resolvedAt(springfields, 0, 0.9, 0.95),
        resolvedAt(springfields, 20, 0.9, 0.95),
        resolvedAt(springfields, 40, 0.9, 0.95),
        resolvedAt(springfields, 60, 0.9, 0.95),
        resolvedAt(unique, 80, 0.7, 0.8),
      ],
      'springfield-0',
    ],
    ['a unique name read unsurely is no focus', [resolvedAt(unique, 0, 0.9, 0.3)], undefined],
  ];
  for (const [what, resolved, expected] of table) assert.equal(findLocalFocus(resolved)?.id, expected, what);
});

test('"Town, State": the comma lifts the twin penalty off a state whose name a big city bears', () => {
  const score = (features: Record<string, number>) =>
    scoreCandidate(EMPTY_MODEL, new Map(Object.entries({ bias: 1, 'kind:admin1': 1, ...features })));
  // Without a comma the state gives way to its big namesake city by the twin bonus; after "Bronx," it does not.
  assert.equal(score({ twinBigArea: 1 }) - score({}), -TWIN_BONUS);
  assert.equal(score({ twinBigArea: 1, commaCtx: 1 }), score({ commaCtx: 1 }));
});

test('article context: a reading is sure when its rivals lie elsewhere, not when they lie on the same spot', () => {
  const at = (id: string, kind: Place['kind'], country: string, anchor: [number, number]): Place => ({
    ...place(id, kind, country, ''),
    anchor,
  });
  const town = at('cairns-town', 'city', 'AU', [145.77, -16.92]);
  const region = at('cairns-region', 'admin2', 'AU', [145.7, -17.0]);
  const far = at('cairns-far', 'city', 'GB', [-3.2, 55.9]);
  const table: Array<[string, Candidate[], boolean]> = [
    [
      'the town a hair before the region around it, far ahead of a namesake abroad',
      [
        { place: town, nameType: 'name', score: 1 },
        { place: region, nameType: 'name', score: 0.9 },
        { place: far, nameType: 'name', score: -3 },
      ],
      true,
    ],
    [
      'a hair before a namesake abroad',
      [
        { place: town, nameType: 'name', score: 1 },
        { place: far, nameType: 'name', score: 0.9 },
      ],
      false,
    ],
  ];
  for (const [what, candidates, sure] of table) {
    const ctx = buildRankContext([{ mention: mention('Cairns'), candidates }]);
    assert.equal(ctx.anchors.length, sure ? 1 : 0, what);
    assert.equal(ctx.countries.get('AU'), sure ? 0.9 : 0.45, what);
  }
});

/** What the committed gazetteer and model read each mention's text as, in a geoparsed text. */
function readings(text: string): Map<string, Place> {
  const { gazetteer, model } = realResources();
  const out = new Map<string, Place>();
  for (const f of geoparse(text, { gazetteer, model }).features)
    for (const m of f.properties.mentions) out.set(m.text, f.properties as unknown as Place);
  return out;
}

test('articles: New York the city, or the state after a town and a comma', () => {
  const table: Array<[string, string, string]> = [
    ['NEW YORK (AP) — Police in Brooklyn arrested two men after a fight outside a bar.', 'NEW YORK', 'city'],
    ['The firm has offices in Los Angeles, Miami, New York and Detroit.', 'New York', 'city'],
    ['The nurse trained at a hospital in Bronx, New York, before moving west.', 'New York', 'admin1'],
  ];
  for (const [text, surface, kind] of table) assert.equal(readings(text).get(surface)?.kind, kind, text);
});

test('a plain name recognised surely keeps a weak reading; a junk-looking name does not', () => {
  // Score -4.3: probability 0.013, under the general floor (0.02), over the floor for plain names (0.01).
  const ranked = (kind: Place['kind'], plain: boolean): RankedMention[] => {
    const m = mention('Name');
    if (plain) m.plain = true;
    return [{ mention: m, candidates: [{ place: place('p', kind, '', ''), nameType: 'name', score: -4.3 }] }];
  };
  const table: Array<[string, Place['kind'], boolean, string | undefined]> = [
    ['a plain town name ("Mississauga" far from the story\'s other places)', 'city', true, 'p'],
    ['a plain region name ("the Middle East")', 'region', true, 'p'],
    ['a junk-looking name ("EU" → Eu, "Christmas")', 'city', false, undefined],
  ];
  for (const [what, kind, plain, expected] of table)
    assert.equal(resolveMentions(ranked(kind, plain))[0].place?.id, expected, what);
  // Far under both floors: nothing, however plain.
  const weak = ranked('city', true);
  weak[0].candidates[0].score = -6;
  assert.equal(resolveMentions(weak)[0].place, null);
});
