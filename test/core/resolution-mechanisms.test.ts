// Resolution mechanisms of accuracy round 2 (issue #15), on small synthetic cases: first each rule on
// hand-made readings (whatever the weights), then what the committed gazetteer and model make of short articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidateFeatures, commaPlaces } from '../../src/core/candidate-features.ts';
import { scoreCandidate } from '../../src/core/candidate-scores.ts';
import { geoparse } from '../../src/core/geoparse.ts';
import { fitsCue, kindCues, listCues, STATE_CUE, TOWN_CUE } from '../../src/core/kind-cues.ts';
import { EMPTY_MODEL } from '../../src/core/model.ts';
import { TWIN_BONUS } from '../../src/core/namesake-features.ts';
import { resolveMentions } from '../../src/core/resolve-mentions.ts';
import { findLocalFocus, resolveSites } from '../../src/core/resolve-sites.ts';
import { normalizeName } from '../../src/core/normalize-name.ts';
import { findCandidates } from '../../src/core/rank-candidates.ts';
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

test('kind cues: the words right around a name say state or town', () => {
  const cueOf = (text: string, name: string) => {
    const start = text.indexOf(name);
    return kindCues([mention(name, start)], text)[0];
  };
  const table: Array<[string, string, number]> = [
    ['Former New York Gov. Mario Cuomo died.', 'New York', STATE_CUE],
    ['The Ohio Legislature passed the bill.', 'Ohio', STATE_CUE],
    ['Fires spread across Washington state on Friday.', 'Washington', STATE_CUE],
    ['Officials in the state of Washington said so.', 'Washington', STATE_CUE],
    ['He studied at Washington State University.', 'Washington', 0],
    ['The Paris Mayor Anne Hidalgo spoke.', 'Paris', TOWN_CUE],
    ['Tourists flocked to downtown Portland.', 'Portland', TOWN_CUE],
    ['a suspect from the Cincinnati suburb of West Chester', 'West Chester', TOWN_CUE],
    ['the city of Turkey hosts a festival', 'Turkey', TOWN_CUE],
    ['Clashes near Baku on Monday.', 'Baku', 0],
  ];
  for (const [text, name, cue] of table) assert.equal(cueOf(text, name), cue, text);
  // A state cue fits a state, not its namesake city; a town cue the reverse.
  const state = place('s', 'admin1', 'US', 'NY');
  const city = place('c', 'city', 'US', 'NY');
  assert.deepEqual([fitsCue(STATE_CUE, state), fitsCue(STATE_CUE, city)], [true, false]);
  assert.deepEqual([fitsCue(TOWN_CUE, state), fitsCue(TOWN_CUE, city)], [false, true]);
});

test('the alternate-name margin does not shield a village against a reading a thousand times its size', () => {
  const country = place('country', 'country', 'US', '', 327_000_000);
  const village = place('village', 'city', 'FR', '11', 1_248);
  const city = place('city', 'city', 'TN', '38', 700_000);
  const state = place('state', 'country', 'TN', '', 11_000_000);
  const resolveOf = (alt: Place, named: Place) =>
    resolveMentions([
      {
        mention: mention('Name'),
        candidates: [
          { place: alt, nameType: 'alt', score: 2 },
          { place: named, nameType: 'name', score: 0.5 },
        ],
      },
    ])[0].place?.id;
  assert.equal(resolveOf(country, village), 'country', '"US": the country, not the village of Us');
  assert.equal(resolveOf(state, city), 'city', '"Tunis": the margin still holds for a real city');
});

test('article context: a country the article names by its own name, apart from places read as lying in it', () => {
  const canada = place('canada', 'country', 'CA', '');
  const london = place('london-ca', 'city', 'CA', '08');
  const ctx = buildRankContext([
    { mention: mention('Canada'), candidates: [{ place: canada, nameType: 'name', score: 3 }] },
    { mention: mention('London', 20), candidates: [{ place: london, nameType: 'name', score: 3 }] },
  ]);
  assert.deepEqual([...ctx.namedCountries.keys()], ['CA']);
  const f = candidateFeatures({ place: london, nameType: 'name' }, [], mention('London', 40), ctx, []);
  assert.equal(f.get('docCountryNamed'), 1);
  // The country's own name is no evidence for itself.
  const own = candidateFeatures({ place: canada, nameType: 'name' }, [], mention('Canada', 60), ctx, []);
  assert.equal(own.get('docCountryNamed'), undefined);
});

test('"City, ST": a two-letter code after the comma is the state of the towns that carry it', () => {
  const { gazetteer } = realResources();
  const text =
    'Police in Portland, OR arrested a man; he was from Portland, ME and moved to Salem, CA-based firms said.';
  const at = (name: string, from = 0): Mention => {
    const start = text.indexOf(name, from);
    return mention(name, start);
  };
  const mentions = [at('Portland'), at('Portland', 30), at('Salem')];
  const states = mentions.map((_, i) =>
    commaPlaces(mentions, i, text, gazetteer).map((p) => `${p.country}.${p.admin1}`),
  );
  // Salem has no town in a state coded "CA" before a hyphen: "CA-based" is no state.
  assert.deepEqual(states, [['US.OR'], ['US.ME'], []]);
});

test('articles: the words around a name and the country a story is in choose the reading', () => {
  const table: Array<[string, string, string, string]> = [
    ['Former New York Gov. Mario Cuomo died on Thursday at his home.', 'New York', 'admin1', 'US'],
    ['Police in Portland, OR arrested a man on Friday.', 'Portland', 'city', 'US'],
    ['Tech firms are leaving western states such as California or Washington.', 'Washington', 'admin1', 'US'],
    ['Trips to Alaska, Hawaii, Florida and Washington, D.C., put the team on the road.', 'Washington', 'city', 'US'],
    ['London police said a man was hurt in Kensington on Friday.', 'London', 'city', 'GB'],
    // A famous town abroad loses the twin lift against a town of its size at home, not against a village.
    ['A storm hit Birmingham and Tuscaloosa overnight, the weather service said.', 'Birmingham', 'city', 'US'],
    ['Police in Manchester arrested a man near Concord and Nashua.', 'Manchester', 'city', 'US'],
    [
      'Matthieu Prin of London-based BOP Consulting said murals sold well in the United States.',
      'London',
      'city',
      'GB',
    ],
    // A town near the label point of a country the story names is not abroad.
    ['The Vatican-owned hospital in Rome treated the boy.', 'Rome', 'city', 'IT'],
  ];
  for (const [text, surface, kind, country] of table) {
    const p = readings(text).get(surface);
    assert.deepEqual([p?.kind, p?.country], [kind, country], text);
  }
});

test('list cues: a name listed among states is read as a state, a "City, State" pair is no list', () => {
  const listOf = (text: string, names: string[], kinds: string[]) => {
    let from = 0;
    const mentions = names.map((n) => {
      const start = text.indexOf(n, from);
      from = start + n.length;
      return mention(n, start);
    });
    return [...listCues(mentions, text, kinds, new Uint8Array(names.length))];
  };
  const table: Array<[string, string[], string[], number[]]> = [
    [
      'western states such as California or Washington',
      ['California', 'Washington'],
      ['admin1', 'city'],
      [0, STATE_CUE],
    ],
    [
      'trips to Alaska, Hawaii, Florida and Washington',
      ['Alaska', 'Hawaii', 'Florida', 'Washington'],
      ['admin1', 'admin1', 'admin1', 'city'],
      // The states are cued by nothing: one of their fellows (Washington, first read as the city) is no state.
      [0, 0, 0, STATE_CUE],
    ],
    ['police in Portland, Oregon said', ['Portland', 'Oregon'], ['city', 'admin1'], [0, 0]],
    [
      'Russia, Turkey and Georgia signed',
      ['Russia', 'Turkey', 'Georgia'],
      ['country', 'country', 'country'],
      [0, 0, 0],
    ],
    [
      'offices in Boston, Texas and Washington',
      ['Boston', 'Texas', 'Washington'],
      ['city', 'admin1', 'city'],
      [0, 0, 0],
    ],
    ['in Texas. Washington said', ['Texas', 'Washington'], ['admin1', 'city'], [0, 0]],
  ];
  for (const [text, names, kinds, cues] of table) assert.deepEqual(listOf(text, names, kinds), cues, text);
});

test('article context: a town near a country the story names is not far abroad (docForeign)', () => {
  const at = (id: string, kind: Place['kind'], country: string, anchor: [number, number]): Place => ({
    ...place(id, kind, country, ''),
    anchor,
  });
  const vatican = at('vatican', 'country', 'VA', [12.45, 41.9]);
  const tuscaloosa = at('tuscaloosa', 'city', 'US', [-87.57, 33.21]);
  const rome = at('rome', 'city', 'IT', [12.5, 41.89]);
  const ranked = (country: boolean): RankedMention[] => [
    ...(country
      ? [{ mention: mention('Vatican'), candidates: [{ place: vatican, nameType: 'name' as const, score: 3 }] }]
      : []),
    { mention: mention('Tuscaloosa', 20), candidates: [{ place: tuscaloosa, nameType: 'name', score: 3 }] },
  ];
  for (const [country, foreign] of [
    [true, undefined],
    [false, 1],
  ] as const) {
    const ctx = buildRankContext(ranked(country));
    const f = candidateFeatures({ place: rome, nameType: 'name' }, [], mention('Rome', 40), ctx, []);
    assert.equal(f.get('docForeign'), foreign, country ? 'Vatican named' : 'only Tuscaloosa');
  }
});

test('an acronym in capitals is not the place whose name it spells otherwise ("EU" is not Eu)', () => {
  const { gazetteer } = realResources();
  const kinds = (text: string) =>
    findCandidates({ ...mention(text), key: normalizeName(text) }, gazetteer).map(
      (m) => `${m.place.name}/${m.place.kind}`,
    );
  assert.ok(kinds('Eu').includes('Eu/city'), 'the town is a reading of "Eu" written as a name');
  assert.ok(!kinds('EU').includes('Eu/city'), '"EU" in capitals');
  assert.ok(kinds('Un').includes('Un/city') && kinds('Un').includes('Ūn/city'), 'the towns Un and Ūn');
  assert.deepEqual(kinds('U.N.'), [], '"U.N." with dots: neither town');
  assert.ok(kinds('US').includes('United States/country'), 'the country "US" names stays');
  assert.ok(
    kinds('Usa').some((k) => k.startsWith('Usa/')),
    'places named Usa',
  );
  assert.ok(!kinds('USA').some((k) => k.startsWith('Usa/')), '"USA": none of them');
  assert.ok(kinds('USA').includes('United States/country'), '"USA": the country');
});

/** A mention at `start` resolved surely to `p`, its only candidate. */
const surely = (p: Place, text: string, start: number): ResolvedMention => ({
  mention: mention(text, start),
  candidates: [{ place: p, nameType: 'name', score: 3 }],
  place: p,
  score: 0.95,
});

/** A site's mention at `start`, not yet placed. */
const site = (text: string, start: number): ResolvedMention => ({
  mention: { ...mention(text, start), site: true },
  candidates: [],
  place: null,
  score: 0,
});

test('sites: the town a site is said to be in or to belong to, before the article focus', () => {
  const town = (id: string, start: number, text: string) => surely(place(id, 'city', 'XX', '01', 100_000), text, start);
  const placeOf = (text: string, siteName: string, townName: string, withText = true) => {
    const resolved = [
      town('focus', text.indexOf('Paris'), 'Paris'),
      town('focus', text.lastIndexOf('Paris'), 'Paris'),
      site(siteName, text.indexOf(siteName)),
      town('own', text.indexOf(townName), townName),
    ];
    return resolveSites(resolved, withText ? { text } : {}).find((r) => r.mention.site)?.place?.within?.id;
  };
  const table: Array<[string, string, string, string]> = [
    ['Paris said the boy went to the Bambino Hospital in Rome. Paris agreed.', 'Bambino Hospital', 'Rome', 'own'],
    ['Paris said flights at Ottawa’s Macdonald Airport were late. Paris agreed.', 'Macdonald Airport', 'Ottawa', 'own'],
    ['Paris said the Kent Hospital was full; Rome was calm. Paris agreed.', 'Kent Hospital', 'Rome', 'focus'],
  ];
  for (const [text, siteName, townName, expected] of table)
    assert.equal(placeOf(text, siteName, townName), expected, text);
  // Without the text, the focus as before.
  assert.equal(placeOf(table[0][0], 'Bambino Hospital', 'Rome', false), 'focus');
});

test('a mention with its own "City, State" comma is resolved apart from the name\'s other mentions', () => {
  const dc = place('dc', 'city', 'US', 'DC', 600_000);
  const wa = place('wa', 'admin1', 'US', 'WA', 7_000_000);
  const ranked: RankedMention[] = [
    {
      mention: mention('Washington', 0),
      candidates: [
        { place: wa, nameType: 'name', score: 3 },
        { place: dc, nameType: 'name', score: 1 },
      ],
    },
    {
      mention: mention('Washington', 40),
      candidates: [
        { place: wa, nameType: 'name', score: 3 },
        { place: dc, nameType: 'name', score: 1 },
      ],
    },
    {
      mention: mention('Washington', 80),
      candidates: [
        { place: dc, nameType: 'name', score: 9 },
        { place: wa, nameType: 'name', score: 0 },
      ],
      ownComma: true,
    },
  ];
  assert.deepEqual(
    resolveMentions(ranked).map((r) => r.place?.id),
    ['wa', 'wa', 'dc'],
  );
  // Without the flag, one sense per name: the mean makes all three the city.
  delete ranked[2].ownComma;
  assert.deepEqual(
    resolveMentions(ranked).map((r) => r.place?.id),
    ['dc', 'dc', 'dc'],
  );
});

test('articles: a comma carried from another mention gives way to the state the story is in', () => {
  const { gazetteer, model } = realResources();
  const at = (text: string) => {
    const out: Array<[number, string]> = [];
    for (const f of geoparse(text, { gazetteer, model }).features)
      for (const m of f.properties.mentions) if (m.text === 'Washington') out.push([m.start, f.properties.kind]);
    return out.sort((a, b) => a[0] - b[0]).map(([, kind]) => kind);
  };
  // A story from Washington state: "Washington, D.C." keeps its own comma, the bare names are the state that
  // "Wash." and Olympia are in.
  assert.deepEqual(
    at(
      'OLYMPIA, Wash. — The state of Washington sued the company. Officials in Washington, D.C., declined to ' +
        'comment. Washington will appeal.',
    ),
    ['admin1', 'city', 'admin1'],
  );
  // "London, Ont." carries to a bare "London" (and a street's head noun is no English village to outweigh it).
  const london = geoparse('London, Ont. — Police in London said a man was arrested on Dundas Street.', {
    gazetteer,
    model,
  }).features.find((f) => f.properties.name === 'London');
  assert.equal(london?.properties.country, 'CA');
  assert.equal(london?.properties.mentions.length, 2);
});

test('sites: without a town to be local to, a county the article names is the focus; a state or country is not', () => {
  const area = (id: string, kind: Place['kind'], start: number, text: string) =>
    surely(place(id, kind, 'US', 'IL', 200_000), text, start);
  const text = 'The Sangamon County coroner said the man died at Memorial Hospital in Illinois.';
  const withCounty = [
    area('county', 'admin2', text.indexOf('Sangamon County'), 'Sangamon County'),
    site('Memorial Hospital', text.indexOf('Memorial Hospital')),
    area('state', 'admin1', text.indexOf('Illinois'), 'Illinois'),
  ];
  const placed = (resolved: ResolvedMention[]) =>
    resolveSites(resolved, { text }).find((r) => r.mention.site)?.place?.within?.id;
  assert.equal(placed(withCounty), 'county');
  // A state alone is too wide to place a building in.
  assert.equal(placed([withCounty[1], withCounty[2]]), undefined);
});

test('an alternate name of a place beside one of the name\'s own readings speaks for that reading ("Torrington")', () => {
  const at = (id: string, lon: number, lat: number, country: string, population: number): Place => ({
    ...place(id, 'city', country, '01', population),
    anchor: [lon, lat],
  });
  const westTorrington = at('west-torrington', -73.14, 41.82, 'US', 36_000);
  const ct = at('torrington-ct', -73.12, 41.8, 'US', 35_000);
  const wy = at('torrington-wy', -104.18, 42.06, 'US', 6_500);
  const ranked: RankedMention[] = [
    {
      mention: mention('Torrington'),
      candidates: [
        { place: westTorrington, nameType: 'alt', score: -1.4 },
        { place: wy, nameType: 'name', score: -1.7 },
        { place: ct, nameType: 'name', score: -2.6 },
      ],
    },
  ];
  assert.equal(resolveMentions(ranked)[0].place?.id, 'torrington-ct');
  // Far from every reading by the name, the margin rule as before: the best named reading.
  ranked[0].candidates[0] = { place: at('elsewhere', 10, 50, 'DE', 36_000), nameType: 'alt', score: -1.4 };
  assert.equal(resolveMentions(ranked)[0].place?.id, 'torrington-wy');
});

test("article context: the home state, where most of the article's other places are (docTopAdmin1)", () => {
  const sure = (text: string, start: number, p: Place): RankedMention => ({
    mention: mention(text, start, 1),
    candidates: [{ place: p, nameType: 'name', score: 3 }],
  });
  const ocala = place('ocala', 'city', 'US', 'FL', 60_000);
  const leesburg = place('leesburg', 'city', 'US', 'FL', 20_000);
  const lakeFl = place('lake-fl', 'admin2', 'US', 'FL', 300_000);
  const lakeIl = place('lake-il', 'admin2', 'US', 'IL', 700_000);
  const local = buildRankContext([sure('Ocala', 0, ocala), sure('Leesburg', 10, leesburg)]);
  const top = (p: Place, ctx: ReturnType<typeof buildRankContext>) =>
    candidateFeatures({ place: p, nameType: 'name' }, [], mention('Lake County', 40), ctx, []).get('docTopAdmin1');
  assert.equal(top(lakeFl, local), 1);
  assert.equal(top(lakeIl, local), undefined);
  // One state among many countries is no home state: a story about Spain, Taiwan and Sweden that names two
  // Californian places does not make "London" the Californian village.
  const spain = place('spain', 'country', 'ES', '');
  const taiwan = place('taiwan', 'country', 'TW', '');
  const sweden = place('sweden', 'country', 'SE', '');
  const wide = buildRankContext([
    sure('Ocala', 0, ocala),
    sure('Leesburg', 10, leesburg),
    sure('Spain', 20, spain),
    sure('Taiwan', 30, taiwan),
    sure('Sweden', 40, sweden),
  ]);
  assert.equal(top(lakeFl, wide), undefined);
});
