// The article text out of HTML and Markdown: text as a reader sees it (issue #16) and the hostile
// cases of issue #19 (items 4, 5 and 8).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlToText, markdownToText, MAX_HTML_DEPTH } from '../../src/cli/markup-to-text.ts';
import { readArticle } from '../../src/cli/read-article.ts';
import { InputError } from '../../src/core/errors.ts';

const PARA =
  'Officials in Yerevan said the talks would continue next week, and that both sides had agreed to keep the ceasefire along the border for now.';

test('headings h1–h6 and table headers keep their case; lists carry no numbers or bullets', () => {
  const { text } = htmlToText(
    `<article><h2>Talks Resume</h2><p>${PARA}</p><h4>What Comes Next</h4><h6>Small Print</h6>` +
      '<ol><li>First Baku</li><li>Then Lachin</li></ol><ul><li>Item Shusha</li></ul>' +
      '<table><tr><th>City Name</th><th>Population</th></tr><tr><td>Ganja</td><td>335,000</td></tr></table></article>',
  );
  for (const s of ['Talks Resume', 'What Comes Next', 'Small Print', 'City Name'])
    assert.ok(text.includes(s), `${s} in ${JSON.stringify(text)}`);
  assert.doesNotMatch(text, /WHAT COMES|SMALL PRINT|CITY NAME/);
  assert.doesNotMatch(text, /\d\.\s*(First|Then)|\*\s*Item/);
  assert.match(text, /^First Baku$/m);
  assert.match(text, /^Ganja$/m, 'a table cell on a line of its own');
});

test('a layout table of two prose columns is read column by column, not line by line across', () => {
  const left = 'In December the delegation travelled from Baku to Ganja to meet the regional governor.';
  const right = 'Meanwhile the opposition gathered in Yerevan to protest against the proposed settlement.';
  const { text } = htmlToText(`<table><tr><td><p>${left}</p></td><td><p>${right}</p></td></tr></table>`);
  assert.ok(text.includes(left) && text.includes(right), text);
});

test("#19.4: HTML over 16 M characters is read whole (the converter's own limit is lifted)", () => {
  const unit = 'Talks in Baku went on. ';
  const body = unit.repeat(Math.ceil(16_900_000 / unit.length));
  const { text } = htmlToText(
    `<!doctype html><html><body><article><p>${body}Final word from Yerevan.</p></article></body></html>`,
  );
  assert.ok(text.length > 16_777_216, `${text.length} characters`);
  assert.ok(text.endsWith('Final word from Yerevan.'), text.slice(-40));
});

test('#19.5: Markdown keeps its H1 and the text after an HTML block on the same line', async () => {
  const md = `# Talks in Baku\n\n${PARA} ${PARA}\n\n${PARA}\n\n<aside>Boxed note about Paris.</aside> More talk of Tbilisi.\n\n<div>A box.</div> And of Ganja.\n\nLast line about Rome.`;
  for (const name of ['a.md', undefined]) {
    const a = await readArticle(new TextEncoder().encode(md), name);
    assert.equal(a.format, 'markdown', `format of ${name ?? 'stdin'}`);
    for (const s of [
      'Talks in Baku',
      'Boxed note about Paris.',
      'More talk of Tbilisi.',
      'And of Ganja.',
      'Last line about Rome.',
    ]) {
      assert.ok(a.text.includes(s), `${s} kept (${name ?? 'stdin'})`);
    }
    assert.ok(a.text.startsWith('Talks in Baku'), 'the H1 is the first line, without its #');
    assert.equal(a.title, 'Talks in Baku');
  }
  assert.equal(markdownToText('# Talks\n\nIn **Baku**.'), 'Talks\n\nIn Baku.');
});

test('#19.8: deeply nested HTML is refused at once with a message saying so', () => {
  for (const levels of [MAX_HTML_DEPTH + 10, 5000, 100_000]) {
    const html = `<!doctype html><html><body>${'<div>'.repeat(levels)}<p>Talks in Baku.</p>${'</div>'.repeat(levels)}</body></html>`;
    const t0 = performance.now();
    assert.throws(
      () => htmlToText(html, { what: 'The file deep.html' }),
      (e: unknown) =>
        e instanceof InputError && /deep\.html nests its elements more than 256 levels deep/.test((e as Error).message),
    );
    // Not a timing test of speed: a bound on work. Before the scan, 5,000 levels ran for minutes.
    assert.ok(performance.now() - t0 < 20_000, `${levels} levels answered within the bound`);
  }
  const fine = `<!doctype html><html><body>${'<div>'.repeat(100)}<p>${PARA}</p>${'</div>'.repeat(100)}</body></html>`;
  assert.ok(htmlToText(fine).text.includes('Yerevan'), '100 levels are still read');
});

test('a page that is only links (a home page) gets a message, not a map of its navigation', () => {
  const links = ['Paris', 'London', 'Tokyo', 'Madrid', 'Lisbon', 'Berlin', 'Rome', 'Vienna']
    .map((c) => `<li><a href="/${c}">Latest news from ${c} today</a></li>`)
    .join('');
  const html = `<!doctype html><html><head><title>Home</title></head><body><nav><ul>${links}</ul></nav><main><ul>${links}</ul></main></body></html>`;
  assert.throws(
    () => htmlToText(html),
    (e: unknown) => e instanceof InputError && /has no article: most of its text is links/.test((e as Error).message),
  );
  assert.equal(
    htmlToText('<p>Fighting near <a href="/b">Baku</a> and Yerevan.</p>').text,
    'Fighting near Baku and Yerevan.',
    'a snippet with a link is still read',
  );
});
