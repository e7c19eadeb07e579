// chooseFocus on small synthetic layers (issue #14): what the first view frames. Coordinates are rough
// outlines drawn by hand (boxes around the real places), so each expectation can be checked on an atlas.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chooseFocus, placeWeight } from '../../src/core/choose-focus.ts';
import { geoparse } from '../../src/core/geoparse.ts';
import { splitPassages } from '../../src/core/split-passages.ts';
import type { ArticleLayer, LayerFeature, PlaceKind } from '../../src/core/types.ts';
import { manyCities } from '../helpers/many-cities.ts';
import { realResources } from '../helpers/real-resources.ts';

/** A place named in the given passages (one toponym mention each; `adj` more passages as adjectives). */
function place(
  name: string,
  kind: PlaceKind,
  at: [number, number],
  passages: number[],
  box?: [number, number, number, number],
  adj: number[] = [],
): LayerFeature {
  const mentions = [
    ...passages.map((passage) => ({ start: 0, end: 1, text: name, passage, type: 'toponym' as const })),
    ...adj.map((passage) => ({ start: 0, end: 1, text: name, passage, type: 'adjectival' as const })),
  ];
  const geometry = box
    ? {
        type: 'Polygon' as const,
        coordinates: [
          [
            [box[0], box[1]],
            [box[2], box[1]],
            [box[2], box[3]],
            [box[0], box[3]],
            [box[0], box[1]],
          ],
        ],
      }
    : { type: 'Point' as const, coordinates: at };
  return {
    type: 'Feature',
    id: `test:${name}`,
    geometry,
    properties: { name, kind, country: '', anchor: at, score: 1, candidates: [], mentions },
  };
}

/** A polygon's rings for a box [west, south, east, north]: one part of a hand-made MultiPolygon. */
const ring = ([w, s, e, n]: number[]) => [
  [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ],
];

const layerOf = (...features: LayerFeature[]): ArticleLayer => ({ type: 'FeatureCollection', features, passages: [] });

/**
 * A layer for a written text: each place is mentioned wherever one of its words stands in the text (a word
 * ending in "n" or "an" that is not the place's name is an adjective), with the text's real passages and sentences.
 */
function storyOf(text: string, ...places: Array<[LayerFeature, ...string[]]>): ArticleLayer {
  const passages = splitPassages(text);
  const features = places.map(([f, ...words]) => {
    const mentions = words.flatMap((word) =>
      [...text.matchAll(new RegExp(`\\b${word}\\b`, 'g'))].map((m) => ({
        start: m.index!,
        end: m.index! + word.length,
        text: word,
        passage: passages.findIndex((p) => m.index! >= p.start && m.index! < p.end),
        type: word === f.properties.name ? ('toponym' as const) : ('adjectival' as const),
      })),
    );
    return { ...f, properties: { ...f.properties, mentions } };
  });
  return { type: 'FeatureCollection', features, passages };
}

const names = (layer: ArticleLayer) => {
  const ids = new Set(chooseFocus(layer)!.ids);
  return layer.features.filter((f) => ids.has(f.id)).map((f) => f.properties.name);
};

test('a local story with one foreign mention frames the town and its neighbour, not the far country', () => {
  const layer = layerOf(
    place('Boulder', 'city', [-105.27, 40.01], [0, 1, 3, 5]),
    place('Denver', 'city', [-104.99, 39.74], [2, 6]),
    place('Colorado', 'admin1', [-105.5, 39.0], [4], [-109.05, 36.99, -102.04, 41.0]),
    place('China', 'country', [105, 35], [7], [73.5, 18.2, 134.8, 53.6]),
  );
  assert.deepEqual(names(layer), ['Boulder', 'Denver', 'Colorado']);
  const [w, s, e, n] = chooseFocus(layer)!.bbox;
  // Colorado holds both towns and is seven degrees wide against their third of a degree: the towns are framed.
  assert.deepEqual([w, s, e, n], [-105.27, 39.74, -104.99, 40.01]);
});

test('a lone weak point far from a country-wide story stays out, however large the spread', () => {
  const canada = place('Canada', 'country', [-113.6, 60.1], [0, 3], [-141, 48, -52.6, 83.1]);
  const story = (...more: LayerFeature[]) =>
    layerOf(
      canada,
      place('Toronto', 'city', [-79.42, 43.7], [2, 4, 6]),
      place('Ottawa', 'city', [-75.7, 45.42], [5]),
      place('Montreal', 'city', [-73.57, 45.5], [6]),
      place('Vancouver', 'city', [-123.12, 49.25], [1]),
      place('British Columbia', 'admin1', [-124.7, 54.7], [1], [-139.1, 48.3, -114.1, 60]),
      ...more,
    );
  // "West Coast" read as a region of Gambia, named once in the lead: 6,800 km from Toronto, within four of the
  // story's spreads (the places lie across a continent), but with no other place within half that radius of it.
  const gambia = place('West Coast', 'admin1', [-16.31, 13.22], [1], [-16.8, 13.05, -15.8, 13.5]);
  assert.deepEqual(names(story(gambia)), ['Canada', 'Toronto', 'Ottawa', 'Montreal', 'Vancouver', 'British Columbia']);
  assert.deepEqual(chooseFocus(story(gambia))!.bbox, chooseFocus(story())!.bbox, 'the view is not widened');
  // Named in the headline and four more times, a far place carries a fifth of the weight and joins.
  const told = place('Dakar', 'city', [-17.45, 14.69], [0, 7, 8, 9, 10]);
  assert.ok(names(story(told)).includes('Dakar'));
});

test('a two-country story frames both countries whole and leaves a passing mention out', () => {
  const layer = layerOf(
    place('France', 'country', [2, 46], [0, 1, 2, 4, 6, 8], [-4.8, 42.3, 8.2, 51.1]),
    place('Germany', 'country', [10.5, 51.5], [0, 2, 3, 5, 7], [5.9, 47.3, 15.0, 55.1]),
    place('Paris', 'city', [2.35, 48.86], [4]),
    place('Berlin', 'city', [13.4, 52.52], [5]),
    place('United States', 'country', [-98, 39], [9], [-124.7, 24.5, -66.9, 49.4]),
  );
  assert.deepEqual(names(layer), ['France', 'Germany', 'Paris', 'Berlin']);
  assert.deepEqual(chooseFocus(layer)!.bbox, [-4.8, 42.3, 15, 55.1]);
});

test('a story about one city frames the city, not the country around it', () => {
  const layer = layerOf(
    place('Paris', 'city', [2.35, 48.86], [0, 1, 2, 3, 5]),
    place('France', 'country', [2.0, 47.5], [], [-4.8, 42.3, 8.2, 51.1], [4]),
    place('Marseille', 'city', [5.37, 43.3], [6]),
  );
  const focus = chooseFocus(layer)!;
  assert.ok(focus.ids.includes('test:Paris'));
  assert.ok(!focus.ids.includes('test:Marseille'), 'Marseille, 660 km away and named once, is a passing mention');
  assert.deepEqual(focus.bbox, [2.35, 48.86, 2.35, 48.86]);
});

test("a neighbour much larger than the story's places is framed by its anchor, not whole", () => {
  const layer = layerOf(
    place('Aleppo', 'city', [37.16, 36.2], [0, 1, 2, 3, 4]),
    place('Syria', 'country', [38.5, 35], [1, 5, 6, 7], [35.7, 32.3, 42.4, 37.3]),
    place('Beirut', 'city', [35.5, 33.9], [8, 9]),
    place('Lebanon', 'country', [35.9, 33.9], [9], [35.1, 33.05, 36.6, 34.7]),
    place('Turkey', 'country', [35, 39], [0, 3, 5, 7, 10], [26, 36.7, 45, 42.1]), // south of Aleppo's latitude (Hatay aside)
  );
  assert.deepEqual(names(layer), ['Aleppo', 'Syria', 'Beirut', 'Lebanon', 'Turkey']);
  // Syria and Lebanon whole; Turkey, 19° wide against the places' 2° to 5°, only as far as its anchor.
  assert.deepEqual(chooseFocus(layer)!.bbox, [35, 32.3, 42.4, 39]);
});

test('a world-wide story frames every continent it names, across the antimeridian the short way', () => {
  const layer = layerOf(
    place('United States', 'country', [-98, 39], [0, 3], [-124.7, 24.5, -66.9, 49.4]),
    place('China', 'country', [105, 35], [1, 4], [73.5, 18.2, 134.8, 53.6]),
    place('Brazil', 'country', [-53, -10], [2, 5], [-74, -33.8, -34.8, 5.3]),
    place('India', 'country', [79, 22], [6, 7], [68.1, 6.7, 97.4, 35.5]),
    place('Australia', 'country', [134, -25], [8, 9], [113.3, -43.6, 153.6, -10.7]),
  );
  assert.equal(chooseFocus(layer)!.ids.length, 5);
  const [w, s, e, n] = chooseFocus(layer)!.bbox;
  // The widest gap between them is Africa and the Atlantic (34.8°W to 68.1°E, 103°), wider than the Pacific
  // between Australia and the United States (82°): the box runs east from India across the Pacific to Brazil.
  assert.deepEqual([w, s, e, n], [68.1, -43.6, -34.8, 53.6]);
});

test('a story on both sides of the antimeridian gets a box that crosses it (west > east)', () => {
  const layer = layerOf(
    place('Suva', 'city', [178.44, -18.14], [0, 1, 2]),
    place('Taveuni', 'island', [-179.97, -16.85], [3, 4], [-180, -17.2, -179.8, -16.6]),
  );
  const [w, , e] = chooseFocus(layer)!.bbox;
  assert.equal(w, 178.44);
  assert.equal(e, -179.8);
});

test('a dateline city and its country are the focus; a country named almost as often, as an actor, is not', () => {
  const layer = storyOf(
    'Hanoi (VNA) – Vietnam wants Russia to play a greater role in the region, said the party chief of Vietnam. ' +
      "He met Russia's defence minister in Hanoi on Tuesday. Vietnam and Russia signed a plan for 2019. " +
      'Vietnam values its friendship with Russia, he said, as does the army of Vietnam.',
    [place('Hanoi', 'city', [105.85, 21.03], []), 'Hanoi'],
    [place('Vietnam', 'country', [106, 16], [], [102.1, 8.6, 109.5, 23.4]), 'Vietnam'],
    [place('Russia', 'country', [100, 60], [], [27, 41, 180, 82]), 'Russia'],
  );
  // Russia is named almost as often as Vietnam and carries a fifth of the weight, but 4,400 km away, with no place
  // of the story inside it, it weighs less than half of Hanoi and Vietnam. Vietnam, named more than Hanoi (its
  // dateline), is the story's subject and is framed whole.
  assert.deepEqual(names(layer), ['Hanoi', 'Vietnam']);
  assert.deepEqual(chooseFocus(layer)!.bbox, [102.1, 8.6, 109.5, 23.4]);
});

test('the dateline: a city opening the headline or the lead weighs two more, a country opening it does not', () => {
  const opening: Array<[number, number]> = [
    [0, 40],
    [41, 120],
  ];
  const at = (start: number, passage = 0) => ({ start, end: start + 5, text: 'x', passage, type: 'toponym' as const });
  const city = place('Hanoi', 'city', [105.85, 21.03], []);
  const country = place('Turkey', 'country', [35, 39], []);
  const named = (f: LayerFeature, ...starts: number[]) => ({
    ...f,
    properties: { ...f.properties, mentions: starts.map((s) => at(s)) },
  });
  assert.equal(placeWeight(named(city, 0, 90), opening), (2 + 2 + 2) * 2, 'opens the headline');
  assert.equal(placeWeight(named(city, 41), opening), (1 + 1 + 2) * 2, 'opens the lead');
  assert.equal(placeWeight(named(city, 50), opening), (1 + 1) * 2, 'inside the lead');
  assert.equal(placeWeight(named(city, 200), opening), 1 * 2, 'later on');
  assert.equal(placeWeight(named(country, 0), opening), 1 + 2, 'a country opening the headline is its subject');
  // Without sentences (a hand-made layer), passage 0 is the headline and passage 1 the lead, as before.
  assert.equal(placeWeight(named(city, 0)), (1 + 2) * 2);
});

test('a country named as an actor in a two-paragraph story stays off the view, however often it is named', () => {
  const layer = storyOf(
    'Venezuela signs oil deal\n\n' +
      "Venezuela's mining minister said in Caracas that the Orinoco fields will get new wells. " +
      'Russia will pay for them.\n\n' +
      'Russia has lent Venezuela billions since 2006, and Russia wants its oil. Russia sees Venezuela as a partner. ' +
      'Caracas hopes for more.',
    [place('Venezuela', 'country', [-66, 8], [], [-73.4, 0.7, -59.8, 12.2]), 'Venezuela'],
    [place('Caracas', 'city', [-66.9, 10.5], []), 'Caracas'],
    [place('Orinoco', 'water', [-61.1, 8.9], []), 'Orinoco'],
    [place('Russia', 'country', [100, 60], [], [27, 41, 180, 82]), 'Russia'],
  );
  assert.deepEqual(names(layer), ['Venezuela', 'Caracas', 'Orinoco']);
  assert.deepEqual(chooseFocus(layer)!.bbox, [-73.4, 0.7, -59.8, 12.2]);
});

test('a continent without an outline takes no part in the focus (it is listed, not drawn)', () => {
  const layer = storyOf(
    'Nepal opens new airports\n\nKathmandu – Nepal opened airports in Pokhara and Biratnagar on Monday. ' +
      'Flights from Kathmandu to Pokhara start in May, the first of their kind in Asia, officials said.',
    [place('Kathmandu', 'city', [85.32, 27.7], []), 'Kathmandu'],
    [place('Nepal', 'country', [84, 28], [], [80.06, 26.35, 88.2, 30.45]), 'Nepal'],
    [place('Pokhara', 'city', [83.98, 28.21], []), 'Pokhara'],
    [place('Biratnagar', 'city', [87.27, 26.45], []), 'Biratnagar'],
    // Asia's point from the gazetteer lies in Tibet, 430 km from Kathmandu: within the story's spread.
    [place('Asia', 'continent', [89.3, 29.8], []), 'Asia'],
  );
  assert.deepEqual(names(layer), ['Kathmandu', 'Nepal', 'Pokhara', 'Biratnagar']);
  assert.deepEqual(chooseFocus(layer)!.bbox, [80.06, 26.35, 88.2, 30.45], 'Nepal whole, not stretched to Tibet');
  assert.equal(chooseFocus(layerOf(place('Asia', 'continent', [89.3, 29.8], [0]))), undefined, 'only a continent');
  // A continent with an outline is a place like any other.
  const drawn = layerOf(place('Antarctica', 'continent', [0, -80], [0, 1], [-180, -90, 180, -60]));
  assert.deepEqual(chooseFocus(drawn)!.ids, ['test:Antarctica']);
});

test('an area that holds only the point of the continent the article is about is framed itself', () => {
  // Asia's point lies inside Russia's outline, and Asia is what the article is about: Russia was taken for a
  // container left to the places inside it, none of which is framed, and chooseFocus threw on the empty core.
  const layer = layerOf(
    place('Russia', 'country', [100, 60], [0], [27, 41, 180, 78]),
    place('Asia', 'continent', [100, 50], [0, 1, 2, 3, 4, 5]),
  );
  const focus = chooseFocus(layer)!;
  assert.deepEqual(focus.ids, ['test:Russia', 'test:Asia']);
  // Russia whole (the framed places are all areas: no anchor measures them), not Asia's point; it was Russia's anchor,
  // a spot in Siberia.
  assert.deepEqual(focus.bbox, [27, 41, 180, 78], "Russia's outline, not Asia's point");
});

test('a continent the article is about brings the countries around its point into the focus, but not its point', () => {
  const spain = place('Spain', 'country', [-4, 40], [6]);
  // The mainland and the Canary Islands, 2,700 km from the story's centre.
  spain.geometry = {
    type: 'MultiPolygon',
    coordinates: [ring([-9.3, 36, 3.3, 43.8]), ring([-18.2, 27.6, -13.4, 29.4])],
  };
  const layer = layerOf(
    // Named in the headline and in most paragraphs; the gazetteer gives it a point in southern Germany.
    place('Europe', 'continent', [9.14, 48.69], [0, 1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 13, 14, 15]),
    place('Brussels', 'city', [4.35, 50.85], [1]),
    place('Belgium', 'country', [4.5, 50.75], [3], [2.5, 49.5, 6.4, 51.5]),
    place('Italy', 'country', [12.8, 42.8], [5], [6.6, 36.6, 18.5, 47.1]),
    spain,
    place('Greece', 'country', [22, 39], [10], [19.4, 34.8, 28.2, 41.7]),
  );
  assert.deepEqual(names(layer), ['Europe', 'Brussels', 'Belgium', 'Italy', 'Spain', 'Greece']);
  // With Europe's weight the story's centre moves from Brussels to 48.7°N, its spread from Belgium's 10 km to
  // Europe's point, 340 km away: Italy (920 km) and Spain (1,180 km) lie within four spreads; Greece (1,760) within
  // the reach of a story led by a continent (named more than any place drawn: 2,500 km).
  // Spain's mainland, Italy and Greece whole; Europe's point (in the box anyway) adds nothing, the Canaries stay out.
  assert.deepEqual(chooseFocus(layer)!.bbox, [-9.3, 34.8, 28.2, 51.5]);
  // Named once, a continent is not what the article is about: Brussels and Belgium alone.
  const once = layerOf(...layer.features.slice(1), place('Europe', 'continent', [9.14, 48.69], [9]));
  assert.deepEqual(names(once), ['Brussels', 'Belgium']);
});

test('a story led by a continent is not taken by one country of it, however often that country is named as an adjective', () => {
  // An EU policy story: "European" in most paragraphs, "English" (the language, read as England) in eight, the
  // United Kingdom twice, Ireland and France once. England's eight adjectives at a region's specificity outweighed
  // Europe's fifteen mentions at a continent's, and the first view showed England alone.
  const france = place('France', 'country', [2, 46], [], undefined, [9]);
  france.geometry = {
    type: 'MultiPolygon',
    // The mainland, Corsica and Réunion, 9,000 km away.
    coordinates: [ring([-4.8, 42.3, 8.2, 51.1]), ring([8.5, 41.4, 9.6, 43]), ring([55.2, -21.4, 55.8, -20.9])],
  };
  const layer = layerOf(
    place('Europe', 'continent', [9.14, 48.69], [3, 5], undefined, [0, 0, 1, 1, 2, 2, 4, 4, 6, 6, 7, 8, 10]),
    place('England', 'admin1', [-1.46, 52.6], [], [-5.7, 49.9, 1.8, 55.8], [2, 3, 4, 5, 6, 7, 8, 11]),
    place('United Kingdom', 'country', [-2.7, 54.76], [4, 12], [-8.2, 49.9, 1.8, 60.9]),
    place('Ireland', 'country', [-8, 53], [12], [-10.5, 51.4, -6, 55.4]),
    france,
  );
  assert.deepEqual(names(layer), ['Europe', 'England', 'United Kingdom', 'Ireland', 'France']);
  const [w, s, e, n] = chooseFocus(layer)!.bbox;
  assert.deepEqual([w, s, e, n], [-10.5, 41.4, 9.6, 60.9], 'the British Isles and mainland France, not Réunion');
  // Named less than England, the continent does not lead: England's story, as before.
  const once = layerOf(place('Europe', 'continent', [9.14, 48.69], [3]), ...layer.features.slice(1));
  assert.deepEqual(names(once), ['England', 'United Kingdom']);
});

test('a large country named once in passing is in the focus but does not stretch the view, nor does a far part of a framed one', () => {
  // A story about Mexico, the United States and Colombia that names Canada once: the view reached the Arctic.
  // The United States with Alaska: within the story's wide radius, but far from the parts that hold its places.
  const us = place('United States', 'country', [-98.5, 39.8], [1, 2, 4, 6]);
  us.geometry = {
    type: 'MultiPolygon',
    coordinates: [ring([-124.7, 24.5, -67, 49.4]), ring([-168, 54.5, -141, 71.4])],
  };
  const layer = layerOf(
    place('Mexico', 'country', [-102, 23], [0, 1, 2, 3, 4, 5, 6], [-117, 14.5, -86.7, 32.7]),
    us,
    place('Colombia', 'country', [-73, 4], [3, 5], [-79, -4.2, -66.9, 12.5]),
    place('Ciudad Juárez', 'city', [-106.5, 31.7], [2]),
    place('Boston', 'city', [-71.06, 42.36], [4]),
    place('Bogotá', 'city', [-74.08, 4.61], [5]),
    place('Canada', 'country', [-95, 60], [7], [-141, 48, -52.6, 83.1]), // a box south of Boston's latitude
  );
  assert.ok(names(layer).includes('Canada'), 'near the story: in its focus, named where it shows');
  assert.deepEqual(chooseFocus(layer)!.bbox, [-124.7, -4.2, -66.9, 49.4], 'Mexico, the lower 48 and Colombia');
  // Named twice, or in the lead, it is one of the story's places: framed whole.
  const twice = layerOf(
    ...layer.features.slice(0, 6),
    place('Canada', 'country', [-95, 60], [7, 8], [-141, 48, -52.6, 83.1]),
  );
  assert.equal(chooseFocus(twice)!.bbox[3], 83.1);
});

test("a story of one country and another named once frames both: a lone area's anchor is no measure of the story", () => {
  // A markets column naming the United States twice and the United Kingdom and China once each, no town: the first
  // view was the United States' anchor alone (a box of one point, zoomed into Kansas).
  const layer = layerOf(
    place('United States', 'country', [-98.5, 39.8], [3, 6], [-124.7, 24.5, -66.9, 49.4]),
    place('United Kingdom', 'country', [-2, 54], [4], [-8.2, 49.9, 1.8, 58.7]),
    place('China', 'country', [104, 35], [8], [73.5, 18.2, 134.8, 53.6]),
  );
  const { bbox } = chooseFocus(layer)!;
  assert.ok(bbox[2] - bbox[0] > 20 && bbox[3] - bbox[1] > 10, `a view, not a point: ${bbox}`);
  assert.ok(bbox[0] <= -124.7 && bbox[2] >= 1.8, `the United States and the United Kingdom: ${bbox}`);
});

test('a story about one country alone frames the country whole, not its anchor as a spot', () => {
  // Tunisia named three times, nothing else: the first view was a box of one point (its anchor) at zoom 7.
  const layer = layerOf(place('Tunisia', 'country', [9, 34], [0, 1, 2], [7.5, 30.2, 11.6, 37.5]));
  assert.deepEqual(chooseFocus(layer)!.bbox, [7.5, 30.2, 11.6, 37.5]);
});

test("a region framed by the places inside it is not framed by an island of it near them (England's Isle of Wight)", () => {
  const england = place('England', 'admin1', [-1.46, 52.6], [0, 4]);
  england.geometry = {
    type: 'MultiPolygon',
    coordinates: [ring([-5.7, 49.9, 1.8, 55.8]), ring([-1.6, 50.57, -1.07, 50.77])],
  };
  const layer = layerOf(
    place('London', 'city', [-0.126, 51.509], [0, 1, 2, 3, 5]),
    england,
    place('United Kingdom', 'country', [-2.7, 54.76], [6], [-8.2, 49.9, 1.8, 60.9]),
  );
  assert.deepEqual(chooseFocus(layer)!.bbox, [-0.126, 51.509, -0.126, 51.509], 'London, not London and the island');
});

test("only the story's most named area is framed whole for being named more than its places", () => {
  // A Slovenian story about the Skripal affair: Russia, named half as often as Slovenia, is one of its places, but
  // framed whole around Moscow it stretched the view to Chukotka.
  const layer = layerOf(
    place('Slovenia', 'country', [14.8, 46.1], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], [13.4, 45.4, 16.6, 46.9]),
    place('Russia', 'country', [100, 60], [1, 3, 4, 6, 8], [27, 41.2, 180, 77.7]),
    place('Moscow', 'city', [37.62, 55.75], [2, 4, 9]),
    place('United Kingdom', 'country', [-2.7, 54.76], [1, 2], [-8.2, 49.9, 1.8, 60.9]),
    place('Portugal', 'country', [-8, 39.6], [12], [-9.5, 37, -6.2, 42.1]),
    place('Bulgaria', 'country', [25.3, 42.7], [13], [22.4, 41.2, 28.6, 44.2]),
    place('Slovakia', 'country', [19.5, 48.7], [14], [16.8, 47.7, 22.6, 49.6]),
  );
  const focus = chooseFocus(layer)!;
  assert.ok(
    ['Slovenia', 'Russia', 'Moscow'].every((n) => names(layer).includes(n)),
    `${names(layer)}`,
  );
  const [w, s, e, n] = focus.bbox;
  assert.ok(w <= 13.4 && s <= 45.4 && e >= 37.62 && n >= 55.75, `Slovenia and Moscow in view: ${focus.bbox}`);
  assert.ok(e < 60, `Russia not framed whole (to Chukotka): ${focus.bbox}`);
});

test("a city just outside its state's simplified outline is still inside it, and the state around it is framed", () => {
  const layer = layerOf(
    place('Ludwigshafen', 'city', [8.44, 49.48], [0, 6, 8]),
    // The state's outline stops 0.01° west of the city on the river, as a 31-vertex outline can.
    place('Rhineland-Palatinate', 'admin1', [7.4, 49.9], [6], [6.1, 48.97, 8.43, 50.94]),
    place('Aschaffenburg', 'city', [9.15, 49.97], [10]),
    place('Bavaria', 'admin1', [11.4, 49.0], [10], [8.97, 47.27, 13.84, 50.56]),
    place('Germany', 'country', [10.5, 51.5], [0, 10, 11], [5.87, 47.27, 15.04, 55.06]),
  );
  assert.equal(names(layer).length, 5);
  // The state holds Ludwigshafen, so its anchor does not stretch the core: the two cities span 0.75°, the state
  // (2.3°) is framed whole, Bavaria (4.9°) and Germany are not.
  assert.deepEqual(chooseFocus(layer)!.bbox, [6.1, 48.97, 9.15, 50.94]);
});

test('a country named more than its places is framed whole, only its parts around them (not its overseas parts)', () => {
  const france = place('France', 'country', [2, 46], [0, 1, 2, 5, 6]);
  france.geometry = {
    type: 'MultiPolygon',
    coordinates: [ring([-4.8, 42.3, 8.2, 51.1]), ring([55.2, -21.4, 55.8, -20.9]), ring([-61.8, 15.8, -61, 16.5])],
  };
  const layer = layerOf(
    france,
    place('Paris', 'city', [2.35, 48.86], [3, 7, 8]),
    place('Lyon', 'city', [4.84, 45.76], [4]),
  );
  assert.deepEqual(names(layer), ['France', 'Paris', 'Lyon']);
  // France (five times, in the headline) is the story's subject (more than Paris and Lyon together): the mainland,
  // not Réunion or Guadeloupe.
  assert.deepEqual(chooseFocus(layer)!.bbox, [-4.8, 42.3, 8.2, 51.1]);
});

/** The member states of an EU summit story (rough boxes around the real countries), and its dateline city. */
const EU = {
  Brussels: place('Brussels', 'city', [4.35, 50.85], []),
  Dublin: place('Dublin', 'city', [-6.25, 53.33], []),
  Ireland: place('Ireland', 'country', [-8, 53], [], [-10.5, 51.4, -6.0, 55.4]),
  Poland: place('Poland', 'country', [19.4, 52], [], [14.1, 49.0, 24.1, 54.8]),
  Hungary: place('Hungary', 'country', [19.5, 47.2], [], [16.1, 45.7, 22.9, 48.6]),
  France: place('France', 'country', [2, 46], [], [-4.8, 42.3, 8.2, 51.1]),
  Germany: place('Germany', 'country', [10.5, 51.5], [], [5.9, 47.3, 15.0, 55.1]),
  Italy: place('Italy', 'country', [12.8, 42.8], [], [6.6, 36.6, 18.5, 47.1]),
  Greece: place('Greece', 'country', [22, 39], [], [19.4, 34.8, 28.2, 41.7]),
  Spain: place('Spain', 'country', [-4, 40], [], [-9.3, 36.0, 3.3, 43.8]),
  Portugal: place('Portugal', 'country', [-8.1, 39.7], [], [-9.5, 36.9, -6.2, 42.2]),
  Austria: place('Austria', 'country', [13.3, 47.3], [], [9.5, 46.4, 17.2, 49.0]),
  Netherlands: place('Netherlands', 'country', [5.75, 52.25], [], [3.4, 50.75, 7.2, 53.5]),
  Luxembourg: place('Luxembourg', 'country', [6.17, 49.75], [], [5.7, 49.4, 6.5, 50.2]),
};
const euStory = (...paragraphs: string[]) =>
  storyOf(paragraphs.join('\n\n'), ...Object.values(EU).map((f): [LayerFeature, string] => [f, f.properties.name]));

test('a summit story datelined in one city that names a dozen countries once or twice each frames them all', () => {
  const layer = euStory(
    'EU leaders split over migration pact at Brussels summit',
    'Brussels — European Union leaders meeting in Brussels on Thursday failed to agree on a new migration pact, ' +
      'with Poland and Hungary rejecting the plan and Ireland seeking an exemption.',
    'France and Germany backed the pact. Italy and Greece, where most migrants arrive, said it did not go far enough.',
    "Ireland's prime minister said Dublin would not accept quotas. Spain and Portugal supported the compromise, " +
      'while Austria and the Netherlands asked for stricter border controls.',
    'The leaders will meet again in Luxembourg next month.',
  );
  assert.deepEqual(names(layer).sort(), Object.keys(EU).sort());
  const [w, s, e, n] = chooseFocus(layer)!.bbox;
  // From Portugal and Ireland to Poland and Greece (before: Brussels to Luxembourg, Brussels in a corner).
  assert.ok(w <= -9.3 && e >= 22.9 && s <= 36.9 && n >= 54.8, JSON.stringify([w, s, e, n]));
});

test('a city story naming three far countries, or four against a city named far more, keeps to the city', () => {
  const three = euStory(
    'Brussels transit strike halts trams',
    'Brussels — Trams stood still in Brussels on Thursday as drivers struck over pay, and trains to the Netherlands ' +
      'and Luxembourg ran late.',
    'Unions in Brussels said talks had failed. Commuters from Brussels suburbs crowded the roads to France and Germany.',
    'Poland, Spain and Greece had similar strikes last year, a union leader in Brussels said.',
  );
  const four = euStory(
    'Brussels transit strike halts trams',
    'Brussels — Trams stood still in Brussels on Thursday as drivers struck over pay, and trains to the Netherlands ' +
      'and Luxembourg ran late.',
    'Unions in Brussels said talks had failed. Brussels commuters crowded the roads. Brussels schools closed early.',
    'Brussels police said Brussels had not seen such a strike since 2014, when Brussels trams stopped for a week.',
    'Poland, Spain, Italy and Greece had similar strikes last year, a union leader in Brussels said.',
  );
  for (const layer of [three, four]) {
    const focus = names(layer);
    assert.ok(focus.includes('Brussels'), focus.join());
    for (const far of ['Poland', 'Spain', 'Greece']) assert.ok(!focus.includes(far), focus.join());
  }
});

test('weights: names count one, adjectives half, the headline two more, the lead one more, times specificity', () => {
  assert.equal(placeWeight(place('Kalbajar', 'admin1', [46, 40], [7])), 1.5);
  assert.equal(placeWeight(place('Ankara', 'city', [32.85, 39.9], [0])), 6);
  assert.equal(placeWeight(place('Turkey', 'country', [35, 39], [1, 5], undefined, [9])), 3.5);
  assert.equal(placeWeight(place('South Caucasus', 'region', [45.5, 40.8], [31])), 0.5);
});

test('a kind from a file named like an Object property ("constructor", "__proto__") weighs as any unknown kind', () => {
  for (const kind of ['constructor', '__proto__', 'toString'])
    assert.equal(placeWeight(place('X', kind as PlaceKind, [32.85, 39.9], [0])), 3, kind);
  // As a kind unknown to the weights, the focus is the one a made-up kind gets, not the whole extent.
  const story = (kind: string) =>
    layerOf(
      place('Ankara', kind as PlaceKind, [32.85, 39.9], [0, 2]),
      place('Konya', kind as PlaceKind, [32.5, 37.87], [0, 3]),
      place('Lima', kind as PlaceKind, [-77.04, -12.05], [9]),
    );
  assert.deepEqual(chooseFocus(story('constructor')), chooseFocus(story('made-up')));
});

test('a layer with no placed feature has no focus', () => {
  assert.equal(chooseFocus(layerOf()), undefined);
  const unplaced = place('Nowhere', 'city', [0, 0], [0]);
  assert.equal(chooseFocus(layerOf({ ...unplaced, geometry: null as unknown as LayerFeature['geometry'] })), undefined);
});

test('the seed layer: the South Caucasus places are the focus; Russia, Turkey and Moscow are not', () => {
  const text = readFileSync(new URL('../fixtures/seed/article.txt', import.meta.url), 'utf8');
  const layer = geoparse(text, realResources());
  const focus = layer.focus!;
  assert.deepEqual(focus, chooseFocus(layer), 'geoparse records what chooseFocus chooses');
  const byName = new Map(layer.features.map((f) => [f.properties.name, f.id]));
  for (const name of ['Kalbajar', 'Lachin', 'Nagorno-Karabakh', 'Baku', 'Yerevan', 'Armenia', 'Azerbaijan'])
    assert.ok(focus.ids.includes(byName.get(name)!), name);
  for (const name of ['Russia', 'Turkey', 'Moscow', 'France']) assert.ok(!focus.ids.includes(byName.get(name)!), name);
  const [w, s, e, n] = focus.bbox;
  // Armenia and Azerbaijan lie within 43.4–50.9°E, 38.3–41.95°N; the box may add their region, not Russia.
  assert.ok(w <= 43.5 && e >= 50.3 && s <= 38.4 && n >= 41.9, `${focus.bbox}`);
  assert.ok(e - w < 15 && n - s < 8, `${focus.bbox}`);
});

test('a layer of 150,000 towns gets a focus (the box was a Math.min over every town as arguments: a stack overflow)', () => {
  const towns = Array.from({ length: 150_000 }, (_, i) =>
    place(`T${i}`, 'city', [2 + (i % 100) / 100, 48 + Math.floor(i / 100) / 1500], [i % 3]),
  );
  // Not layerOf(...towns): that spread would overflow the stack itself.
  const focus = chooseFocus({ type: 'FeatureCollection', features: towns, passages: [] });
  assert.equal(focus?.ids.length, 150_000);
  assert.deepEqual(focus?.bbox, [2, 48, 2.99, 48.999333]);
});

test('a story map of 20,000 towns: a weak town alone across the sea stays out, one near them and an area around them are in', () => {
  // manyCities: towns spread over Europe (10°W–30°E, 36–58°N), so the story's centre lies near 10°E 47°N and its
  // radius is some 4,300 km (four spreads of ~1,080 km), with LONE_KM's 2,500 km as the reach of "alone".
  const layer = manyCities(20_000);
  // In the Arctic Ocean: 4,100 km from the centre (within the radius) but 2,900 km from the nearest town: alone.
  const lone = place('Lone', 'city', [10, 84], [3]);
  // In the Sahara: 1,900 km from the nearest town, so not alone, and it widens the view south.
  const near = place('Near', 'city', [10, 19], [3]);
  // An area around every town (not the other two), its anchor in its far south-west corner, 8,900 km from the
  // centre: it joins the focus only as the area around the towns, and as their container its own anchor is not
  // framed, nor its 180° (more than three times the towns' 40°).
  const around = place('Around', 'region', [-90, 25], [4], [-100, 20, 80, 80]);
  layer.features.push(lone, near, around);
  const focus = chooseFocus(layer)!;
  const ids = new Set(focus.ids);
  assert.equal(ids.size, 20_002);
  assert.ok(!ids.has(lone.id) && ids.has(near.id) && ids.has(around.id));
  assert.deepEqual(focus.bbox, [-9.9984, 19, 30, 57.996]);
});
