// Recognition mechanisms of accuracy round 2 (issue #15), on small synthetic articles: first the features
// each mechanism sets (whatever the weights), then what the committed model makes of the same articles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  buildSpanContext,
  cityStateCommas,
  collectDocEvidence,
  extractMentions,
  isPlainName,
  oneReadingPerName,
  scoreSpans,
  type ScoredSpan,
} from '../../src/core/extract-mentions.ts';
import { findNameSpans } from '../../src/core/find-name-spans.ts';
import { geoparse } from '../../src/core/geoparse.ts';
import { rankCandidates } from '../../src/core/rank-candidates.ts';
import { resolveMentions } from '../../src/core/resolve-mentions.ts';
import { isCalendarWord, isGenericForeign, lexiconOf, spanFeatures } from '../../src/core/span-features.ts';
import { splitPassages } from '../../src/core/split-passages.ts';
import { tokenize } from '../../src/core/tokenize.ts';
import { normalizeName } from '../../src/core/normalize-name.ts';
import { EMPTY_MODEL, type GeoparserModel } from '../../src/core/model.ts';
import { realResources } from '../helpers/real-resources.ts';

/** Spans and their span context for a text, with the real gazetteer and model. */
function spansOf(text: string) {
  const { gazetteer, model } = realResources();
  const tokens = tokenize(text);
  const spans = findNameSpans(text, tokens, gazetteer, lexiconOf(model));
  return { spans, ctx: buildSpanContext(text, tokens, splitPassages(text), spans, model) };
}

/** The features of the span whose text is `surface` (the n-th one, from 0). */
function featuresOf(text: string, surface: string, n = 0) {
  const { spans, ctx } = spansOf(text);
  const span = spans.filter((s) => s.text === surface)[n];
  assert.ok(span, `no span "${surface}" in ${JSON.stringify(text)}`);
  return spanFeatures(span, ctx);
}

/** The mention texts the whole pipeline keeps as toponyms. */
function places(text: string): string[] {
  const { gazetteer, model } = realResources();
  return extractMentions(text, tokenize(text), splitPassages(text), gazetteer, model)
    .filter((m) => m.type === 'toponym')
    .map((m) => m.text);
}

/** Is the span of `key` in `text` a generic foreign name (isGenericForeign), with the committed model's evidence? */
function generic(text: string, key: string): boolean {
  const { gazetteer, model } = realResources();
  const { spans, ctx } = spansOf(text);
  const doc = collectDocEvidence(scoreSpans(text, tokenize(text), splitPassages(text), gazetteer, model), ctx);
  const span = spans.find((s) => s.key === key);
  assert.ok(span, `no span ${key} in ${JSON.stringify(text)}`);
  return isGenericForeign(span, ctx, doc);
}

/** Asserts, row by row, whether the span `surface` of `text` carries `feature`. */
function assertFeature(feature: string, table: Array<[string, string, boolean]>): void {
  for (const [text, surface, expected] of table)
    assert.equal(featuresOf(text, surface).get(feature), expected ? 1 : undefined, `${feature}: ${text}`);
}

test('calendar words: months and weekdays, long and short, as the engine names them in English', () => {
  for (const w of ['march', 'august', 'may', 'nov', 'sept', 'sunday', 'wed'])
    assert.equal(isCalendarWord(w), w !== 'sept', w);
  assert.equal(isCalendarWord('paris'), false);
  // The written-out list is what Intl's English calendar names give (they were computed at import before).
  for (const style of ['long', 'short'] as const) {
    const months = new Intl.DateTimeFormat('en-US', { month: style, timeZone: 'UTC' });
    const days = new Intl.DateTimeFormat('en-US', { weekday: style, timeZone: 'UTC' });
    for (let m = 0; m < 12; m++) assert.ok(isCalendarWord(normalizeName(months.format(Date.UTC(2001, m, 15)))));
    for (let d = 0; d < 7; d++) assert.ok(isCalendarWord(normalizeName(days.format(Date.UTC(2001, 0, 7 + d)))));
  }
});

test('junk features: a month, a dictionary word, a word in capitals, a currency prefix', () => {
  const table: Array<[string, string, string]> = [
    ['March was wetter than usual in Leeds.', 'March', 'calendar'],
    ['The Union said it would strike.', 'Union', 'dict:1'],
    ['Officials of the EU met on Monday.', 'EU', 'capsWordName'],
    ['The grant was worth US$3.7m last year.', 'US', 'nextCurrency'],
  ];
  for (const [text, surface, feature] of table)
    assert.equal(featuresOf(text, surface).get(feature), 1, `${surface}: ${feature}`);
  // "UAE" is only a short form of a longer name: no reading is a place called that word.
  assert.equal(featuresOf('Diplomats from the UAE met in Geneva.', 'UAE').get('capsWordName'), undefined);
  // A dictionary word's feature says how populous its readings are, so "Phoenix" is not "Commerce".
  const phoenix = featuresOf('Heat records fell in Phoenix again.', 'Phoenix');
  const commerce = featuresOf('Heat records fell in Commerce again.', 'Commerce');
  assert.ok([...phoenix.keys()].some((k) => k.startsWith('dict&pop:')));
  assert.notDeepEqual(
    [...phoenix.keys()].filter((k) => k.startsWith('dict&pop:')),
    [...commerce.keys()].filter((k) => k.startsWith('dict&pop:')),
  );
});

test('given-name and surname features: never on a country, a state or a big city', () => {
  const jordan = featuresOf('Jordan closed its border.', 'Jordan');
  assert.deepEqual(
    [...jordan.keys()].filter((k) => /^(given|surname)/.test(k)),
    [],
  );
  assert.equal(featuresOf('Georgia votes today.', 'Georgia').get('given'), undefined);
  // A given name that is only a small town's name carries the feature.
  assert.equal(featuresOf('Then Tracy sang.', 'Tracy').get('given'), 1);
  // A person's context still counts on a country's name: "Jordan Henderson" is a given name before a surname.
  assert.equal(featuresOf('Jordan Henderson scored twice.', 'Jordan').get('given&nextCap'), 1);
});

test('person evidence carries from "John Bolton" to a later bare "Bolton"', () => {
  const text = 'Trump named John Bolton as adviser. Later Bolton said he was pleased.';
  const { spans, ctx } = spansOf(text);
  const firstPass = (t: string) => {
    const { gazetteer, model } = realResources();
    return scoreSpans(t, tokenize(t), splitPassages(t), gazetteer, model);
  };
  const doc = collectDocEvidence(firstPass(text), ctx);
  assert.ok(doc.surnameKeys.has('bolton'));
  const bare = spans.filter((s) => s.key === 'bolton')[1];
  assert.equal(spanFeatures(bare, ctx, doc).get('docSurname'), 1);
  // No given name before it: no surname.
  const other = 'Flights from London to Paris resumed. Paris was calm.';
  const o = spansOf(other);
  assert.equal(collectDocEvidence(firstPass(other), o.ctx).surnameKeys.size, 0);
});

test('a surname after a capitalised word that is no place and no common word carries; not on a country', () => {
  const firstPass = (t: string) => {
    const { gazetteer, model } = realResources();
    return scoreSpans(t, tokenize(t), splitPassages(t), gazetteer, model);
  };
  const text = 'Turkey blamed the cleric Fethullah Gulen for the coup. Gulen has denied it.';
  const { spans, ctx } = spansOf(text);
  const doc = collectDocEvidence(firstPass(text), ctx);
  assert.ok(doc.surnameKeys.has('gulen'));
  const bare = spans.filter((s) => s.key === 'gulen')[1];
  const features = spanFeatures(bare, ctx, doc);
  // Person evidence replaces what the name's surest mention says, and counts as a surname.
  assert.equal(features.get('docSurname'), 1);
  assert.equal(features.get('docKey:person'), 1);
  // A country is never taken for a surname that way ("Air Iceland", a firm, is not a person).
  const other = 'Flights of Air Iceland were cancelled. Iceland closed its airports.';
  const o = spansOf(other);
  assert.equal(collectDocEvidence(firstPass(other), o.ctx).surnameKeys.has('iceland'), false);
});

test('one reading per name: free-standing mentions of a name are raised to their mean; a longer name keeps its own', () => {
  const text = 'Springfield is growing. The mayor of Springfield spoke. Springfield Rovers lost.';
  const { spans, ctx } = spansOf(text);
  assert.equal(spans.filter((s) => s.key === 'springfield').length, 3);
  const scored: ScoredSpan[] = spans.map((span, i) => ({ span, p1: 0.5, p2: [0.9, 0.3, 0.1][i] ?? 0.5 }));
  const out = oneReadingPerName(scored, ctx)
    .filter((s) => s.span.key === 'springfield')
    .map((s) => s.p2);
  // Raised to the mean of the free mentions, never lowered: the first keeps 0.9, the second gets 0.6.
  assert.deepEqual(out, [0.9, 0.6, 0.1]);
});

test('"City, St.": a state after "<town>, " makes both places; a list of states does not', () => {
  const scoredOf = (text: string) => {
    const { spans, ctx } = spansOf(text);
    return { scored: spans.map((span) => ({ span, p1: 0.2, p2: 0.2 })), ctx };
  };
  const pair = scoredOf('GLASGOW, Ky. -- A woman died in Glasgow.');
  const p = (s: ScoredSpan[], key: string) => s.filter((x) => x.span.key === key).map((x) => x.p2);
  cityStateCommas(pair.scored, pair.ctx);
  // The dateline's pair rises to 0.9; the later bare Glasgow is left to one reading per name.
  assert.deepEqual(p(pair.scored, 'glasgow'), [0.9, 0.2]);
  assert.deepEqual(p(pair.scored, 'ky'), [0.9]);
  // Two states: Texas has no town reading in Georgia (state or country).
  const list = scoredOf('Storms hit Texas, Georgia and Ohio.');
  cityStateCommas(list.scored, list.ctx);
  assert.deepEqual(
    list.scored.map((x) => x.p2),
    [0.2, 0.2, 0.2],
  );
  // A town of another state: Baku has no reading in Oregon.
  const wrong = scoredOf('He left Baku, Ore. on Monday.');
  cityStateCommas(wrong.scored, wrong.ctx);
  assert.deepEqual(p(wrong.scored, 'baku'), [0.2]);
});

test('with the committed model: no month, currency prefix, capitals word or bare surname becomes a place', () => {
  const table: Array<[string, string[]]> = [
    ['August was hot in Madrid. In March the rains came to Madrid.', ['Madrid', 'Madrid']],
    ['Spain pledged US$3.7m to the fund, said officials in Madrid.', ['Spain', 'Madrid']],
    ['Officials of the EU and NATO met on Monday in Geneva.', ['Geneva']],
    ['President Trump hired John Bolton in Washington. Bolton then flew to Seoul.', ['Washington', 'Seoul']],
  ];
  for (const [text, expected] of table) assert.deepEqual(places(text), expected, text);
});

test('with the committed model: "Atlantic", once recognised, is the ocean by its usual name, not Atlantic, Iowa', () => {
  const { gazetteer, model } = realResources();
  const text = 'Hurricane season in the Atlantic starts in June.';
  const start = text.indexOf('Atlantic');
  const mention = { start, end: start + 8, text: 'Atlantic', key: 'atlantic', type: 'toponym' as const, passage: 0 };
  const [r] = resolveMentions(rankCandidates([{ ...mention, confidence: 0.9 }], text, gazetteer, model));
  assert.equal(r.place?.name, 'Atlantic Ocean');
  assert.equal(r.place?.kind, 'water');
});

test('with the committed model: a given name that is a country or state stays the place', () => {
  const layer = geoparse('Jordan and Georgia signed a trade deal in Amman on Monday.', realResources());
  const names = layer.features.map((f) => f.properties.name).sort();
  assert.deepEqual(names, ['Amman', 'Georgia', 'Jordan']);
});

test('a short line without closing punctuation is a fragment (heading, caption, page furniture)', () => {
  const text = 'Madrid weekly digest\n\nThe mayor of Madrid spoke on Monday.';
  assert.equal(featuresOf(text, 'Madrid', 0).get('fragment&sentStart'), 1);
  assert.equal(featuresOf(text, 'Madrid', 1).get('fragment'), undefined);
  assert.equal(featuresOf(text, 'Madrid', 1).get('fragment&sentStart'), undefined);
});

test('a compass word that is a name joins the next name across a wrapped line, not across a paragraph', () => {
  const { gazetteer, model } = realResources();
  const found = (text: string) =>
    findNameSpans(text, tokenize(text), gazetteer, lexiconOf(model))
      .filter((s) => /Central|Anatolia/.test(s.text))
      .map((s) => [s.text, s.key]);
  assert.ok(gazetteer.lookup('central').length > 0, 'the test needs "Central" to be a gazetteer name');
  assert.deepEqual(found('Snow closed roads in Central\n      Anatolia on Monday.'), [
    ['Central\n      Anatolia', 'anatolia'],
  ]);
  assert.deepEqual(found('Snow closed roads in Central      Anatolia.'), [['Central      Anatolia', 'anatolia']]);
  assert.deepEqual(found('Snow closed roads in the Central\n\nAnatolia was calm.'), [
    ['Central', 'central'],
    ['Anatolia', 'anatolia'],
  ]);
});

test('a name of common words whose readings lie only in countries the article does not name is junk', () => {
  const { gazetteer } = realResources();
  assert.ok(
    gazetteer.lookup('centre').every((m) => m.place.country !== 'FR' && m.place.country !== 'DE'),
    'the test needs no "Centre" in France or Germany',
  );
  // "the Centre" (a government, a research centre) in a story about France and Germany: Cameroon's Centre region
  // and the like are no reading of it here.
  assert.equal(generic('Paris and Berlin asked the Centre for help.', 'centre'), true);
  // In a story about Cameroon the same word may be the region.
  assert.equal(generic('Cameroon sent troops to the Centre and to Yaounde.', 'centre'), false);
  // A name that is not a common word is never junk that way, nor a country's name.
  assert.equal(generic('Paris and Berlin sent aid to Yaounde.', 'yaounde'), false);
  assert.equal(generic('Paris and Berlin sent aid to Turkey.', 'turkey'), false);
  // With the committed model, the whole pipeline drops it.
  assert.deepEqual(places('Paris and Berlin asked the Centre for help.'), ['Paris', 'Berlin']);
});

test("a country's own name standing alone is a place unless the article uses it for a person", () => {
  const { gazetteer } = realResources();
  // A span model that doubts every name, and knows "Georgia" as a given name.
  const doubtful: GeoparserModel = {
    ...EMPTY_MODEL,
    span: { weights: { bias: -5 } },
    spanDoc: { weights: { bias: -5 } },
    givenNames: ['georgia'],
  };
  const p2 = (text: string) =>
    scoreSpans(text, tokenize(text), splitPassages(text), gazetteer, doubtful).map((s) => [
      s.span.text,
      Math.round(s.p2 * 100) / 100,
    ]);
  // Countries by their own names rise to 0.6; a city (Roseau) and a country glued to another name do not.
  assert.deepEqual(p2('Aid reached Dominica and Roseau. Georgia Power paid.'), [
    ['Dominica', 0.6],
    ['Roseau', 0.01],
    ['Georgia', 0.01],
  ]);
  // A name the article uses as a person's first name stays doubtful, bare or not.
  assert.deepEqual(
    p2('Georgia Stevens skated. Later Georgia won gold.').filter(([t]) => t === 'Georgia'),
    [
      ['Georgia', 0.01],
      ['Georgia', 0.01],
    ],
  );
});

test('a name with no reading in any country (a world region) is never junk as a foreign region', () => {
  const { gazetteer } = realResources();
  assert.ok(
    gazetteer.lookup('middle east').every((m) => !m.place.country),
    'the test needs "Middle East" to have no reading inside a country',
  );
  // Made of common words ("middle", "east"), but no country's region: nothing foreign about it.
  const table: Array<[string, string, boolean]> = [
    ['Paris and Berlin sent envoys to the Middle East.', 'middle east', false],
    ['Malware attacks rose across the Middle East last year.', 'middle east', false],
    // The words are common and the readings lie in a country the article does not name: junk as before.
    ['Paris and Berlin asked the Centre for help.', 'centre', true],
  ];
  for (const [text, key, expected] of table) assert.equal(generic(text, key), expected, text);
});

test('a title after a name: the place names the office ("Russian President", "Quebec Health Minister")', () => {
  const table: Array<[string, string, boolean]> = [
    ['On Monday he talked with Russian President Vladimir Putin about trade.', 'Russian', true],
    ['"It is late," Quebec Health Minister Gaetan Barrette said.', 'Quebec', true],
    ['She backed Florida Senator Marco Rubio.', 'Florida', true],
    ['Reporters asked US President-elect Donald Trump.', 'US', true],
    ['Montreal Mayor Denis Coderre spoke.', 'Montreal', true],
    // A name glued to other capitalised words that hold no title: no such cue.
    ['Paris Hilton arrived late.', 'Paris', false],
    ['The Madrid Open begins on Monday.', 'Madrid', false],
    // A title after a sentence break is no title of this name.
    ['Flights left Madrid. President Sanchez spoke.', 'Madrid', false],
  ];
  assertFeature('nextTitle', table);
});

test('a dateline: a name opening a paragraph, in capitals or before a dash, comma or bracket', () => {
  const table: Array<[string, string, boolean]> = [
    ['WASHINGTON Barack Obama pardoned a turkey.', 'WASHINGTON', true],
    ['Officials met.\n\nDETROIT — The department said on Monday.', 'DETROIT', true],
    ['Beijing (AsiaNews) Since March, sites have stopped selling.', 'Beijing', true],
    ['Baku, Azerbaijan - Talks resumed.', 'Baku', true],
    // A name opening a sentence inside the paragraph, or a paragraph's plain first word, is no dateline.
    ['Talks resumed. BAKU was calm.', 'BAKU', false],
    ['Baku is calm today.', 'Baku', false],
    // A page that ran its lines together: a name in capitals before a bracket still opens a dateline…
    ['The Rangers split the series. DALLAS (AP) - Dirk Nowitzki scored.', 'DALLAS', true],
    // …but not a name in ordinary case, nor one in capitals mid-sentence.
    ['The Rangers split the series. Dallas (the city) was calm.', 'Dallas', false],
    ['Fans in DALLAS (and elsewhere) cheered.', 'DALLAS', false],
  ];
  assertFeature('dateline', table);
});

test("a national capital by its own name carries the capital feature; a namesake town's name does not", () => {
  const table: Array<[string, string, boolean]> = [
    ['The provinces asked Ottawa to raise its share.', 'Ottawa', true],
    ['Talks in Kabul resumed on Monday.', 'Kabul', true],
    ['The mayor of Springfield spoke on Monday.', 'Springfield', false],
    ['Snow fell on Leeds overnight.', 'Leeds', false],
  ];
  assertFeature('capital', table);
});

test('a name with a currency sign glued after it is a currency, however sure the model and the name elsewhere', () => {
  const { gazetteer } = realResources();
  // A span model that takes every name for a place.
  const eager: GeoparserModel = { ...EMPTY_MODEL, span: { weights: { bias: 5 } }, spanDoc: { weights: { bias: 5 } } };
  const kept = (text: string) =>
    extractMentions(text, tokenize(text), splitPassages(text), gazetteer, eager).map((m) => m.text);
  const table: Array<[string, string[]]> = [
    ['The US pledged US$3.7m to Kenya.', ['US', 'Kenya']],
    ['Prices in HK$ rose in Hong Kong.', ['Hong Kong']],
    // A sign after a space is no part of the name.
    ['Kenya gets $5m from the US $ fund.', ['Kenya', 'US']],
  ];
  for (const [text, expected] of table) assert.deepEqual(kept(text), expected, text);
});

test('initials after a comma and a name that is no place are a degree or a firm, not a state ("M.D.")', () => {
  const table: Array<[string, string, boolean]> = [
    ['The study was led by Jane Smith, M.D. She said it helps.', 'M.D.', true],
    ['The study was led by Jane Smith, MD, who said it helps.', 'MD', false],
  ];
  assertFeature('initials&afterName', table);
});

test('a given name before a title is the office\'s place, not a person ("Atlanta Mayor Kasim Reed")', () => {
  const firstPass = (t: string) => {
    const { gazetteer, model } = realResources();
    return scoreSpans(t, tokenize(t), splitPassages(t), gazetteer, model);
  };
  const person = (t: string) => collectDocEvidence(firstPass(t), spansOf(t).ctx).personKeys;
  assert.ok(!person('An aide to former Atlanta Mayor Kasim Reed was indicted.').has('atlanta'));
  assert.ok(!person('Georgia Governor Brian Kemp spoke.').has('georgia'));
  // Nor is a name after "the": a team's or a firm's ("the Dallas Mavericks").
  assert.ok(!person('He left the Dallas Mavericks early. DALLAS (AP) - Nowitzki scored.').has('dallas'));
  // A person's first name before a surname still is one.
  assert.ok(person('Georgia Stevens skated. Later Georgia won gold.').has('georgia'));
});

test('a capital after a colon opens a clause: no given name of the word before a country ("AG: Both China")', () => {
  const { ctx } = spansOf('Andermatt Biocontrol AG: Both China and Brazil will grow.');
  const both = ctx.tokens.findIndex((t) => t.text === 'Both');
  assert.ok(ctx.sentenceStarts.has(both));
  // A colon before a lower-case word opens nothing.
  const lower = spansOf('He said: both China and Brazil will grow.').ctx;
  assert.ok(!lower.sentenceStarts.has(lower.tokens.findIndex((t) => t.text === 'both')));
  assert.ok(places('Andermatt Biocontrol AG: Both China and Brazil will have a role.').includes('China'));
});

test('a surname after a given name and a middle initial carries too ("Charles W. Murphy … Murphy")', () => {
  const firstPass = (t: string) => {
    const { gazetteer, model } = realResources();
    return scoreSpans(t, tokenize(t), splitPassages(t), gazetteer, model);
  };
  const surnames = (t: string) => collectDocEvidence(firstPass(t), spansOf(t).ctx).surnameKeys;
  assert.ok(surnames('Charles W. Murphy has been named director. Murphy earned his degree in Ohio.').has('murphy'));
  // The full stop of an abbreviation ("U.S.") before the name is no middle initial's.
  assert.ok(!surnames('Prices rose across the U.S. Murphy is a small town there.').has('murphy'));
});

test('a plain name: no capitals, calendar word, given name, surname or common word', () => {
  const { model } = realResources();
  const lexicon = lexiconOf(model);
  const table: Array<[string, string, boolean]> = [
    ['Police searched Mississauga and Castlegar.', 'Mississauga', true],
    ['Tensions rose in the Middle East.', 'Middle East', true],
    ['The EU said no.', 'EU', false],
    ['Trade fell in August.', 'August', false],
    ['Later Sidney said no.', 'Sidney', false],
    ['The Union was formed.', 'Union', false],
  ];
  for (const [text, surface, expected] of table) {
    const span = spansOf(text).spans.find((s) => s.text === surface);
    assert.ok(span, `no span ${surface}`);
    assert.equal(isPlainName(span, lexicon), expected, text);
  }
});

test('a list of names before "counties" or "parishes" reads each name as that area ("Marion and Polk counties")', () => {
  const { gazetteer } = realResources();
  const spansIn = (text: string) => findNameSpans(text, tokenize(text), gazetteer).map((s) => [s.text, s.key]);
  assert.deepEqual(spansIn('Roads closed in Marion and Polk counties on Tuesday.'), [
    ['Marion', 'marion county'],
    ['Polk', 'polk county'],
  ]);
  assert.deepEqual(spansIn('Crews from DuPage, Kane and Will counties helped.').slice(0, 3), [
    ['DuPage', 'dupage county'],
    ['Kane', 'kane county'],
    ['Will', 'will county'],
  ]);
  // One name is no list: "Cook County" is a gazetteer name already, and "the Smith counties" nothing.
  assert.deepEqual(spansIn('Cook County deputies came.'), [['Cook County', 'cook county']]);
  // The whole pipeline keeps them as places, the county readings in the state the story is in.
  const { model } = realResources();
  const text = 'SALEM, Ore. — Flooding closed roads in Marion and Polk counties on Tuesday.';
  const layer = geoparse(text, { gazetteer, model });
  const byText = new Map(layer.features.flatMap((f) => f.properties.mentions.map((m) => [m.text, f.properties])));
  for (const name of ['Marion', 'Polk']) {
    const p = byText.get(name);
    assert.deepEqual([p?.name, p?.kind, p?.country], [`${name} County`, 'admin2', 'US'], name);
    assert.ok(Math.abs((p?.anchor as [number, number])[0] - -123) < 1, `${name} County, Oregon`);
  }
});

test('a site\'s head noun alone is no mention ("Street" in "Dundas Street" is not the village in Somerset)', () => {
  const text = 'Police said a man was arrested on Dundas Street in London.';
  assert.ok(!places(text).includes('Street'), JSON.stringify(places(text)));
});

test('words that say a place\'s kind are a recognition feature ("the mayor of Portland", "Ohio Gov.")', () => {
  assertFeature('kindWords', [
    ['The mayor of Portland said the budget was balanced.', 'Portland', true],
    ['The town of Cary approved a new park.', 'Cary', true],
    ['Former Ohio Gov. John Kasich spoke.', 'Ohio', true],
    ['Portland said the budget was balanced.', 'Portland', false],
    ['The mayor said Portland was calm.', 'Portland', false],
  ]);
  // With the committed model, a short local sentence keeps its town.
  assert.deepEqual(places('The mayor of Portland said the budget was balanced.'), ['Portland']);
});
