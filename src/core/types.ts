// Shared types of the pipeline: text → passages → mentions → candidates → ranked → resolved → layer.
// Offsets everywhere are UTF-16 code-unit indices into the original text (JavaScript string indices),
// so `text.slice(start, end) === mention.text` holds from recognition through export and UI highlight.

import type { Feature, FeatureCollection, Geometry } from 'geojson';

/** What a gazetteer entry is; drives styling, ranking priors and polygon vs point output. */
export type PlaceKind =
  | 'continent'
  | 'country'
  | 'historical-country'
  | 'region'
  | 'disputed'
  | 'admin1'
  | 'admin2'
  | 'city'
  | 'water'
  | 'island'
  | 'mountain'
  | 'site';

/** One gazetteer entry, as the core sees it. Coordinates are `[lon, lat]`. */
export interface Place {
  /** Stable gazetteer id: `geonames:<id>`, `wikidata:<Q…>` or `ne:<…>`. */
  id: string;
  name: string;
  kind: PlaceKind;
  /** GeoNames feature code (PPLC, ADM1, PCLI, …) or a Natural Earth class; empty when unknown. */
  featureCode: string;
  /** ISO 3166-1 alpha-2, empty for places outside any country (oceans, continents). */
  country: string;
  /** GeoNames admin-1 code within the country (e.g. `28` in AZ.28), empty when unknown. */
  admin1: string;
  population: number;
  /** Representative point: the GeoNames point for places and countries, a label point for other areas. */
  anchor: [number, number];
  geonameid?: number;
  wikidata?: string;
  /** Key of the polygon in the shapes artifact; absent for point-only places. */
  shape?: string;
  /** Set for disputed or breakaway areas: what the drawn extent represents and when. */
  disputed?: string;
  /** For sites: the gazetteer place whose point stands in for the site's. */
  within?: { id: string; name: string };
}

/** A name the gazetteer knows, with what kind of name it is for the place. */
export interface NameMatch {
  place: Place;
  /** `name` = official/common name, `alt` = alternate name, `adjective` = demonym or adjective. */
  nameType: 'name' | 'alt' | 'adjective';
}

/**
 * The port through which the core reads the gazetteer. The CLI loads it from disk, the browser
 * fetches it, tests build a tiny one; the core never does I/O.
 */
export interface Gazetteer {
  /** Every entry whose name or alternate name normalises to `normalizedName` (see normalizeName). */
  lookup(normalizedName: string): NameMatch[];
  /** True when some gazetteer name starts with these normalised words (for multi-word matching). */
  hasPrefix(normalizedPrefix: string): boolean;
  /**
   * The normalised names that start with `normalizedPrefix` (a whole name or part of one: "bak" gives
   * "baku", "baker", …), in index order, at most `max`. For search by name (search-places.ts, issue #17);
   * optional, so a gazetteer that cannot list its names still geoparses.
   */
  keysWithPrefix?(normalizedPrefix: string, max: number): string[];
  /**
   * The first `max` readings `lookup` would give (names first, then by population), reading no more: lets
   * search look at every one of the ~6,000 names that start with "san" (issue #15). Optional, like
   * keysWithPrefix; search falls back on `lookup`.
   */
  lookupHead?(normalizedName: string, max: number): NameMatch[];
  /** Entry by stable id. */
  get(id: string): Place | undefined;
  /** The country entry for an ISO alpha-2 code. */
  country(iso2: string): Place | undefined;
  /** The admin-1 entry for a country and GeoNames admin-1 code. */
  admin1(iso2: string, admin1Code: string): Place | undefined;
  /** Polygon for a place's `shape` key, or undefined when the gazetteer has none loaded. */
  geometry(shape: string): Geometry | undefined;
  /**
   * The polygon as a layer draws it, `layerGeometry(geometry(shape))` (layer-geometry.ts):
   * within the layer's vertex cap (a big polygon through the `LayerMask` the gazetteer has worked out
   * ahead, see `layerMask`), rounded to 6 decimals, wound by the right-hand rule; the same object
   * each time. Undefined when the layer must make it from `geometry(shape)` itself (a big polygon
   * without a mask, a shape that is not a polygon).
   */
  layerGeometry?(shape: string): Geometry | undefined;
}

/** Per ring of a polygon (polygon by polygon): the kept vertex indices as gaps from the previous one (the first from 0), or 0 for a dropped ring. */
export type LayerMask = Array<number[] | 0>;

/** A paragraph of the text with its sentence boundaries. */
export interface Passage {
  index: number;
  start: number;
  end: number;
  /** Sentence spans inside the passage, absolute offsets. */
  sentences: Array<[number, number]>;
}

export type MentionType = 'toponym' | 'adjectival';

/** A stretch of text recognised as naming a place (or adjectival form of one). */
export interface Mention {
  start: number;
  end: number;
  text: string;
  /** Normalised form used for gazetteer lookup. */
  key: string;
  type: MentionType;
  passage: number;
  /** Recogniser confidence in [0, 1]. */
  confidence: number;
  /** A named site below the gazetteer's level (street, building), placed approximately. */
  site?: boolean;
  /** A gazetteer name inside a site's name ("Colorado" in "Colorado State University"). */
  insideSite?: boolean;
  /**
   * A compass word qualifies the name ("Southern Ontario", "East Texas", issue #15): it reads as part of an
   * area, so its area readings are preferred and the place is marked approximate.
   */
  qualified?: boolean;
  /**
   * Recognised surely and written as a plain name: not in capitals, not a month or weekday, not a given name,
   * surname or common English word. Such a mention keeps a weak reading that resolution would drop (issue #15).
   */
  plain?: boolean;
}

export interface Candidate {
  place: Place;
  nameType: NameMatch['nameType'];
  score: number;
  /**
   * A big city that a same-named area of its country holds and is named after, meant over that area
   * (`twinCity`, namesake-features.ts): "New York" for New York City, which bears the name as an alternate one.
   */
  twinCity?: boolean;
}

export interface RankedMention {
  mention: Mention;
  /** Best first; may be empty. */
  candidates: Candidate[];
  /**
   * A "City, State" comma right at this mention ("Washington, D.C."): its own words say which reading it is, so
   * it is resolved apart from the name's other mentions (one sense per name holds among those).
   */
  ownComma?: boolean;
}

/** A mention with its chosen referent, or `place: null` for an explicit "no match". */
export interface ResolvedMention extends RankedMention {
  place: Place | null;
  score: number;
}

/** The mention record exported in feature properties. */
export interface LayerMention {
  start: number;
  end: number;
  text: string;
  passage: number;
  type: MentionType;
  /** Set on a mention a person added in review (issue #17); absent on the pipeline's. */
  status?: 'added';
}

export interface LayerCandidate {
  id: string;
  name: string;
  kind: PlaceKind;
  country: string;
  /** Representative point, so a hand correction can place the feature without the gazetteer. */
  anchor: [number, number];
  geonameid?: number;
  wikidata?: string;
  score: number;
}

export interface LayerProperties {
  name: string;
  kind: PlaceKind;
  country: string;
  geonameid?: number;
  wikidata?: string;
  anchor: [number, number];
  score: number;
  disputed?: string;
  /** Sites only: placed at the point of this gazetteer place (the article's local focus). */
  within?: { id: string; name: string };
  approximate?: boolean;
  candidates: LayerCandidate[];
  mentions: LayerMention[];
  /**
   * Set by hand in the explorer: `corrected` ("Wrong place?", or a mention removed in review: the feature
   * `none:<id>` keeps what was removed), `added` (a place added in review, issue #17).
   */
  status?: 'corrected' | 'added';
  original?: string;
}

export type LayerFeature = Feature<Geometry, LayerProperties> & { id: string };

/** The layer's foreign member `focus`: what the first view frames and which places it was chosen for. */
export interface LayerFocus {
  /**
   * [west, south, east, north] in degrees, as an RFC 7946 bbox: west > east when the box crosses the
   * antimeridian.
   */
  bbox: [number, number, number, number];
  /** The ids of the places the article is about, in layer order. */
  ids: string[];
}

/**
 * What a web page or HTML file says about its article (the layer's `article` foreign member, issue #16),
 * read from JSON-LD, Open Graph, `article:*` and other `<meta>` tags. Every field is optional: a page
 * gives what it has.
 */
export interface ArticleMetadata {
  title?: string;
  siteName?: string;
  author?: string;
  /** Publication date-time, ISO 8601 (`2026-11-27T08:00:00.000Z`), or a date alone (`2026-11-27`). */
  published?: string;
  /** The address the article was fetched from, after redirects (http or https). */
  url?: string;
  /** The address the page gives as its own (`<link rel="canonical">`, `og:url`). */
  canonicalUrl?: string;
  /** BCP 47 language tag (`en`, `en-GB`). */
  language?: string;
}

/**
 * The article layer: the product's data model. An RFC 7946 FeatureCollection with foreign members
 * `passages` (paragraph spans with sentence spans), `text` (the text all offsets refer to, optional),
 * `title`, `article` (the page's metadata, when it has any) and `focus` (what the first view frames: a
 * bbox and the ids of the places the article is about).
 */
export interface ArticleLayer extends FeatureCollection<Geometry, LayerProperties> {
  features: LayerFeature[];
  id?: string;
  title?: string;
  article?: ArticleMetadata;
  text?: string;
  passages: Array<{ start: number; end: number; sentences: Array<[number, number]> }>;
  focus?: LayerFocus;
}
