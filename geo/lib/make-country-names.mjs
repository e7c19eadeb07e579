// English country names by ISO 3166-1 alpha-2 code for basemap.json (issue #14), written at build time by the
// root build.mjs: the explorer's place list reads them instead of building Intl.DisplayNames in the page.

/**
 * Every two-letter code Node's Intl names in English (CLDR, the names a browser's Intl.DisplayNames gives), as
 * `{code: name}` in code order; about 280 names, 2.4 KB gzip.
 * @example makeCountryNames().AZ // 'Azerbaijan'
 */
export function makeCountryNames() {
  const names = new Intl.DisplayNames(['en'], { type: 'region' });
  const table = {};
  const A = 'A'.charCodeAt(0);
  for (let i = 0; i < 26 * 26; i++) {
    const code = String.fromCharCode(A + Math.floor(i / 26), A + (i % 26));
    const name = names.of(code);
    if (name && name !== code) table[code] = name;
  }
  return table;
}
