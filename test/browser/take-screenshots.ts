// Writes screenshots of the explorer and the embed for a person to look at (issues #4, #5, #7):
// `npx tsx test/browser/take-screenshots.ts [OUT_DIR] [LAYER.geojson] [chromium|firefox]`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { click, launch, open, seedSample, settle, startSite, type Engine } from './harness.ts';

const out = process.argv[2] ?? '.tmp/screens';
const layer = process.argv[3] ? JSON.parse(readFileSync(process.argv[3], 'utf8')) : seedSample();
const engine = (process.argv[4] ?? 'chromium') as Engine;
mkdirSync(out, { recursive: true });
const site = await startSite(layer);
writeFileSync(
  join(site.dir, 'embed-demo.html'),
  '<!doctype html><meta charset="utf-8"><title>Embed</title><script src="article-atlas.js" defer></script><body style="max-width:760px;margin:24px auto;font:18px Georgia,serif"><p>Article text of the host page above the map.</p><article-atlas src="layer.geojson" text="off" height="480"></article-atlas><p>More of the host page below.</p></body>',
);
const browser = await launch(engine);
try {
  const wide = await open(browser, site.server.url);
  await wide.page.screenshot({ path: join(out, `${engine}-wide-loaded.png`) });
  const first = layer.features.find(
    (f: { geometry: unknown; properties: { kind: string } }) => f.geometry && f.properties.kind !== 'country',
  );
  if (first) {
    await click(wide.page, '.aa-row', { hasText: first.properties.name });
    await settle(wide.page);
    await wide.page.screenshot({ path: join(out, `${engine}-wide-selected.png`) });
  }
  const narrow = await open(browser, site.server.url + (first ? '#place=' + encodeURIComponent(first.id) : ''), {
    width: 390,
    height: 844,
  });
  await narrow.page.screenshot({ path: join(out, `${engine}-narrow.png`), fullPage: true });
  const embed = await open(browser, site.server.url + 'embed-demo.html', { waitFor: 'article-atlas' });
  await embed.page.waitForFunction(() => document.querySelector('article-atlas')?.shadowRoot?.querySelector('.aa-f'));
  await settle(embed.page);
  await embed.page.screenshot({ path: join(out, `${engine}-embed.png`), fullPage: true });
  console.log(
    `screenshots in ${out}; page errors: ${JSON.stringify([...wide.errors, ...narrow.errors, ...embed.errors])}`,
  );
} finally {
  await browser.close();
  await site.close();
}
