// An article layer as CSV (issue #17, Publish): one row per place, written by papaparse, for spreadsheets.
import Papa from 'papaparse';
import type { ArticleLayer } from '../core/types.ts';
import { placeRows, type PlaceRowsOptions } from './place-rows.ts';

/** The columns, in order (the header row). */
export const CSV_COLUMNS = ['id', 'name', 'kind', 'country', 'lon', 'lat', 'mentions', 'status'] as const;

/**
 * A text cell a spreadsheet would run as a formula (OWASP "CSV injection"): the first character is one a
 * formula starts with. papaparse's own `escapeFormulae: true` tests `^[=+\-@\t\r].*$`, which misses a
 * cell with a line break after the `=`; this tests the first character only. Numbers are never prefixed.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Opens the text: Excel reads a CSV file without it in the system's legacy code page, so "Gümrü" or "Şuşa"
 * would come out garbled; spreadsheets, csv-parse (`bom: true`) and papaparse all read it as a marker.
 */
const BOM = '\uFEFF';

/**
 * The layer's places as CSV text (RFC 4180: CRLF line ends, fields quoted where needed; UTF-8 after a byte
 * order mark). Place names are untrusted text: a name starting like a formula (`=HYPERLINK(…)`) gets a
 * leading `'`, so a spreadsheet shows it as text instead of running it.
 * @example layerToCsv(layer).split('\r\n')[0] // '\uFEFFid,name,kind,country,lon,lat,mentions,status'
 */
export function layerToCsv(layer: ArticleLayer, options: PlaceRowsOptions = {}): string {
  const rows = placeRows(layer, options).map((r) => CSV_COLUMNS.map((c) => r[c]));
  return (
    BOM +
    Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', escapeFormulae: FORMULA_START }) +
    '\r\n'
  );
}
