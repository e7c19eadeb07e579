// Resolution stages on the ambiguity fixture gazetteer, with the hand-set priors (EMPTY_MODEL): the
// mechanisms, independent of trained weights.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_MODEL } from '../../src/core/model.ts';
import { articleCommaPlaces, findCandidates, rankCandidates, rankOnce } from '../../src/core/rank-candidates.ts';
import { buildRankContext } from '../../src/core/rank-context.ts';
import { FOREIGN_PENALTY, scoreCandidate } from '../../src/core/candidate-scores.ts';
import { addContextFeatures, candidateFeatures } from '../../src/core/candidate-features.ts';
import type { RankContext } from '../../src/core/rank-context.ts';
import { resolveMentions } from '../../src/core/resolve-mentions.ts';
import { resolveSites, findLocalFocus } from '../../src/core/resolve-sites.ts';
import { normalizeName } from '../../src/core/normalize-name.ts';
import type { Mention, RankedMention } from '../../src/core/types.ts';
import { loadFixtureGazetteer } from '../gazetteer/fixture-gazetteer.ts';

const gazetteer = loadFixtureGazetteer();

/** Mentions of every listed surface, in order of appearance. */
function mentionsOf(text: string, surfaces: string[], extra: Partial<Mention> = {}): Mention[] {
  let from = 0;
  return surfaces.map((s) => {
    const start = text.indexOf(s, from);
    assert.ok(start >= 0, s);
    from = start + s.length;
    const adjectival = /ian$|ish$|ch$/.test(s) && s !== 'French Quarter';
    return {
      start,
      end: start + s.length,
      text: s,
      key: normalizeName(s),
      type: adjectival ? 'adjectival' : 'toponym',
      passage: 0,
      confidence: 0.9,
      ...extra,
    };
  });
}
const resolve = (text: string, surfaces: string[]) =>
  resolveMentions(rankCandidates(mentionsOf(text, surfaces), text, gazetteer, EMPTY_MODEL));
const where = (r: ReturnType<typeof resolve>, surface: string) => r.find((x) => x.mention.text === surface)?.place;

test('"City, State": the state after the comma picks the city', () => {
  const r = resolve('Flooding in Paris, Texas.', ['Paris', 'Texas']);
  assert.equal(where(r, 'Paris')?.id, 'geonames:4717560');
  const r2 = resolve('Rain in Springfield, Illinois.', ['Springfield', 'Illinois']);
  assert.equal(where(r2, 'Springfield')?.id, 'geonames:4250542');
});

test('without context the famous reading wins: Paris is the capital, Turkey the country', () => {
  assert.equal(where(resolve('Talks in Paris.', ['Paris']), 'Paris')?.id, 'geonames:2988507');
  assert.equal(where(resolve('Turkey voted.', ['Turkey']), 'Turkey')?.kind, 'country');
});

test('document context: Georgia in a story about US states is the state', () => {
  const text = 'Storms hit Texas and Illinois, then Paris, Texas, and moved to Georgia.';
  const r = resolve(text, ['Texas', 'Illinois', 'Paris', 'Texas', 'Georgia']);
  assert.equal(where(r, 'Georgia')?.id, 'geonames:4197000');
  assert.equal(
    where(resolve('Georgia and France signed a deal.', ['Georgia', 'France']), 'Georgia')?.id,
    'geonames:614540',
  );
});

test('an area beats its small namesake seat: Lachin is the district', () => {
  assert.equal(where(resolve('Clashes near Lachin.', ['Lachin']), 'Lachin')?.id, 'geonames:147626');
});

test('adjectival mentions resolve to what they are the adjective of', () => {
  const r = resolve('French and Georgian officials met.', ['French', 'Georgian']);
  assert.equal(where(r, 'French')?.id, 'geonames:3017382');
  assert.equal(where(r, 'Georgian')?.id, 'geonames:614540');
});

test('one sense per name: every Paris in one article is the same Paris', () => {
  const r = resolve('Paris, Texas, flooded. Later Paris dried out.', ['Paris', 'Texas', 'Paris']);
  const ids = r.filter((x) => x.mention.text === 'Paris').map((x) => x.place?.id);
  assert.deepEqual(ids, ['geonames:4717560', 'geonames:4717560']);
});

test('a weak best reading resolves to nothing', () => {
  const [m] = mentionsOf('Zzz', ['Zzz']);
  const place = gazetteer.lookup('paris')[0].place;
  const ranked: RankedMention[] = [{ mention: m, candidates: [{ place, nameType: 'name', score: -9 }] }];
  assert.equal(resolveMentions(ranked)[0].place, null);
  assert.equal(resolveMentions([{ mention: m, candidates: [] }])[0].place, null);
});

test('sites go to the local focus, or give way to the name inside them', () => {
  const text = 'A fire on Paris Street in Springfield, Illinois. Springfield firefighters came.';
  const base = mentionsOf(text, ['Springfield', 'Illinois', 'Springfield']);
  const site: Mention = { ...mentionsOf(text, ['Paris Street'])[0], site: true };
  const inside: Mention = { ...mentionsOf(text, ['Paris'])[0], insideSite: true, confidence: 0.8 };
  const all = [inside, site, ...base].sort((a, b) => a.start - b.start || b.end - a.end);
  const resolved = resolveMentions(rankCandidates(all, text, gazetteer, EMPTY_MODEL));
  assert.equal(findLocalFocus(resolved)?.id, 'geonames:4250542');
  const out = resolveSites(resolved);
  const street = out.find((r) => r.mention.text === 'Paris Street')!;
  assert.equal(street.place?.kind, 'site');
  assert.deepEqual(street.place?.within, { id: 'geonames:4250542', name: 'Springfield' });
  assert.deepEqual(street.place?.anchor, [-89.64371, 39.80172]);
  assert.equal(
    out.some((r) => r.mention.text === 'Paris' && r.mention.insideSite),
    false,
    'the name inside the site is not a place of its own',
  );
  // Without a city to be local to, the site is dropped and the confident name inside it stays.
  const text2 = 'A fire on Paris Street.';
  const lone = [
    { ...mentionsOf(text2, ['Paris'])[0], insideSite: true, confidence: 0.8 },
    { ...mentionsOf(text2, ['Paris Street'])[0], site: true },
  ];
  const out2 = resolveSites(resolveMentions(rankCandidates(lone, text2, gazetteer, EMPTY_MODEL)));
  assert.deepEqual(
    out2.map((r) => r.mention.text),
    ['Paris'],
  );
});

test('an institution named after a region that does not hold the local focus goes to that region', () => {
  const text =
    'Flooding in Springfield, Illinois. Students from the Texas State University helped. Springfield thanked them.';
  const base = mentionsOf(text, ['Springfield', 'Illinois', 'Springfield']);
  const site: Mention = { ...mentionsOf(text, ['Texas State University'])[0], site: true };
  const inside: Mention = { ...mentionsOf(text, ['Texas'])[0], insideSite: true, confidence: 0.8 };
  const all = [...base, site, inside].sort((a, b) => a.start - b.start || b.end - a.end);
  const out = resolveSites(resolveMentions(rankCandidates(all, text, gazetteer, EMPTY_MODEL)));
  const uni = out.find((r) => r.mention.text === 'Texas State University')!;
  assert.equal(uni.place?.within?.id, 'geonames:4736286');
  assert.equal(
    out.some((r) => r.mention.insideSite),
    false,
  );
});

test('an alternate name wins over a primary name only by a margin', () => {
  const [m] = mentionsOf('Tunis', ['Tunis']);
  const [a, b] = gazetteer.lookup('paris').map((x) => x.place);
  const ranked = (altScore: number): RankedMention[] => [
    {
      mention: m,
      candidates: [
        { place: a, nameType: 'alt', score: altScore },
        { place: b, nameType: 'name', score: 1.5 },
      ],
    },
  ];
  // The margin is 3 score units: 4 over 1.5 is not enough, 5 is.
  assert.equal(resolveMentions(ranked(2))[0].place, b);
  assert.equal(resolveMentions(ranked(4))[0].place, b);
  assert.equal(resolveMentions(ranked(5))[0].place, a);
  assert.equal(resolveMentions(ranked(2), { altMargin: 0 })[0].place, a);
});

test('"City, State" anywhere in the article: a later bare Paris is still Paris, Texas', () => {
  const text = 'Flooding in Paris, Texas, closed roads. By noon Paris had reopened them.';
  const r = resolve(text, ['Paris', 'Texas', 'Paris']);
  const ids = r.filter((x) => x.mention.text === 'Paris').map((x) => x.place?.id);
  assert.deepEqual(ids, ['geonames:4717560', 'geonames:4717560']);
  // Each mention of the name carries the comma's places; the state, the towns before its comma.
  const mentions = mentionsOf(text, ['Paris', 'Texas', 'Paris']);
  const commas = articleCommaPlaces(mentions, text, gazetteer);
  assert.deepEqual(
    commas.map((c) => c.map((p) => p.name)),
    [['Texas'], ['Paris', 'Paris'], ['Texas']],
  );
});

test('a famous namesake abroad, in a story whose other places all lie elsewhere, is marked foreign', () => {
  const [m] = mentionsOf('London', ['London']);
  const paris = gazetteer.lookup('paris')[0].place;
  const [gb, ca] = ['GB', 'CA'].map((country) => ({ ...paris, country }));
  // London's own first reading (GB) does not count as evidence for GB; St. Thomas, Ontario counts for CA.
  const ctx: RankContext = {
    countries: new Map([
      ['GB', 1],
      ['CA', 1],
    ]),
    countriesByKey: new Map([['london', new Map([['GB', 1]])]]),
    admin1s: new Map(),
    anchors: [],
    placeKeys: new Map(),
    namedCountries: new Map(),
    countryAnchors: [],
    admin1Weights: new Map(),
    admin1WeightsByKey: new Map(),
  };
  const features = (p: typeof gb) => {
    const f = new Map<string, number>();
    addContextFeatures(f, p, m, ctx);
    return f;
  };
  assert.equal(features(gb).get('docForeign'), 1);
  assert.equal(features(ca).get('docForeign'), undefined);
  assert.equal(features(ca).get('docCountry'), 1 / 3);
  // A reading next to the story's places is not foreign, whatever its country (Georgia beside Azerbaijan).
  ctx.anchors.push({ keys: new Set(['st thomas']), anchor: [paris.anchor[0] + 3, paris.anchor[1]] });
  assert.equal(features(gb).get('docForeign'), undefined);
  ctx.anchors[0].anchor = [paris.anchor[0] + 30, paris.anchor[1]];
  assert.equal(features(gb).get('docForeign'), 1);
});

test('a state counts as the article naming it only when another name names it: no self-evidence', () => {
  const [m] = mentionsOf('Nelson', ['Nelson']);
  const town = { ...gazetteer.lookup('paris')[1].place, country: 'NZ', admin1: 'F5' };
  const ctx = (namers: string[]): RankContext => ({
    countries: new Map(),
    countriesByKey: new Map(),
    admin1s: new Map([['NZ.F5', new Set(namers)]]),
    anchors: [],
    placeKeys: new Map(),
    namedCountries: new Map(),
    countryAnchors: [],
    admin1Weights: new Map(),
    admin1WeightsByKey: new Map(),
  });
  const docAdmin1 = (namers: string[]) => {
    const f = new Map<string, number>();
    addContextFeatures(f, town, m, ctx(namers));
    return f.get('docAdmin1');
  };
  // "Nelson" read in a first pass as the Nelson region says nothing about the town of Nelson there…
  assert.equal(docAdmin1(['nelson']), undefined);
  // …the region named by another name does, also beside the town's own.
  assert.equal(docAdmin1(['tasman']), 1);
  assert.equal(docAdmin1(['nelson', 'tasman']), 1);
});

test('"City, State": the area after the comma is read as the one that holds a town of the first name', () => {
  const text = 'Storms near Paris, Texas. Later Georgia voted.';
  const mentions = mentionsOf(text, ['Paris', 'Texas', 'Georgia']);
  const commas = articleCommaPlaces(mentions, text, gazetteer);
  // Behind "Texas": the towns called Paris; behind "Paris": the state.
  assert.deepEqual(commas[1].map((p) => p.id).sort(), ['geonames:2988507', 'geonames:4717560']);
  assert.deepEqual(
    commas[0].map((p) => p.id),
    ['geonames:4736286'],
  );
  assert.deepEqual(commas[2], []);
  // A state or country holding one of the towns gets the comma's weight; one that holds none does not.
  const springfield = gazetteer.lookup('springfield').map((m) => m.place);
  const georgias = gazetteer.lookup('georgia');
  const mention = mentionsOf('Springfield, Georgia', ['Georgia'])[0];
  const commaCtx = (id: string, towns: typeof springfield) =>
    candidateFeatures(
      georgias.find((m) => m.place.id === id)!,
      georgias,
      mention,
      null,
      towns,
    ).get('commaCtx');
  const inGeorgia = { ...springfield[0], id: 'test:springfield-ga', admin1: 'GA' };
  assert.equal(commaCtx('geonames:4197000', [inGeorgia]), 1);
  assert.equal(commaCtx('geonames:614540', [inGeorgia]), undefined);
  assert.equal(commaCtx('geonames:4197000', springfield), undefined);
});

test('a reading the article names confidently by another name is marked; its own name is no evidence', () => {
  const [m] = mentionsOf('Pacific', ['Pacific']);
  const ocean = { ...gazetteer.lookup('paris')[0].place, id: 'test:ocean', kind: 'water' as const, country: '' };
  const ctx = (namers: string[]): RankContext => ({
    countries: new Map(),
    countriesByKey: new Map(),
    admin1s: new Map(),
    anchors: [],
    placeKeys: new Map([['test:ocean', new Set(namers)]]),
    namedCountries: new Map(),
    countryAnchors: [],
    admin1Weights: new Map(),
    admin1WeightsByKey: new Map(),
  });
  const docSame = (namers: string[]) => {
    const f = new Map<string, number>();
    addContextFeatures(f, ocean, m, ctx(namers));
    return f.get('docSame');
  };
  assert.equal(docSame(['pacific ocean']), 1);
  assert.equal(docSame(['pacific']), undefined);
  assert.equal(docSame(['pacific', 'pacific ocean']), 1);
});

test('a town abroad, far from the story, gives way to a namesake at home by a fixed penalty', () => {
  const scores = (text: string, surfaces: string[]) => {
    const mentions = mentionsOf(text, surfaces);
    const ranked = rankCandidates(mentions, text, gazetteer, EMPTY_MODEL);
    const ctx = buildRankContext(rankOnce(mentions, text, gazetteer, EMPTY_MODEL, null));
    const paris = ranked.find((r) => r.mention.text === 'Paris')!;
    const all = findCandidates(paris.mention, gazetteer);
    // The ranked score against the same reading's features and the learned (here hand-set) weights alone.
    return new Map(
      paris.candidates.map((c) => {
        const match = all.find((m) => m.place === c.place)!;
        const plain = scoreCandidate(EMPTY_MODEL, candidateFeatures(match, all, paris.mention, ctx, []));
        return [c.place.country, Math.round((c.score - plain) * 1000) / 1000];
      }),
    );
  };
  // A story about Illinois: Paris, France is foreign, Paris, Texas is at home.
  const home = scores('Storms hit Springfield, Illinois, and Paris overnight.', ['Springfield', 'Illinois', 'Paris']);
  assert.deepEqual([home.get('FR'), home.get('US')], [-FOREIGN_PENALTY, 0]);
  // Every reading abroad (a story about Azerbaijan: both Parises are foreign there): nothing is taken off.
  const away = scores('Talks in Lachin, then Lachin again, and Paris went on.', ['Lachin', 'Lachin', 'Paris']);
  assert.deepEqual([away.get('FR'), away.get('US')], [0, 0]);
});

test('one unsure place elsewhere is enough to make a far namesake foreign, when nothing else backs it', () => {
  const [m] = mentionsOf('Nelson', ['Nelson']);
  const paris = gazetteer.lookup('paris')[0].place;
  const nz = { ...paris, country: 'NZ' };
  // "Nelson" read in New Zealand by itself only; one nearby town read unsurely (half weight) in Canada.
  const ctx = (ca: number): RankContext => ({
    countries: new Map([
      ['NZ', 3],
      ['CA', ca],
    ]),
    countriesByKey: new Map([['nelson', new Map([['NZ', 3]])]]),
    admin1s: new Map(),
    anchors: [{ keys: new Set(['castlegar']), anchor: [paris.anchor[0] + 60, paris.anchor[1]] }],
    placeKeys: new Map(),
    namedCountries: new Map(),
    countryAnchors: [],
    admin1Weights: new Map(),
    admin1WeightsByKey: new Map(),
  });
  const foreign = (ca: number) => {
    const f = new Map<string, number>();
    addContextFeatures(f, nz, m, ctx(ca));
    return f.get('docForeign');
  };
  assert.equal(foreign(0.6), 1);
  assert.equal(foreign(0.3), undefined);
});
