// Extraction benchmark: how close the article text the CLI takes out of a web page comes to a reviewed
// article body, as 4-gram token F1 (issue #16). Reads ../shared/data/html-pages (130 pages from
// mozilla/readability's test suite; see its SOURCE.md) when present and says so when not.
//   npx tsx test/bench/extract-bench.ts [--pages DIR] [--worst N]

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { htmlToText } from '../../src/cli/markup-to-text.ts';

const ROOT = new URL('../..', import.meta.url).pathname;
const { values } = parseArgs({ options: { pages: { type: 'string' }, worst: { type: 'string' } } });
const PAGES = values.pages ?? join(ROOT, '../shared/data/html-pages/pages');
if (!existsSync(PAGES)) {
  console.log(`extract-bench: ${PAGES} not found: the reference pages are not on this machine, nothing to measure.`);
  process.exit(0);
}

/** Elements that do not separate words; every other element boundary does. */
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DFN',
  'EM',
  'I',
  'KBD',
  'MARK',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'FONT',
]);

/** The words of an HTML fragment as a reader sees them, without any converter's formatting. */
function plainText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let c = node.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 3) parts.push(c.textContent ?? '');
      else if (c.nodeType === 1) {
        const tag = (c as Element).tagName;
        if (tag === 'SCRIPT' || tag === 'STYLE') continue;
        const block = !INLINE.has(tag);
        if (block) parts.push(' ');
        walk(c);
        if (block) parts.push(' ');
      }
    }
  };
  walk(document.body);
  return parts.join('');
}

const tokens = (text: string) => text.match(/[\p{L}\p{N}]+/gu) ?? [];

function ngrams(words: string[], n = 4): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i + n <= words.length; i++) {
    const k = words.slice(i, i + n).join(' ');
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** Precision, recall and F1 of the candidate's 4-grams (a multiset) against the reference's. */
function score(candidate: string, reference: string) {
  const c = ngrams(tokens(candidate));
  const r = ngrams(tokens(reference));
  let common = 0;
  let nc = 0;
  let nr = 0;
  for (const v of c.values()) nc += v;
  for (const [k, v] of r) {
    nr += v;
    common += Math.min(v, c.get(k) ?? 0);
  }
  const p = nc ? common / nc : nr ? 0 : 1;
  const rec = nr ? common / nr : 1;
  return { p, r: rec, f1: p + rec ? (2 * p * rec) / (p + rec) : 0 };
}

function readabilityText(html: string): string {
  const { document } = parseHTML(html);
  try {
    const a = new Readability(document as unknown as Document).parse();
    return a?.content ? plainText(a.content) : '';
  } catch {
    return '';
  }
}

type Row = { name: string; ours: ReturnType<typeof score>; readability: ReturnType<typeof score>; ms: number };
const rows: Row[] = [];
/** Metadata agreement with Readability's reviewed metadata: field → [pages that agree, pages where it has a value]. */
const FIELDS = {
  title: 'title',
  author: 'byline',
  siteName: 'siteName',
  published: 'publishedTime',
  language: 'lang',
} as const;
const agree = new Map<string, [number, number]>(Object.keys(FIELDS).map((k) => [k, [0, 0]]));
const same = (a: unknown, b: unknown) =>
  typeof a === 'string' &&
  typeof b === 'string' &&
  a.replace(/\s+/g, ' ').trim().toLowerCase() === b.replace(/\s+/g, ' ').trim().toLowerCase();
const sameDate = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && Date.parse(a) === Date.parse(b);
for (const name of readdirSync(PAGES).sort()) {
  const dir = join(PAGES, name);
  if (!existsSync(join(dir, 'expected.html.gz'))) continue;
  const source = gunzipSync(readFileSync(join(dir, 'source.html.gz'))).toString('utf8');
  const reference = plainText(gunzipSync(readFileSync(join(dir, 'expected.html.gz'))).toString('utf8'));
  const t0 = performance.now();
  let ours = '';
  const expectedMeta = JSON.parse(readFileSync(join(dir, 'expected-metadata.json'), 'utf8'));
  try {
    const read = htmlToText(source);
    ours = read.text;
    const mine: Record<string, unknown> = { ...read.article, title: read.title };
    for (const [k, theirs] of Object.entries(FIELDS)) {
      if (!expectedMeta[theirs]) continue;
      const a = agree.get(k)!;
      a[1]++;
      if ((k === 'published' ? sameDate : same)(mine[k], expectedMeta[theirs])) a[0]++;
      else if (process.env.SHOW) console.log(name, k, JSON.stringify(mine[k]), JSON.stringify(expectedMeta[theirs]));
    }
  } catch {
    // A page we refuse scores 0, as it would for a reader.
  }
  const ms = performance.now() - t0;
  rows.push({ name, ours: score(ours, reference), readability: score(readabilityText(source), reference), ms });
}

const mean = (f: (r: Row) => number) => rows.reduce((s, r) => s + f(r), 0) / rows.length;
const fmt = (x: number) => x.toFixed(4);
console.log(
  `extract-bench: ${rows.length} pages from ${PAGES}; 4-gram token F1 (mean over pages) against the reviewed bodies`,
);
console.log('extractor                          P      R      F1');
console.log(
  `article-atlas (htmlToText)     ${fmt(mean((r) => r.ours.p))}  ${fmt(mean((r) => r.ours.r))}  ${fmt(mean((r) => r.ours.f1))}`,
);
console.log(
  `Readability 0.6.0 (its text)   ${fmt(mean((r) => r.readability.p))}  ${fmt(mean((r) => r.readability.r))}  ${fmt(mean((r) => r.readability.f1))}`,
);
console.log(
  `pages where ours < 0.9 F1: ${rows.filter((r) => r.ours.f1 < 0.9).length}; median time ${[...rows].sort((a, b) => a.ms - b.ms)[rows.length >> 1].ms.toFixed(0)} ms per page`,
);
console.log(
  `metadata equal to Readability's reviewed metadata: ${[...agree].map(([k, [n, of]]) => `${k} ${n}/${of}`).join(', ')}`,
);
const worst = Number(values.worst ?? 0);
for (const r of [...rows].sort((a, b) => a.ours.f1 - b.ours.f1).slice(0, worst)) {
  console.log(
    `  ${r.name.padEnd(44)} ours ${fmt(r.ours.p)}/${fmt(r.ours.r)}/${fmt(r.ours.f1)}  readability ${fmt(r.readability.f1)}`,
  );
}
